import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { Store } from '../../../db/store'
import { SESSION_COOKIE, clientAddress } from '../../auth/access-middleware'
import {
  createApiToken,
  createSession,
  findUserByEmail,
  listApiTokens,
  mustChangePassword,
  normalizeEmail,
  revokeApiToken,
  revokeSession,
  setOwnPassword,
  type Authentication,
} from '../../auth/accounts'
import { passwordProblem } from '../../auth/passwords'
import { signedIn } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import type * as routes from './auth.routes'

/** The signed-in user; the access rules guarantee one on every non-public route. */

const sessionBody = async (store: Store, auth: Authentication) => ({
  user: auth.viewer,
  via: auth.via,
  csrf_token: auth.csrfToken,
  expires_at: auth.expiresAt,
  must_change_password: await mustChangePassword(store, auth.viewer.id),
})

/** A proxy terminating TLS says so in X-Forwarded-Proto; it can only make the cookie stricter. */
const overHttps = (c: Context<AppBindings>) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'

export const signIn: AppRouteHandler<typeof routes.signIn> = async (c) => {
  const { email, password } = c.req.valid('json')
  const account = normalizeEmail(email)
  const throttle = c.var.loginThrottle
  // Counted before the slow hash, so sign-ins sent at once cannot all pass this check.
  const attempt = await throttle.reserve(account, clientAddress(c), c.var.now().getTime())
  if ('retryAfterMs' in attempt) {
    const seconds = Math.ceil(attempt.retryAfterMs / 1000)
    throw new ApiError(
      429,
      'rate_limited',
      seconds <= 1
        ? 'Other sign-ins for this account or address are being checked: try again in a second'
        : `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}`,
      null,
      { 'Retry-After': String(seconds) },
    )
  }
  const user = await findUserByEmail(c.var.store, account)
  const usable = user && user.disabledAt === null ? user.passwordHash : null
  // One scrypt whether or not the account exists, so the time reveals nothing.
  const checking = throttle.checks.run(() => c.var.passwords.check(password, usable))
  if (!checking) {
    await attempt.withdrawn()
    throw new ApiError(
      503,
      'busy',
      'Too many sign-ins are being checked at once: try again in a few seconds',
      null,
      { 'Retry-After': '2' },
    )
  }
  let matches: boolean
  try {
    matches = await checking
  } catch (error) {
    await attempt.withdrawn()
    throw error
  }
  const now = c.var.now()
  if (!user || !matches) {
    await attempt.failed(now.getTime())
    throw new ApiError(401, 'unauthorized', 'The email or the password is wrong')
  }
  await attempt.succeeded()
  const created = await createSession(c.var.store, user.id, now)
  setCookie(c, SESSION_COOKIE, created.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps(c),
    path: '/',
    expires: new Date(created.expiresAt),
  })
  const viewer = { id: user.id, email: user.email, name: user.name, role: user.role }
  return c.json(
    await sessionBody(c.var.store, {
      viewer,
      via: 'session',
      csrfToken: created.csrfToken,
      sessionHash: null,
      expiresAt: created.expiresAt,
    }),
    200,
  )
}

export const signOut: AppRouteHandler<typeof routes.signOut> = async (c) => {
  const auth = signedIn(c)
  if (auth.sessionHash === null) {
    throw new ApiError(
      400,
      'invalid_request',
      'An API token has no session to end: revoke it with DELETE /api/auth/tokens/{id}',
    )
  }
  await revokeSession(c.var.store, auth.sessionHash)
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  return c.body(null, 204)
}

export const session: AppRouteHandler<typeof routes.session> = async (c) =>
  c.json(await sessionBody(c.var.store, signedIn(c)), 200)

export const changePassword: AppRouteHandler<typeof routes.changePassword> = async (c) => {
  const auth = signedIn(c)
  const { current_password, new_password } = c.req.valid('json')
  const problem = passwordProblem(new_password)
  if (problem) {
    throw new ApiError(400, 'invalid_request', `Invalid body: new_password ${problem}`, [
      { field: 'new_password', message: problem },
    ])
  }
  if (new_password === current_password) {
    const message = 'must differ from the current password'
    throw new ApiError(400, 'invalid_request', `Invalid body: new_password ${message}`, [
      { field: 'new_password', message },
    ])
  }
  const store = c.var.store
  const stored = await findUserByEmail(store, auth.viewer.email)
  if (!(await c.var.passwords.check(current_password, stored?.passwordHash))) {
    throw new ApiError(403, 'forbidden', 'The current password is wrong', [
      { field: 'current_password', message: 'is wrong' },
    ])
  }
  const passwordHash = await c.var.passwords.hash(new_password)
  await setOwnPassword(store, auth, passwordHash, c.var.now())
  return c.body(null, 204)
}

export const listTokens: AppRouteHandler<typeof routes.listTokens> = async (c) =>
  c.json({ tokens: await listApiTokens(c.var.store, signedIn(c).viewer.id) }, 200)

export const createToken: AppRouteHandler<typeof routes.createToken> = async (c) => {
  const { viewer } = signedIn(c)
  const { name } = c.req.valid('json')
  return c.json(await createApiToken(c.var.store, viewer, name, viewer, c.var.now()), 201)
}

export const deleteToken: AppRouteHandler<typeof routes.deleteToken> = async (c) => {
  const { viewer } = signedIn(c)
  const { id } = c.req.valid('param')
  const deleted = await revokeApiToken(c.var.store, viewer, id, c.var.now())
  if (!deleted) throw new ApiError(404, 'not_found', `You have no API token ${id}`)
  return c.body(null, 204)
}
