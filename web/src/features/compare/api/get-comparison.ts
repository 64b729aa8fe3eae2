import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const endpoint = client.api.compare.$get

export type Comparison = InferResponseType<typeof endpoint, 200>
export type ComparedApplication = Comparison['applications'][number]

export async function getComparison(applicationIds: readonly string[]): Promise<Comparison> {
  const response = await endpoint({ query: { application_ids: applicationIds.join(',') } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const comparisonQueryOptions = (applicationIds: readonly string[]) =>
  queryOptions({
    queryKey: ['compare', applicationIds],
    queryFn: () => getComparison(applicationIds),
    placeholderData: keepPreviousData,
  })

/** Asks only once two applications are picked: fewer is not a comparison. */
export const useComparison = (applicationIds: readonly string[]) =>
  useQuery({ ...comparisonQueryOptions(applicationIds), enabled: applicationIds.length >= 2 })
