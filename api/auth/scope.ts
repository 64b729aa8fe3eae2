import type { Context } from 'hono'
import { scopeForViewer, type Scope } from '../analyses/scope'
import { ApiError } from '../lib/errors'
import type { AppBindings } from '../lib/types'

/** What the signed-in viewer of a request may see; 401 on a request nobody signed in to. */
export function scopeOf(c: Context<AppBindings>): Scope {
  const auth = c.var.auth
  if (!auth) throw new ApiError(401, 'unauthorized', 'Sign in first')
  return scopeForViewer(auth.viewer)
}
