import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.sources.$get

export type Sources = InferResponseType<typeof endpoint, 200>
export type SourceRates = Sources['groups'][number]

export async function getSources(filters: AnalyticsFilters): Promise<Sources> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const sourcesQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'sources', filters],
    queryFn: () => getSources(filters),
    placeholderData: keepPreviousData,
  })

export const useSources = (filters: AnalyticsFilters) => useQuery(sourcesQueryOptions(filters))
