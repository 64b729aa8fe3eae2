import { scopeOf } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import type * as routes from './analytics.routes'

export const validity: AppRouteHandler<typeof routes.validity> = (c) =>
  c.json(c.var.analyses.validity(scopeOf(c), c.req.valid('query')), 200)

export const model: AppRouteHandler<typeof routes.model> = (c) =>
  c.json(c.var.analyses.model(scopeOf(c), c.req.valid('query')), 200)

export const composite: AppRouteHandler<typeof routes.composite> = (c) =>
  c.json(c.var.analyses.composite(scopeOf(c), c.req.valid('query')), 200)

export const retention: AppRouteHandler<typeof routes.retention> = (c) =>
  c.json(c.var.analyses.retention(scopeOf(c), c.req.valid('query')), 200)

export const timeToHire: AppRouteHandler<typeof routes.timeToHire> = (c) =>
  c.json(c.var.analyses.timeToHire(scopeOf(c), c.req.valid('query')), 200)

export const salary: AppRouteHandler<typeof routes.salary> = (c) =>
  c.json(c.var.analyses.salary(scopeOf(c), c.req.valid('query')), 200)

export const interviewers: AppRouteHandler<typeof routes.interviewers> = (c) =>
  c.json(c.var.analyses.interviewers(scopeOf(c), c.req.valid('query')), 200)

export const redFlags: AppRouteHandler<typeof routes.redFlags> = (c) =>
  c.json(c.var.analyses.redFlags(scopeOf(c), c.req.valid('query')), 200)

export const backgrounds: AppRouteHandler<typeof routes.backgrounds> = (c) =>
  c.json(c.var.analyses.backgrounds(scopeOf(c), c.req.valid('query')), 200)

export const loopTime: AppRouteHandler<typeof routes.loopTime> = (c) =>
  c.json(c.var.analyses.loopTime(scopeOf(c), c.req.valid('query')), 200)

export const adverseImpact: AppRouteHandler<typeof routes.adverseImpact> = (c) =>
  c.json(c.var.analyses.adverseImpact(scopeOf(c), c.req.valid('query')), 200)
