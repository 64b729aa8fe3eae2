import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics['adverse-impact'].$get

export type AdverseImpact = InferResponseType<typeof endpoint, 200>
export type GroupImpact = AdverseImpact['groups'][number]

export async function getAdverseImpact(filters: AnalyticsFilters): Promise<AdverseImpact> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const adverseImpactQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'adverse-impact', filters],
    queryFn: () => getAdverseImpact(filters),
    // Keep the last figures on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useAdverseImpact = (filters: AnalyticsFilters) =>
  useQuery(adverseImpactQueryOptions(filters))
