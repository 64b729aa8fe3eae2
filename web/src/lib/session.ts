import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { UserRole } from '../../../db/domain'
import { client, responseError, setCsrfToken } from './api-client'

const endpoint = client.api.auth.session.$get

export type Session = InferResponseType<typeof endpoint, 200>

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Admin',
  talent_lead: 'Talent lead',
  hiring_manager: 'Hiring manager',
}

const sessionQueryKey = ['session'] as const

/** The signed-in session, or null when signed out: an expected state, not an error. */
export async function getSession(): Promise<Session | null> {
  const response = await endpoint()
  if (response.status === 401) {
    setCsrfToken(null)
    return null
  }
  if (!response.ok) throw await responseError(response)
  const session = await response.json()
  setCsrfToken(session.csrf_token)
  return session
}

export const sessionQueryOptions = () =>
  // Loaded once: a 401 from any later query marks it signed out (see app/query-client.ts).
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: Infinity })

export const useSession = () => useQuery(sessionQueryOptions())

/** The signed-in user as the shell loaded them, without asking the server again; null if unknown. */
export const useSignedInUser = () =>
  useQuery({ ...sessionQueryOptions(), enabled: false }).data?.user ?? null

/** Who may import data (the API's rule for POST /api/import). */
export const IMPORTER_ROLES: readonly UserRole[] = ['admin', 'talent_lead']

export function rememberSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrf_token)
  queryClient.setQueryData(sessionQueryKey, session)
}

export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null)
  queryClient.setQueryData(sessionQueryKey, null)
}

export async function signOut(): Promise<void> {
  const response = await client.api.auth['sign-out'].$post()
  // A session that has already ended is as signed out as it gets.
  if (!response.ok && response.status !== 401) throw await responseError(response)
}
