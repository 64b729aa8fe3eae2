import { asc, eq } from 'drizzle-orm'
import { z } from '@hono/zod-openapi'
import {
  selectApplicationSchema,
  selectCandidateSchema,
  selectRequisitionSchema,
} from '../../db/schema'
import { first, rows, type Operation, type Queries, type Store } from '../../db/store'
import { ApiError } from '../lib/errors'
import { redFlagNames, redFlagSchema } from './red-flags'
import { maySeeRequisition, type Scope } from './scope'

const application = selectApplicationSchema.shape

export const applicationDetailSchema = z
  .object({
    id: application.id,
    applied_at: application.appliedAt,
    decision: application.decision,
    source: application.source,
    metro: application.metro,
    candidate: z.object({
      id: selectCandidateSchema.shape.id,
      name: selectCandidateSchema.shape.name,
      background: selectCandidateSchema.shape.background,
      erased_at: z.string().nullable().openapi({
        description:
          'When the personal data was erased on request; the name and notes are then null',
      }),
    }),
    requisition: z.object({
      id: selectRequisitionSchema.shape.id,
      title: selectRequisitionSchema.shape.title,
      level: selectRequisitionSchema.shape.level,
      hire_type: selectRequisitionSchema.shape.hireType,
      opened_at: selectRequisitionSchema.shape.openedAt,
    }),
    offer: z
      .object({
        salary: z.number().nullable(),
        currency: z.string(),
        accepted_at: z.string().nullable(),
      })
      .nullable(),
    employment: z
      .object({
        start_date: z.string(),
        end_date: z.string().nullable(),
        departure: z.enum(['voluntary', 'involuntary']).nullable(),
      })
      .nullable(),
    area_scores: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        score: z.number().nullable().openapi({ description: 'Mean of the ratings in the area' }),
        ratings: z.number().int(),
      }),
    ),
    scores: z.array(
      z.object({
        interviewer: z.string(),
        area: z.string(),
        rating: z.number(),
        interviewed_at: z.string().nullable(),
        minutes: z.number().int().nullable(),
        red_flags: z.array(redFlagSchema),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('ApplicationDetail')

export type ApplicationDetail = z.infer<typeof applicationDetailSchema>

/**
 * One application with its loop: every rating, the area means, offer and outcome. A viewer
 * who may not see its requisition gets it as unknown.
 */
export function* applicationDetailOf(
  queries: Queries,
  scope: Scope,
  id: string,
): Operation<ApplicationDetail> {
  const { db, tables } = queries
  const {
    applications,
    candidates,
    employments,
    interviewers,
    offers,
    requisitions,
    rubricAreas,
    scores,
  } = tables
  const found = yield* first(
    db
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
      .where(eq(applications.id, id)),
  )
  if (!found || !maySeeRequisition(scope, found.requisition.ownerUserId))
    throw new ApiError(404, 'not_found', `There is no application "${id}"`)
  const { application, candidate, requisition, offer, employment } = found

  const areas = yield* rows(
    db
      .select()
      .from(rubricAreas)
      .where(eq(rubricAreas.rubricId, requisition.rubricId))
      .orderBy(asc(rubricAreas.position)),
  )
  const ratings = yield* rows(
    db
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
      .orderBy(asc(rubricAreas.position), asc(interviewers.handle)),
  )
  const namesOf = yield* redFlagNames(queries)
  const named = ratings.map((rating) => ({
    ...rating,
    red_flags: namesOf(requisition.rubricId, rating.red_flags),
  }))
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
    scores: named,
  }
}

export const applicationDetail = (store: Store, scope: Scope, id: string) =>
  store.run((queries) => applicationDetailOf(queries, scope, id))
