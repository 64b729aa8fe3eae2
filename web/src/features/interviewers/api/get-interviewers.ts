import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.interviewers.$get

export type Interviewers = InferResponseType<typeof endpoint, 200>
export type InterviewerCalibration = Interviewers['interviewers'][number]
export type AreaReliability = Interviewers['areas'][number]

export async function getInterviewers(filters: AnalyticsFilters): Promise<Interviewers> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const interviewersQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'interviewers', filters],
    queryFn: () => getInterviewers(filters),
    // Keep the last figures on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useInterviewers = (filters: AnalyticsFilters) =>
  useQuery(interviewersQueryOptions(filters))
