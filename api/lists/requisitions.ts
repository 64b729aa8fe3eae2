import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import type { Level } from '../../db/domain'
import { first, rows, type Queries, type Store } from '../../db/store'
import { ownRequisitionsCondition, type Scope } from '../analyses/scope'
import { containsText, descNullsLast } from '../lib/paging'

export interface RequisitionQuery {
  level?: Level | undefined
  q?: string | undefined
  limit: number
  offset: number
}

/** The viewer's requisitions with their owner and their applications and hires counted. */
function selectRequisitions({ db, tables }: Queries, where: SQL | undefined) {
  const { applications, employments, requisitions, users } = tables
  return db
    .select({
      id: requisitions.id,
      title: requisitions.title,
      level: requisitions.level,
      hire_type: requisitions.hireType,
      opened_at: requisitions.openedAt,
      owner_email: users.email,
      applications: count(applications.id),
      hires: count(employments.applicationId),
    })
    .from(requisitions)
    .leftJoin(users, eq(users.id, requisitions.ownerUserId))
    .leftJoin(applications, eq(applications.requisitionId, requisitions.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(where)
    .groupBy(requisitions.id, users.email)
}

/** A page of the requisitions the viewer may see, newest first. */
export const listRequisitions = (store: Store, scope: Scope, query: RequisitionQuery) =>
  store.run(function* (queries) {
    const { db, dialect, tables } = queries
    const { requisitions } = tables
    const where = and(
      ownRequisitionsCondition(scope, tables),
      query.level ? eq(requisitions.level, query.level) : undefined,
      query.q ? containsText(dialect, query.q, [requisitions.id, requisitions.title]) : undefined,
    )
    const total = yield* first(db.select({ n: count() }).from(requisitions).where(where))
    const items = yield* rows(
      selectRequisitions(queries, where)
        .orderBy(descNullsLast(requisitions.openedAt), desc(requisitions.id))
        .limit(query.limit)
        .offset(query.offset),
    )
    return { total: total?.n ?? 0, limit: query.limit, offset: query.offset, items }
  })

/** One requisition the viewer may see, or undefined: another manager's does not exist for them. */
export const findRequisition = (store: Store, scope: Scope, id: string) =>
  store.run((queries) =>
    first(
      selectRequisitions(
        queries,
        and(
          eq(queries.tables.requisitions.id, id),
          ownRequisitionsCondition(scope, queries.tables),
        ),
      ),
    ),
  )

export type RequisitionSummary = NonNullable<Awaited<ReturnType<typeof findRequisition>>>
