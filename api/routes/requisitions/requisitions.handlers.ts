import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { applications, employments, requisitions } from '../../../db/schema'
import { ApiError } from '../../lib/errors'
import { containsText } from '../../lib/paging'
import type { AppRouteHandler } from '../../lib/types'
import type { getOne as getOneRoute, list as listRoute } from './requisitions.routes'

function selectRequisitions(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: requisitions.id,
      title: requisitions.title,
      level: requisitions.level,
      hire_type: requisitions.hireType,
      opened_at: requisitions.openedAt,
      applications: count(applications.id),
      hires: sql<number>`count(${employments.applicationId})`,
    })
    .from(requisitions)
    .leftJoin(applications, eq(applications.requisitionId, requisitions.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(where)
    .groupBy(requisitions.id)
}

export const list: AppRouteHandler<typeof listRoute> = (c) => {
  const { level, q, limit, offset } = c.req.valid('query')
  const conditions: SQL[] = []
  if (level) conditions.push(eq(requisitions.level, level))
  if (q) conditions.push(containsText(q, [requisitions.id, requisitions.title]))
  const where = and(...conditions)
  const db = c.var.db
  const [total] = db.select({ n: count() }).from(requisitions).where(where).all()
  const items = selectRequisitions(db, where)
    .orderBy(desc(requisitions.openedAt), desc(requisitions.id))
    .limit(limit)
    .offset(offset)
    .all()
  return c.json({ total: total?.n ?? 0, limit, offset, items }, 200)
}

export const getOne: AppRouteHandler<typeof getOneRoute> = (c) => {
  const { id } = c.req.valid('param')
  const found = selectRequisitions(c.var.db, eq(requisitions.id, id)).get()
  if (!found) throw new ApiError(404, 'not_found', `There is no requisition "${id}"`)
  return c.json(found, 200)
}
