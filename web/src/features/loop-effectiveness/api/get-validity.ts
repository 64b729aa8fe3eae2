import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.validity.$get

export type Validity = InferResponseType<typeof endpoint, 200>
export type AreaValidity = Validity['areas'][number]

export type ValidityFilters = Pick<
  AnalyticsFilters,
  'level' | 'as_of' | 'requisition_id' | 'from' | 'to'
>

export async function getValidity(filters: ValidityFilters): Promise<Validity> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const validityQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'validity', filters],
    queryFn: () => getValidity(filters),
    // Keep the last table on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useValidity = (filters: ValidityFilters) => useQuery(validityQueryOptions(filters))
