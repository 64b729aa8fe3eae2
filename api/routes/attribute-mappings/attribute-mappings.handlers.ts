import { signedIn } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import { listMappings, saveMappings } from '../../settings/attribute-mappings'
import type { list as listRoute, save as saveRoute } from './attribute-mappings.routes'

export const list: AppRouteHandler<typeof listRoute> = async (c) =>
  c.json(await listMappings(c.var.store, c.req.valid('query').rubric), 200)

export const save: AppRouteHandler<typeof saveRoute> = async (c) => {
  const { mappings } = c.req.valid('json')
  const rubric = c.req.valid('query').rubric
  const saved = await saveMappings(c.var.store, rubric, mappings, signedIn(c).viewer, c.var.now())
  return c.json(saved, 200)
}
