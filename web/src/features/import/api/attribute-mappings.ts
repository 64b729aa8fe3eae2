import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const listEndpoint = client.api['attribute-mappings'].$get
const saveEndpoint = client.api['attribute-mappings'].$put

export type AttributeMappings = InferResponseType<typeof listEndpoint, 200>
export type AttributeMapping = InferRequestType<typeof saveEndpoint>['json']['mappings'][number]

export async function getAttributeMappings(): Promise<AttributeMappings> {
  const response = await listEndpoint({ query: {} })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const attributeMappingsQueryOptions = () =>
  queryOptions({ queryKey: ['attribute-mappings'], queryFn: getAttributeMappings })

export const useAttributeMappings = () => useQuery(attributeMappingsQueryOptions())

export async function saveAttributeMappings(
  mappings: AttributeMapping[],
): Promise<AttributeMappings> {
  const response = await saveEndpoint({ query: {}, json: { mappings } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export function useSaveAttributeMappings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: saveAttributeMappings,
    onSuccess: (saved) => queryClient.setQueryData(attributeMappingsQueryOptions().queryKey, saved),
  })
}

const rubricsEndpoint = client.api.rubrics.$get

/** The areas an attribute can map to: those of the rubric the mappings belong to. */
export async function getRubricAreas(rubricKey: string) {
  const response = await rubricsEndpoint()
  if (!response.ok) throw await responseError(response)
  const { rubrics } = await response.json()
  return rubrics.find((rubric) => rubric.key === rubricKey)?.areas ?? []
}

export const useRubricAreas = (rubricKey: string | undefined) =>
  useQuery({
    queryKey: ['import', 'rubric-areas', rubricKey],
    queryFn: () => getRubricAreas(rubricKey ?? ''),
    enabled: rubricKey !== undefined,
  })
