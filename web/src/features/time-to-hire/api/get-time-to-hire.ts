import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics['time-to-hire'].$get

export type TimeToHire = InferResponseType<typeof endpoint, 200>
export type SpeedSummary = TimeToHire['overall']

export async function getTimeToHire(filters: AnalyticsFilters): Promise<TimeToHire> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const timeToHireQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'time-to-hire', filters],
    queryFn: () => getTimeToHire(filters),
    // Keep the last charts on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useTimeToHire = (filters: AnalyticsFilters) =>
  useQuery(timeToHireQueryOptions(filters))
