import type { Context } from 'hono'
import { scopeForViewer, type Scope } from '../analyses/scope'
import { ApiError } from '../lib/errors'
import type { AppBindings } from '../lib/types'
import type { Authentication } from './accounts'

/** Who signed in to a request; 401 on a request nobody signed in to. */
export function signedIn(c: Context<AppBindings>): Authentication {
  const auth = c.var.auth
  if (!auth) throw new ApiError(401, 'unauthorized', 'Sign in first')
  return auth
}

/** What the signed-in viewer of a request may see. */
export function scopeOf(c: Context<AppBindings>): Scope {
  return scopeForViewer(signedIn(c).viewer)
}
