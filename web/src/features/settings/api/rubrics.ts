import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const listEndpoint = client.api.rubrics.$get
const weightsEndpoint = client.api.rubrics[':key'].weights.$put

export type Rubrics = InferResponseType<typeof listEndpoint, 200>
export type Rubric = Rubrics['rubrics'][number]
export type LevelWeights = InferRequestType<typeof weightsEndpoint>['json']['weights']

export async function getRubrics(): Promise<Rubrics> {
  const response = await listEndpoint()
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const rubricsQueryOptions = () =>
  queryOptions({ queryKey: ['rubrics'], queryFn: getRubrics })

export const useRubrics = () => useQuery(rubricsQueryOptions())

export async function saveRubricWeights(key: string, weights: LevelWeights): Promise<Rubrics> {
  const response = await weightsEndpoint({ param: { key }, json: { weights } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

/** Saves a rubric's weights; composites, and so every analytics answer, depend on them. */
export function useSaveRubricWeights() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ key, weights }: { key: string; weights: LevelWeights }) =>
      saveRubricWeights(key, weights),
    onSuccess: async (saved) => {
      queryClient.setQueryData(rubricsQueryOptions().queryKey, saved)
      await queryClient.invalidateQueries({ queryKey: ['analytics'] })
    },
  })
}
