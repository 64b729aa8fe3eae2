import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.questions.$get

export type Questions = InferResponseType<typeof endpoint, 200>
export type QuestionArea = Questions['areas'][number]
export type Question = QuestionArea['questions'][number]

export async function getQuestions(filters: AnalyticsFilters): Promise<Questions> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const questionsQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'questions', filters],
    queryFn: () => getQuestions(filters),
    // Keep the last figures on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useQuestions = (filters: AnalyticsFilters) => useQuery(questionsQueryOptions(filters))
