import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'
import { sessionQueryOptions } from '../../../lib/session'

const endpoint = client.api.auth.password.$post

export type PasswordChange = InferRequestType<typeof endpoint>['json']

export async function changePassword(change: PasswordChange): Promise<void> {
  const response = await endpoint({ json: change })
  if (!response.ok) throw await responseError(response)
}

/** Changes the signed-in user's password, then reads the session again (no longer asked). */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionQueryOptions().queryKey }),
  })
}
