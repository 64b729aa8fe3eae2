import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.expectancy.$get

export type Expectancy = InferResponseType<typeof endpoint, 200>
export type ExpectancyBand = Expectancy['bands'][number]

export type WorthFilters = Pick<
  AnalyticsFilters,
  'level' | 'hire_type' | 'as_of' | 'requisition_id' | 'from' | 'to'
>

export async function getExpectancy(filters: WorthFilters): Promise<Expectancy> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const expectancyQueryOptions = (filters: WorthFilters) =>
  queryOptions({
    queryKey: ['analytics', 'expectancy', filters],
    queryFn: () => getExpectancy(filters),
    placeholderData: keepPreviousData,
  })

export const useExpectancy = (filters: WorthFilters) => useQuery(expectancyQueryOptions(filters))
