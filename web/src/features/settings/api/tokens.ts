import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const listEndpoint = client.api.auth.tokens.$get
const createEndpoint = client.api.auth.tokens.$post

export type Tokens = InferResponseType<typeof listEndpoint, 200>
/** A new token with its secret: the only answer that carries it. */
export type CreatedToken = InferResponseType<typeof createEndpoint, 201>

export async function getTokens(): Promise<Tokens> {
  const response = await listEndpoint()
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const tokensQueryOptions = () =>
  queryOptions({ queryKey: ['auth', 'tokens'], queryFn: getTokens })

export const useTokens = () => useQuery(tokensQueryOptions())

export async function createToken(name: string): Promise<CreatedToken> {
  const response = await createEndpoint({ json: { name } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export async function deleteToken(id: number): Promise<void> {
  const response = await client.api.auth.tokens[':id'].$delete({ param: { id: String(id) } })
  if (!response.ok) throw await responseError(response)
}

export function useCreateToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
  })
}

export function useDeleteToken() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryOptions().queryKey }),
  })
}
