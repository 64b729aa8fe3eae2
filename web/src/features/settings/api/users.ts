import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const listEndpoint = client.api.users.$get
const createEndpoint = client.api.users.$post
const changeEndpoint = client.api.users[':id'].$patch

export type Users = InferResponseType<typeof listEndpoint, 200>
export type User = Users['users'][number]
export type NewUser = InferRequestType<typeof createEndpoint>['json']
export type UserChange = InferRequestType<typeof changeEndpoint>['json']
/** A created or changed user; `password` only when the server generated one, shown once. */
export type SavedUser = InferResponseType<typeof createEndpoint, 201>

export async function getUsers(): Promise<Users> {
  const response = await listEndpoint()
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const usersQueryOptions = () => queryOptions({ queryKey: ['users'], queryFn: getUsers })

export const useUsers = () => useQuery(usersQueryOptions())

export async function createUser(user: NewUser): Promise<SavedUser> {
  const response = await createEndpoint({ json: user })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export async function changeUser(id: number, change: UserChange): Promise<SavedUser> {
  const response = await changeEndpoint({ param: { id: String(id) }, json: change })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export function useCreateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  })
}

export function useChangeUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: UserChange }) => changeUser(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  })
}
