import { compareApplications } from '../../analyses/compare'
import { scopeOf } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import type { compare as compareRoute } from './compare.routes'

export const compare: AppRouteHandler<typeof compareRoute> = (c) =>
  c.json(
    compareApplications(c.var.analyses, c.var.db, scopeOf(c), c.req.valid('query').application_ids),
    200,
  )
