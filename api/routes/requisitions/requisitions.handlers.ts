import type { Context } from 'hono'
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { write } from '../../../db/store'
import { applications, employments, requisitions, users } from '../../../db/schema'
import { findUserByEmail } from '../../auth/accounts'
import { dataChanged } from '../../dataset/data-change'
import { auditEntry } from '../../auth/audit'
import { ownRequisitionsCondition } from '../../analyses/scope'
import { scopeOf, signedIn } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import { containsText } from '../../lib/paging'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import type {
  getOne as getOneRoute,
  list as listRoute,
  update as updateRoute,
} from './requisitions.routes'

function selectRequisitions(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: requisitions.id,
      title: requisitions.title,
      level: requisitions.level,
      hire_type: requisitions.hireType,
      opened_at: requisitions.openedAt,
      owner_email: users.email,
      applications: count(applications.id),
      hires: sql<number>`count(${employments.applicationId})`,
    })
    .from(requisitions)
    .leftJoin(users, eq(users.id, requisitions.ownerUserId))
    .leftJoin(applications, eq(applications.requisitionId, requisitions.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(where)
    .groupBy(requisitions.id)
}

export const list: AppRouteHandler<typeof listRoute> = (c) => {
  const { level, q, limit, offset } = c.req.valid('query')
  const conditions: (SQL | undefined)[] = [ownRequisitionsCondition(scopeOf(c))]
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

/** A requisition the viewer may see, else 404: another manager's requisition does not exist for them. */
function visibleRequisition(c: Context<AppBindings>, id: string) {
  const found = selectRequisitions(
    c.var.db,
    and(eq(requisitions.id, id), ownRequisitionsCondition(scopeOf(c))),
  ).get()
  if (!found) throw new ApiError(404, 'not_found', `There is no requisition "${id}"`)
  return found
}

export const getOne: AppRouteHandler<typeof getOneRoute> = (c) =>
  c.json(visibleRequisition(c, c.req.valid('param').id), 200)

export const update: AppRouteHandler<typeof updateRoute> = async (c) => {
  const { id } = c.req.valid('param')
  const { owner_email } = c.req.valid('json')
  const current = visibleRequisition(c, id)
  const owner = owner_email === null ? null : await findUserByEmail(c.var.store, owner_email)
  if (owner === undefined) {
    throw new ApiError(400, 'invalid_request', `Invalid body: owner_email names no user`, [
      { field: 'owner_email', message: 'names no user' },
    ])
  }
  await c.var.store.transaction(function* (queries) {
    yield* write(
      queries.db
        .update(queries.tables.requisitions)
        .set({ ownerUserId: owner?.id ?? null })
        .where(eq(queries.tables.requisitions.id, id)),
    )
    yield* auditEntry(
      queries,
      {
        actor: signedIn(c).viewer,
        action: 'requisition_update',
        target: id,
        details: { owner_email: { from: current.owner_email, to: owner?.email ?? null } },
      },
      c.var.now(),
    )
    // Who owns what bounds a hiring manager's figures: theirs must be recomputed.
    yield* dataChanged(queries, 'settings')
  })
  return c.json(visibleRequisition(c, id), 200)
}
