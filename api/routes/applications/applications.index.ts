import { createRouter } from '../../lib/create-app'
import * as handlers from './applications.handlers'
import * as routes from './applications.routes'

export const applicationsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOne, handlers.getOne)
