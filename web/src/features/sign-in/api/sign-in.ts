import type { Session } from '../../../lib/session'
import { client, responseError } from '../../../lib/api-client'

export interface Credentials {
  email: string
  password: string
}

export async function signIn(credentials: Credentials): Promise<Session> {
  const response = await client.api.auth['sign-in'].$post({ json: credentials })
  if (!response.ok) throw await responseError(response)
  return response.json()
}
