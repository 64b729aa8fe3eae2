import { z } from '@hono/zod-openapi'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HTTPException } from 'hono/http-exception'

export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unsupported_media_type',
  'payload_too_large',
  'import_invalid',
  'busy',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown(),
    }),
  })
  .openapi('Error')

export type ErrorBody = z.infer<typeof errorSchema>

/** An error meant for the client: its status, code, message and details reach the response. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(status, { message })
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } }
  }
}

/** Seconds a client is told to wait when the database is busy with another writer. */
export const BUSY_RETRY_SECONDS = 5

/**
 * The 503 for SQLite refusing a statement because another connection (an import, a command-line
 * tool) holds the write lock, or for PostgreSQL's import lock not coming free in time
 * (lock_not_available): the server does not wait for it, it asks the client to retry.
 */
export function busyDatabase(error: unknown): ApiError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string' || !/^(SQLITE_(BUSY|LOCKED)|55P03$)/.test(code)) return null
  return new ApiError(
    503,
    'busy',
    'The database is being written by an import: try again in a few seconds',
    null,
    { 'Retry-After': String(BUSY_RETRY_SECONDS) },
  )
}

export interface IssueDetail {
  field: string
  message: string
}

/** Turns zod issues into `{ field, message }` pairs and one sentence naming every field. */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  where: string,
): { message: string; details: IssueDetail[] } {
  const details = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: `is not a known ${where} parameter` }))
      : [{ field: issue.path.map(String).join('.') || where, message: issue.message }],
  )
  const message = details.map((detail) => `${detail.field} ${detail.message}`).join('; ')
  return { message: `Invalid ${where}: ${message}`, details }
}

/** The OpenAPI response of an unexpected failure, which every route may give. */
export const internalErrorResponse = {
  content: { 'application/json': { schema: errorSchema } },
  description: 'Something failed on the server; the body never carries internals',
}

/** The OpenAPI response entry of every error status. */
export const errorResponse = {
  content: { 'application/json': { schema: errorSchema } },
  description: 'The request was not valid: the message names the field and the problem',
}

/** The error responses of a route that needs a signed-in user with the right role. */
export const signedInErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  500: internalErrorResponse,
}
