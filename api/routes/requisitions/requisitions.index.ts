import { createRouter } from '../../lib/create-app'
import * as handlers from './requisitions.handlers'
import * as routes from './requisitions.routes'

export const requisitionsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne)
  .openapi(routes.update, handlers.update)
