import { eraseCandidate } from '../../privacy/erasure'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './candidates.routes'

export const erase: AppRouteHandler<typeof routes.erase> = async (c) =>
  c.json(
    await eraseCandidate(c.var.store, c.req.valid('param').id, signedIn(c).viewer, c.var.now()),
    200,
  )
