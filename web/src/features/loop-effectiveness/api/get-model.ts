import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics.model.$get

export type ModelResponse = InferResponseType<typeof endpoint, 200>
export type RetentionModel = ModelResponse['model']

export async function getModel(filters: ValidityFilters): Promise<ModelResponse> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const modelQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'model', filters],
    queryFn: () => getModel(filters),
    placeholderData: keepPreviousData,
  })

export const useModel = (filters: ValidityFilters) => useQuery(modelQueryOptions(filters))
