import { scopeOf } from '../../auth/scope'
import type { AppRouteHandler } from '../../lib/types'
import { interviewerRatings } from '../../lists/interviewer-ratings'
import type { ratings as ratingsRoute } from './interviewers.routes'

export const ratings: AppRouteHandler<typeof ratingsRoute> = async (c) =>
  c.json(
    await interviewerRatings(
      c.var.store,
      scopeOf(c),
      c.req.valid('param').handle,
      c.req.valid('query'),
    ),
    200,
  )
