import { createRouter } from '../../lib/create-app'
import * as handlers from './compare.handlers'
import * as routes from './compare.routes'

export const compareRouter = createRouter()
  .openapi(routes.compare, handlers.compare)
  .openapi(routes.candidates, handlers.candidates)
