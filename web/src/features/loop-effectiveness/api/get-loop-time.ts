import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics['loop-time'].$get

export type LoopTime = InferResponseType<typeof endpoint, 200>
export type AreaLoopTime = LoopTime['areas'][number]

export async function getLoopTime(filters: ValidityFilters): Promise<LoopTime> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const loopTimeQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'loop-time', filters],
    queryFn: () => getLoopTime(filters),
    placeholderData: keepPreviousData,
  })

export const useLoopTime = (filters: ValidityFilters) => useQuery(loopTimeQueryOptions(filters))
