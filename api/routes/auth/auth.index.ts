import { createRouter } from '../../lib/create-app'
import * as handlers from './auth.handlers'
import * as routes from './auth.routes'

export const authRouter = createRouter()
  .openapi(routes.signIn, handlers.signIn)
  .openapi(routes.signOut, handlers.signOut)
  .openapi(routes.session, handlers.session)
  .openapi(routes.changePassword, handlers.changePassword)
  .openapi(routes.listTokens, handlers.listTokens)
  .openapi(routes.createToken, handlers.createToken)
  .openapi(routes.deleteToken, handlers.deleteToken)
