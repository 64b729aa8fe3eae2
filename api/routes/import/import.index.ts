import { createRouter } from '../../lib/create-app'
import * as handlers from './import.handlers'
import * as routes from './import.routes'

export const importRouter = createRouter()
  .openapi(routes.importFiles, handlers.importFiles)
  .openapi(routes.importWithProgress, handlers.importWithProgress)
