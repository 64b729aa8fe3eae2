import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import {
  applications,
  candidates,
  employments,
  interviewers,
  offers,
  requisitions,
  rubricAreas,
  scores,
} from '../../../db/schema'
import { ApiError } from '../../lib/errors'
import { containsText } from '../../lib/paging'
import type { AppRouteHandler } from '../../lib/types'
import { ownRequisitionsOf } from '../../auth/scope'
import type { getOne as getOneRoute, list as listRoute } from './applications.routes'

export const list: AppRouteHandler<typeof listRoute> = (c) => {
  const { requisition_id, decision, q, limit, offset } = c.req.valid('query')
  const conditions: SQL[] = []
  const owner = ownRequisitionsOf(c)
  if (owner !== null) conditions.push(eq(requisitions.ownerUserId, owner))
  if (requisition_id) conditions.push(eq(applications.requisitionId, requisition_id))
  if (decision) conditions.push(eq(applications.decision, decision))
  if (q) conditions.push(containsText(q, [applications.id, candidates.name, candidates.id]))
  const where = and(...conditions)
  const db = c.var.db
  const [total] = db
    .select({ n: count() })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .where(where)
    .all()
  const page = db
    .select({
      id: applications.id,
      candidate_id: applications.candidateId,
      candidate_name: candidates.name,
      requisition_id: applications.requisitionId,
      requisition_title: requisitions.title,
      level: requisitions.level,
      applied_at: applications.appliedAt,
      decision: applications.decision,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .where(where)
    .orderBy(desc(applications.appliedAt), desc(applications.id))
    .limit(limit)
    .offset(offset)
    .all()
  const ratingCounts = new Map<string, number>()
  if (page.length > 0) {
    const rows = db
      .select({ id: scores.applicationId, n: count() })
      .from(scores)
      .where(
        sql`${scores.applicationId} IN (SELECT value FROM json_each(${JSON.stringify(page.map((row) => row.id))}))`,
      )
      .groupBy(scores.applicationId)
      .all()
    for (const row of rows) ratingCounts.set(row.id, row.n)
  }
  const items = page.map((row) => ({ ...row, ratings: ratingCounts.get(row.id) ?? 0 }))
  return c.json({ total: total?.n ?? 0, limit, offset, items }, 200)
}

export const getOne: AppRouteHandler<typeof getOneRoute> = (c) => {
  const { id } = c.req.valid('param')
  const db = c.var.db
  const found = db
    .select({
      application: applications,
      candidate: candidates,
      requisition: requisitions,
      offer: offers,
      employment: employments,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .leftJoin(offers, eq(offers.applicationId, applications.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(eq(applications.id, id))
    .get()
  const owner = ownRequisitionsOf(c)
  if (!found || (owner !== null && found.requisition.ownerUserId !== owner))
    throw new ApiError(404, 'not_found', `There is no application "${id}"`)
  const { application, candidate, requisition, offer, employment } = found

  const areas = db
    .select()
    .from(rubricAreas)
    .where(eq(rubricAreas.rubricId, requisition.rubricId))
    .orderBy(asc(rubricAreas.position))
    .all()
  const ratings = db
    .select({
      interviewer: interviewers.handle,
      area: rubricAreas.key,
      rating: scores.rating,
      interviewed_at: scores.interviewedAt,
      minutes: scores.minutes,
      red_flags: scores.redFlags,
      note: scores.note,
    })
    .from(scores)
    .innerJoin(interviewers, eq(interviewers.id, scores.interviewerId))
    .innerJoin(rubricAreas, eq(rubricAreas.id, scores.areaId))
    .where(eq(scores.applicationId, id))
    .orderBy(asc(rubricAreas.position), asc(interviewers.handle))
    .all()
  const areaScores = areas.map((area) => {
    const inArea = ratings.filter((rating) => rating.area === area.key)
    const total = inArea.reduce((sum, rating) => sum + rating.rating, 0)
    return {
      key: area.key,
      name: area.name,
      score: inArea.length > 0 ? total / inArea.length : null,
      ratings: inArea.length,
    }
  })
  return c.json(
    {
      id: application.id,
      applied_at: application.appliedAt,
      decision: application.decision,
      source: application.source,
      metro: application.metro,
      candidate: {
        id: candidate.id,
        name: candidate.name,
        background: candidate.background,
        erased_at: candidate.erasedAt,
      },
      requisition: {
        id: requisition.id,
        title: requisition.title,
        level: requisition.level,
        hire_type: requisition.hireType,
        opened_at: requisition.openedAt,
      },
      offer: offer
        ? { salary: offer.salary, currency: offer.currency, accepted_at: offer.acceptedAt }
        : null,
      employment: employment
        ? {
            start_date: employment.startDate,
            end_date: employment.endDate,
            departure: employment.departure,
          }
        : null,
      area_scores: areaScores,
      scores: ratings,
    },
    200,
  )
}
