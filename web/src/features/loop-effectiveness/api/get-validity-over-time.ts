import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics['validity-over-time'].$get

export type ValidityOverTime = InferResponseType<typeof endpoint, 200>
export type HalfYear = ValidityOverTime['halves'][number]

export async function getValidityOverTime(filters: ValidityFilters): Promise<ValidityOverTime> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const validityOverTimeQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'validity-over-time', filters],
    queryFn: () => getValidityOverTime(filters),
    placeholderData: keepPreviousData,
  })

export const useValidityOverTime = (filters: ValidityFilters) =>
  useQuery(validityOverTimeQueryOptions(filters))
