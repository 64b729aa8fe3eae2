import { listRubrics, replaceLevelWeights } from '../../settings/rubric-weights'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './rubrics.routes'

export const list: AppRouteHandler<typeof routes.list> = async (c) =>
  c.json({ rubrics: await listRubrics(c.var.store) }, 200)

export const replaceWeights: AppRouteHandler<typeof routes.replaceWeights> = async (c) => {
  const { key } = c.req.valid('param')
  const { weights } = c.req.valid('json')
  await replaceLevelWeights(c.var.store, key, weights, signedIn(c).viewer, c.var.now())
  return c.json({ rubrics: await listRubrics(c.var.store) }, 200)
}
