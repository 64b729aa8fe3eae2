import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import { applications, candidates, requisitions, scores } from '../../../db/schema'
import { containsText } from '../../lib/paging'
import type { AppRouteHandler } from '../../lib/types'
import { applicationDetail } from '../../analyses/application-detail'
import { ownRequisitionsCondition } from '../../analyses/scope'
import { scopeOf } from '../../auth/scope'
import type { getOne as getOneRoute, list as listRoute } from './applications.routes'

export const list: AppRouteHandler<typeof listRoute> = (c) => {
  const { requisition_id, decision, q, limit, offset } = c.req.valid('query')
  const conditions: (SQL | undefined)[] = [ownRequisitionsCondition(scopeOf(c))]
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

export const getOne: AppRouteHandler<typeof getOneRoute> = (c) =>
  c.json(applicationDetail(c.var.db, scopeOf(c), c.req.valid('param').id), 200)
