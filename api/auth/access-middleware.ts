import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { deleteCookie, getCookie } from 'hono/cookie'
import { TrieRouter } from 'hono/router/trie-router'
import { ApiError, BUSY_RETRY_SECONDS } from '../lib/errors'
import type { AppBindings } from '../lib/types'
import { importRunning } from '../import/import-lock'
import { ACCESS_RULES, allows, IMPORT_BODY, SMALL_BODY, type AccessRule } from './access-rules'
import { API_TOKEN_PREFIX, authenticateSession, authenticateToken } from './accounts'

export const SESSION_COOKIE = 'loopscope_session'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const rules = new TrieRouter<AccessRule>()
for (const [key, rule] of Object.entries(ACCESS_RULES)) {
  const [method = '', path = ''] = key.split(' ')
  rules.add(method, path, rule)
}

function ruleFor(method: string, path: string): AccessRule | undefined {
  // HEAD is answered by the GET route.
  const [matches] = rules.match(method === 'HEAD' ? 'GET' : method, path)
  return matches[0]?.[0]
}

/** The client's address as the socket reports it ("local" for in-process test requests). */
export function clientAddress(c: Context<AppBindings>): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined
  return env?.incoming?.socket.remoteAddress ?? 'local'
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const tooLarge = (maxSize: number) =>
  new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than this route accepts (${Math.round(maxSize / 1024)} KB)`,
  )

/**
 * Bounds an upload without holding it: a declared length is checked at once, a streamed one
 * as it is read, so a 200 MB import still streams through the importer.
 */
function limitStreamedBody(c: Context<AppBindings>, maxSize: number): void {
  const declared = c.req.header('content-length')
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > maxSize) throw tooLarge(maxSize)
    return
  }
  const body = c.req.raw.body
  if (!body) return
  let size = 0
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength
        if (size > maxSize) controller.error(tooLarge(maxSize))
        else controller.enqueue(chunk)
      },
    }),
  )
  c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit)
}

// Small bodies are read whole by their validators anyway; Hono's limit buffers them.
const bodyLimits = new Map<number, MiddlewareHandler>()
function bodyLimitOf(maxSize: number): MiddlewareHandler {
  let limit = bodyLimits.get(maxSize)
  if (!limit) {
    limit = bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize)
      },
    })
    bodyLimits.set(maxSize, limit)
  }
  return limit
}

/** The user behind the request's bearer token or session cookie; 401 for a bad credential. */
async function authenticate(c: Context<AppBindings>) {
  const now = c.var.now()
  const authorization = c.req.header('authorization')
  if (authorization !== undefined) {
    const [scheme, token = ''] = authorization.split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !token.startsWith(API_TOKEN_PREFIX)) {
      throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer lsk_…"')
    }
    const found = await authenticateToken(c.var.store, token, now)
    if (!found) throw new ApiError(401, 'unauthorized', 'The API token is not valid or was revoked')
    return found
  }
  const cookie = getCookie(c, SESSION_COOKIE)
  if (cookie === undefined) return null
  const found = await authenticateSession(c.var.store, cookie, now)
  if (!found) {
    deleteCookie(c, SESSION_COOKIE, { path: '/' })
    throw new ApiError(401, 'unauthorized', 'Your session has ended: sign in again')
  }
  return found
}

/** Browsers send Origin with cross-site writes; a foreign one is refused outright. */
function checkOrigin(c: Context<AppBindings>): void {
  const origin = c.req.header('origin')
  if (origin === undefined || origin === 'null') return
  if (origin !== new URL(c.req.url).origin) {
    throw new ApiError(403, 'forbidden', `Requests from ${origin.slice(0, 100)} are not accepted`)
  }
}

/**
 * Authentication, the access rule of the route, CSRF for cookie-authenticated writes and the
 * route's body limit, in that order, before any handler or validator runs.
 */
export const accessControl: MiddlewareHandler<AppBindings> = async (c, next) => {
  const rule = ruleFor(c.req.method, c.req.path)
  const isWrite = !SAFE_METHODS.has(c.req.method)
  if (rule?.access === 'public') {
    c.set('auth', null)
    if (isWrite) checkOrigin(c)
  } else {
    const auth = await authenticate(c)
    if (!auth) throw new ApiError(401, 'unauthorized', 'Sign in first')
    c.set('auth', auth)
    if (!rule) throw new ApiError(404, 'not_found', `There is no ${c.req.method} ${c.req.path}`)
    if (!allows(rule.access, auth.viewer.role)) {
      throw new ApiError(403, 'forbidden', `The ${auth.viewer.role} role may not do this`)
    }
    if (isWrite && auth.via === 'session') {
      checkOrigin(c)
      const sent = c.req.header(CSRF_HEADER)
      if (sent === undefined || auth.csrfToken === null || !sameText(sent, auth.csrfToken)) {
        throw new ApiError(
          403,
          'forbidden',
          `Missing or wrong ${CSRF_HEADER} header: writes made with a session cookie must send the token from /api/auth/session`,
        )
      }
    }
  }
  if (!isWrite) return next()
  const maxBody = rule.maxBody ?? SMALL_BODY
  if (maxBody === IMPORT_BODY) {
    // Imports queue behind each other.
    limitStreamedBody(c, maxBody)
    return next()
  }
  // Any other write would block the server on the import's lock.
  if (c.var.db && importRunning(c.var.db)) {
    throw new ApiError(
      503,
      'busy',
      'An import is being written to the database: try again in a few seconds',
      null,
      { 'Retry-After': String(BUSY_RETRY_SECONDS) },
    )
  }
  return bodyLimitOf(maxBody)(c, next)
}
