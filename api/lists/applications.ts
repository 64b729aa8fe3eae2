import { and, count, desc, eq, inArray } from 'drizzle-orm'
import type { Decision } from '../../db/domain'
import { first, rows, type Store } from '../../db/store'
import { ownRequisitionsCondition, type Scope } from '../analyses/scope'
import { containsText } from '../lib/paging'

export interface ApplicationQuery {
  requisition_id?: string | undefined
  decision?: Decision | undefined
  q?: string | undefined
  limit: number
  offset: number
}

/** A page of the applications the viewer may see, newest first, each with its rating count. */
export const listApplications = (store: Store, scope: Scope, query: ApplicationQuery) =>
  store.run(function* ({ db, dialect, tables }) {
    const { applications, candidates, requisitions, scores } = tables
    const where = and(
      ownRequisitionsCondition(scope, tables),
      query.requisition_id ? eq(applications.requisitionId, query.requisition_id) : undefined,
      query.decision ? eq(applications.decision, query.decision) : undefined,
      query.q
        ? containsText(dialect, query.q, [applications.id, candidates.name, candidates.id])
        : undefined,
    )
    const total = yield* first(
      db
        .select({ n: count() })
        .from(applications)
        .innerJoin(candidates, eq(candidates.id, applications.candidateId))
        .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
        .where(where),
    )
    const page = yield* rows(
      db
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
        .limit(query.limit)
        .offset(query.offset),
    )
    const ratingCounts = new Map<string, number>()
    if (page.length > 0) {
      const counted = yield* rows(
        db
          .select({ id: scores.applicationId, n: count() })
          .from(scores)
          .where(
            inArray(
              scores.applicationId,
              page.map((row) => row.id),
            ),
          )
          .groupBy(scores.applicationId),
      )
      for (const row of counted) ratingCounts.set(row.id, row.n)
    }
    const items = page.map((row) => ({ ...row, ratings: ratingCounts.get(row.id) ?? 0 }))
    return { total: total?.n ?? 0, limit: query.limit, offset: query.offset, items }
  })
