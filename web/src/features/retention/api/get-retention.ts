import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.retention.$get

export type Retention = InferResponseType<typeof endpoint, 200>
export type AreaRetention = Retention['areas'][number]
export type BandCurve = AreaRetention['bands'][number]
export type SurvivalStep = BandCurve['steps'][number]

export type RetentionFilters = AnalyticsFilters

export async function getRetention(filters: RetentionFilters): Promise<Retention> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const retentionQueryOptions = (filters: RetentionFilters) =>
  queryOptions({
    queryKey: ['analytics', 'retention', filters],
    queryFn: () => getRetention(filters),
    // Keep the last curves on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useRetention = (filters: RetentionFilters) => useQuery(retentionQueryOptions(filters))
