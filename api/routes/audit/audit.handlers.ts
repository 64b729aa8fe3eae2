import { readAudit } from '../../auth/audit'
import type { AppRouteHandler } from '../../lib/types'
import type * as routes from './audit.routes'

export const list: AppRouteHandler<typeof routes.list> = async (c) =>
  c.json(await readAudit(c.var.store, c.req.valid('query')), 200)
