import type { AppRouteHandler } from '../../lib/types'
import { applicationDetail } from '../../analyses/application-detail'
import { listApplications } from '../../lists/applications'
import { scopeOf } from '../../auth/scope'
import type { getOne as getOneRoute, list as listRoute } from './applications.routes'

export const list: AppRouteHandler<typeof listRoute> = async (c) =>
  c.json(await listApplications(c.var.store, scopeOf(c), c.req.valid('query')), 200)

export const getOne: AppRouteHandler<typeof getOneRoute> = async (c) =>
  c.json(await applicationDetail(c.var.store, scopeOf(c), c.req.valid('param').id), 200)
