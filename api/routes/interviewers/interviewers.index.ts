import { createRouter } from '../../lib/create-app'
import * as handlers from './interviewers.handlers'
import * as routes from './interviewers.routes'

export const interviewersRouter = createRouter().openapi(routes.ratings, handlers.ratings)
