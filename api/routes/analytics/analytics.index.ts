import { createRouter } from '../../lib/create-app'
import * as handlers from './analytics.handlers'
import * as routes from './analytics.routes'

export const analyticsRouter = createRouter()
  .openapi(routes.validity, handlers.validity)
  .openapi(routes.model, handlers.model)
  .openapi(routes.composite, handlers.composite)
  .openapi(routes.retention, handlers.retention)
  .openapi(routes.timeToHire, handlers.timeToHire)
  .openapi(routes.salary, handlers.salary)
  .openapi(routes.interviewers, handlers.interviewers)
  .openapi(routes.redFlags, handlers.redFlags)
  .openapi(routes.backgrounds, handlers.backgrounds)
  .openapi(routes.sources, handlers.sources)
  .openapi(routes.loopTime, handlers.loopTime)
  .openapi(routes.incrementalValidity, handlers.incrementalValidity)
  .openapi(routes.panelSizing, handlers.panelSizing)
  .openapi(routes.validityOverTime, handlers.validityOverTime)
  .openapi(routes.adverseImpact, handlers.adverseImpact)
  .openapi(routes.expectancy, handlers.expectancy)
  .openapi(routes.utility, handlers.utility)
  .openapi(routes.questions, handlers.questions)
