import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm'
import {
  applications,
  candidates,
  interviewers,
  requisitions,
  rubricAreas,
  scores,
} from '../../../db/schema'
import { redFlagNamer } from '../../analyses/red-flags'
import { ownRequisitionsCondition } from '../../analyses/scope'
import { scopeOf } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import type { ratings as ratingsRoute } from './interviewers.routes'

export const ratings: AppRouteHandler<typeof ratingsRoute> = (c) => {
  const { handle } = c.req.valid('param')
  const { level, hire_type, limit, offset } = c.req.valid('query')
  const db = c.var.db
  const interviewer = db
    .select({ id: interviewers.id })
    .from(interviewers)
    .where(eq(interviewers.handle, handle))
    .get()
  if (!interviewer) throw new ApiError(404, 'not_found', `There is no interviewer "${handle}"`)

  const conditions: (SQL | undefined)[] = [
    eq(scores.interviewerId, interviewer.id),
    ownRequisitionsCondition(scopeOf(c), { requisitions }),
  ]
  if (level) conditions.push(eq(requisitions.level, level))
  if (hire_type) conditions.push(eq(requisitions.hireType, hire_type))
  const where = and(...conditions)
  const [total] = db
    .select({ n: count() })
    .from(scores)
    .innerJoin(applications, eq(applications.id, scores.applicationId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .where(where)
    .all()
  const namesOf = redFlagNamer(db)
  const items = db
    .select({
      rubric_id: requisitions.rubricId,
      application_id: applications.id,
      candidate_name: candidates.name,
      requisition_id: requisitions.id,
      requisition_title: requisitions.title,
      level: requisitions.level,
      area: rubricAreas.key,
      area_name: rubricAreas.name,
      rating: scores.rating,
      red_flags: scores.redFlags,
      interviewed_at: scores.interviewedAt,
    })
    .from(scores)
    .innerJoin(applications, eq(applications.id, scores.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .innerJoin(rubricAreas, eq(rubricAreas.id, scores.areaId))
    .where(where)
    .orderBy(desc(scores.interviewedAt), asc(applications.id), asc(rubricAreas.position))
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ rubric_id, red_flags, ...item }) => ({
      ...item,
      red_flags: namesOf(rubric_id, red_flags),
    }))
  return c.json({ interviewer: handle, total: total?.n ?? 0, limit, offset, items }, 200)
}
