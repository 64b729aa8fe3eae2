import { scopeOf } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import type * as routes from './analytics.routes'

export const validity: AppRouteHandler<typeof routes.validity> = async (c) =>
  c.json(await c.var.analyses.run('validity', scopeOf(c), c.req.valid('query')), 200)

export const model: AppRouteHandler<typeof routes.model> = async (c) =>
  c.json(await c.var.analyses.run('model', scopeOf(c), c.req.valid('query')), 200)

export const composite: AppRouteHandler<typeof routes.composite> = async (c) =>
  c.json(await c.var.analyses.run('composite', scopeOf(c), c.req.valid('query')), 200)

export const retention: AppRouteHandler<typeof routes.retention> = async (c) =>
  c.json(await c.var.analyses.run('retention', scopeOf(c), c.req.valid('query')), 200)

export const timeToHire: AppRouteHandler<typeof routes.timeToHire> = async (c) =>
  c.json(await c.var.analyses.run('timeToHire', scopeOf(c), c.req.valid('query')), 200)

export const salary: AppRouteHandler<typeof routes.salary> = async (c) =>
  c.json(await c.var.analyses.run('salary', scopeOf(c), c.req.valid('query')), 200)

export const interviewers: AppRouteHandler<typeof routes.interviewers> = async (c) =>
  c.json(await c.var.analyses.run('interviewers', scopeOf(c), c.req.valid('query')), 200)

export const redFlags: AppRouteHandler<typeof routes.redFlags> = async (c) =>
  c.json(await c.var.analyses.run('redFlags', scopeOf(c), c.req.valid('query')), 200)

export const backgrounds: AppRouteHandler<typeof routes.backgrounds> = async (c) =>
  c.json(await c.var.analyses.run('backgrounds', scopeOf(c), c.req.valid('query')), 200)

export const sources: AppRouteHandler<typeof routes.sources> = async (c) =>
  c.json(await c.var.analyses.run('sources', scopeOf(c), c.req.valid('query')), 200)

export const loopTime: AppRouteHandler<typeof routes.loopTime> = async (c) =>
  c.json(await c.var.analyses.run('loopTime', scopeOf(c), c.req.valid('query')), 200)

export const incrementalValidity: AppRouteHandler<typeof routes.incrementalValidity> = async (c) =>
  c.json(await c.var.analyses.run('incrementalValidity', scopeOf(c), c.req.valid('query')), 200)

export const panelSizing: AppRouteHandler<typeof routes.panelSizing> = async (c) =>
  c.json(await c.var.analyses.run('panelSizing', scopeOf(c), c.req.valid('query')), 200)
export const validityOverTime: AppRouteHandler<typeof routes.validityOverTime> = async (c) =>
  c.json(await c.var.analyses.run('validityOverTime', scopeOf(c), c.req.valid('query')), 200)
export const questions: AppRouteHandler<typeof routes.questions> = async (c) =>
  c.json(await c.var.analyses.run('questions', scopeOf(c), c.req.valid('query')), 200)

export const adverseImpact: AppRouteHandler<typeof routes.adverseImpact> = async (c) =>
  c.json(await c.var.analyses.run('adverseImpact', scopeOf(c), c.req.valid('query')), 200)

export const expectancy: AppRouteHandler<typeof routes.expectancy> = async (c) =>
  c.json(await c.var.analyses.run('expectancy', scopeOf(c), c.req.valid('query')), 200)

export const utility: AppRouteHandler<typeof routes.utility> = async (c) =>
  c.json(await c.var.analyses.run('utility', scopeOf(c), c.req.valid('query')), 200)
