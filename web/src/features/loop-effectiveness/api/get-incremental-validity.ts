import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics['incremental-validity'].$get

export type IncrementalValidity = InferResponseType<typeof endpoint, 200>
export type AreaIncrementalValidity = IncrementalValidity['areas'][number]

export async function getIncrementalValidity(
  filters: ValidityFilters,
): Promise<IncrementalValidity> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const incrementalValidityQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'incremental-validity', filters],
    queryFn: () => getIncrementalValidity(filters),
    placeholderData: keepPreviousData,
  })

export const useIncrementalValidity = (filters: ValidityFilters) =>
  useQuery(incrementalValidityQueryOptions(filters))
