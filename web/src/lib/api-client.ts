import { hc } from 'hono/client'
import type { AppType } from '../../../api/app'

let csrfToken: string | null = null

/** Kept from the session answer: the server refuses cookie-authenticated writes without it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The typed API client: a change to the API that breaks the dashboard breaks the type check. */
export const client = hc<AppType>('/', {
  headers: (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
})

/** An API answer other than 2xx, with the server's code, message and details. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message)
  }
}

interface ErrorEnvelope {
  error?: { code?: string; message?: string; details?: unknown }
}

/** The error a failed response describes, or a generic one if its body is not the API's shape. */
export async function responseError(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => ({}))) as ErrorEnvelope
  return new ApiRequestError(
    response.status,
    body.error?.code ?? 'http_error',
    body.error?.message ?? `The server answered ${response.status} ${response.statusText}`,
    body.error?.details ?? null,
  )
}

/** Query parameters without the empty ones, so defaults apply on the server. */
export function definedParameters<T extends Record<string, string | undefined>>(
  parameters: T,
): Partial<T> {
  return Object.fromEntries(
    Object.entries(parameters).filter(([, value]) => value !== undefined && value !== ''),
  ) as Partial<T>
}
