import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.interviewers[':handle'].ratings.$get

export type InterviewerRatings = InferResponseType<typeof endpoint, 200>
export type InterviewerRating = InterviewerRatings['items'][number]

export const RATINGS_PAGE_SIZE = 25

export interface RatingsRequest {
  handle: string
  filters: Pick<AnalyticsFilters, 'level' | 'hire_type'>
  offset: number
}

export async function getInterviewerRatings({
  handle,
  filters,
  offset,
}: RatingsRequest): Promise<InterviewerRatings> {
  const response = await endpoint({
    // The client puts the parameter into the path as it is.
    param: { handle: encodeURIComponent(handle) },
    query: {
      ...definedParameters({ level: filters.level, hire_type: filters.hire_type }),
      limit: String(RATINGS_PAGE_SIZE),
      offset: String(offset),
    },
  })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const interviewerRatingsQueryOptions = (request: RatingsRequest) =>
  queryOptions({
    queryKey: ['interviewers', request.handle, 'ratings', request.filters, request.offset],
    queryFn: () => getInterviewerRatings(request),
    // Paging keeps the last page on screen; another interviewer's rows never stand in.
    placeholderData: (previous) =>
      previous?.interviewer === request.handle ? previous : undefined,
  })

export const useInterviewerRatings = (request: RatingsRequest) =>
  useQuery(interviewerRatingsQueryOptions(request))
