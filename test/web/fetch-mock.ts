import { vi } from 'vitest'
import type { Session } from '../../web/src/lib/session'

export interface FetchCall {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  body: unknown
}

type Answer = (call: FetchCall) => Response | Promise<Response>

/** Stubs fetch with answers keyed by "METHOD /path"; returns every call it saw, in order. */
export function mockFetch(answers: Record<string, Answer>): FetchCall[] {
  const calls: FetchCall[] = []
  vi.stubGlobal('fetch', async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost')
    const call: FetchCall = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const answer = answers[`${call.method} ${call.path}`]
    if (!answer) throw new Error(`No answer for ${call.method} ${call.path}`)
    return answer(call)
  })
  return calls
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

export const apiError = (status: number, code: string, message: string) =>
  json(status, { error: { code, message, details: null } })

export const LEAD_SESSION: Session = {
  user: { id: 2, email: 'lead@demo.test', name: 'Lee Lead', role: 'talent_lead' },
  via: 'session',
  csrf_token: 'csrf-token-of-the-session',
  expires_at: '2026-03-02T20:00:00.000Z',
  must_change_password: false,
}
