import { readAudit } from '../../auth/audit'
import type { AppRouteHandler } from '../../lib/types'
import type * as routes from './audit.routes'

export const list: AppRouteHandler<typeof routes.list> = (c) =>
  c.json(readAudit(c.var.db, c.req.valid('query')), 200)
