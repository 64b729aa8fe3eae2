import { asc, eq } from 'drizzle-orm'
import type { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/client'
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
import type { applicationDetailSchema } from './applications.routes'

export type ApplicationDetail = z.infer<typeof applicationDetailSchema>

/**
 * One application with its loop: every rating, the area means, offer and outcome. A hiring
 * manager (`owner`) gets another manager's application as unknown.
 */
export function applicationDetail(db: Db, id: string, owner: number | null): ApplicationDetail {
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
  return {
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
  }
}
