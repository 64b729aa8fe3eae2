import { listRubrics, replaceLevelWeights } from '../../settings/rubric-weights'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './rubrics.routes'

export const list: AppRouteHandler<typeof routes.list> = (c) =>
  c.json({ rubrics: listRubrics(c.var.db) }, 200)

export const replaceWeights: AppRouteHandler<typeof routes.replaceWeights> = (c) => {
  const { key } = c.req.valid('param')
  const { weights } = c.req.valid('json')
  replaceLevelWeights(c.var.db, key, weights, signedIn(c).viewer, c.var.now())
  return c.json({ rubrics: listRubrics(c.var.db) }, 200)
}
