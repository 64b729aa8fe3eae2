import { createRouter } from '../../lib/create-app'
import * as handlers from './export.handlers'
import * as routes from './export.routes'

export const exportRouter = createRouter()
  .openapi(routes.exportData, handlers.exportData)
  .openapi(routes.backup, handlers.backup)
