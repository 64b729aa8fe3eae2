import { eraseCandidate } from '../../privacy/erasure'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './candidates.routes'

export const erase: AppRouteHandler<typeof routes.erase> = (c) =>
  c.json(eraseCandidate(c.var.db, c.req.valid('param').id, signedIn(c).viewer, c.var.now()), 200)
