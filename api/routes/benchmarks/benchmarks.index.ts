import { createRouter } from '../../lib/create-app'
import * as handlers from './benchmarks.handlers'
import * as routes from './benchmarks.routes'

export const benchmarksRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, handlers.create)
  .openapi(routes.replace, handlers.replace)
  .openapi(routes.remove, handlers.remove)
