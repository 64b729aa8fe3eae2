import { signedIn } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import {
  createBenchmark,
  listBenchmarks,
  removeBenchmark,
  replaceBenchmark,
} from '../../settings/benchmarks'
import type * as routes from './benchmarks.routes'

const notFound = (id: number) => new ApiError(404, 'not_found', `There is no benchmark ${id}`)

export const list: AppRouteHandler<typeof routes.list> = async (c) =>
  c.json({ benchmarks: await listBenchmarks(c.var.store) }, 200)

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const input = c.req.valid('json')
  const created = await createBenchmark(c.var.store, input, signedIn(c).viewer, c.var.now())
  return c.json(created!, 201)
}

export const replace: AppRouteHandler<typeof routes.replace> = async (c) => {
  const { id } = c.req.valid('param')
  const input = c.req.valid('json')
  const saved = await replaceBenchmark(c.var.store, id, input, signedIn(c).viewer, c.var.now())
  if (!saved) throw notFound(id)
  return c.json(saved, 200)
}

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const { id } = c.req.valid('param')
  const removed = await removeBenchmark(c.var.store, id, signedIn(c).viewer, c.var.now())
  if (!removed) throw notFound(id)
  return c.body(null, 204)
}
