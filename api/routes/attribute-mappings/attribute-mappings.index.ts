import { createRouter } from '../../lib/create-app'
import * as handlers from './attribute-mappings.handlers'
import * as routes from './attribute-mappings.routes'

export const attributeMappingsRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.save, handlers.save)
