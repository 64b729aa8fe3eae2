import { createRouter } from '../../lib/create-app'
import * as handlers from './candidates.handlers'
import * as routes from './candidates.routes'

export const candidatesRouter = createRouter().openapi(routes.erase, handlers.erase)
