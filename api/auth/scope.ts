import type { Context } from 'hono'
import type { AppBindings } from '../lib/types'

/** Fewest hires an organisation-wide aggregate needs before a hiring manager may see it. */
export const MIN_HIRES_FOR_MANAGERS = 10

/**
 * The user id whose requisitions bound what the viewer may see row by row: a hiring manager's
 * own; null for roles that see every requisition.
 */
export function ownRequisitionsOf(c: Context<AppBindings>): number | null {
  const auth = c.var.auth
  return auth?.viewer.role === 'hiring_manager' ? auth.viewer.id : null
}
