import { scopeOf } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import type { candidates as candidatesRoute, compare as compareRoute } from './compare.routes'

export const compare: AppRouteHandler<typeof compareRoute> = async (c) =>
  c.json(await c.var.analyses.run('compare', scopeOf(c), c.req.valid('query').application_ids), 200)

export const candidates: AppRouteHandler<typeof candidatesRoute> = async (c) =>
  c.json(await c.var.analyses.run('compareCandidates', scopeOf(c), c.req.valid('query')), 200)
