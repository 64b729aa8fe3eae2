import { and, asc, count, eq } from 'drizzle-orm'
import type { HireType, Level } from '../../db/domain'
import { first, rows, type Store } from '../../db/store'
import { redFlagNames } from '../analyses/red-flags'
import { ownRequisitionsCondition, type Scope } from '../analyses/scope'
import { ApiError } from '../lib/errors'
import { descNullsLast } from '../lib/paging'

export interface InterviewerRatingsQuery {
  level?: Level | undefined
  hire_type?: HireType | undefined
  limit: number
  offset: number
}

/**
 * A page of an interviewer's ratings in the requisitions the viewer may see, newest interview
 * first (undated last); 404 for no such interviewer.
 */
export const interviewerRatings = (
  store: Store,
  scope: Scope,
  handle: string,
  query: InterviewerRatingsQuery,
) =>
  store.run(function* (queries) {
    const { db, tables } = queries
    const { applications, candidates, interviewers, requisitions, rubricAreas, scores } = tables
    const interviewer = yield* first(
      db.select({ id: interviewers.id }).from(interviewers).where(eq(interviewers.handle, handle)),
    )
    if (!interviewer) throw new ApiError(404, 'not_found', `There is no interviewer "${handle}"`)
    const where = and(
      eq(scores.interviewerId, interviewer.id),
      ownRequisitionsCondition(scope, tables),
      query.level ? eq(requisitions.level, query.level) : undefined,
      query.hire_type ? eq(requisitions.hireType, query.hire_type) : undefined,
    )
    const total = yield* first(
      db
        .select({ n: count() })
        .from(scores)
        .innerJoin(applications, eq(applications.id, scores.applicationId))
        .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
        .where(where),
    )
    const namesOf = yield* redFlagNames(queries)
    const page = yield* rows(
      db
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
        .orderBy(
          descNullsLast(scores.interviewedAt),
          asc(applications.id),
          asc(rubricAreas.position),
        )
        .limit(query.limit)
        .offset(query.offset),
    )
    const items = page.map(({ rubric_id, red_flags, ...item }) => ({
      ...item,
      red_flags: namesOf(rubric_id, red_flags),
    }))
    return {
      interviewer: handle,
      total: total?.n ?? 0,
      limit: query.limit,
      offset: query.offset,
      items,
    }
  })
