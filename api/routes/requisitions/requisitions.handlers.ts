import type { Context } from 'hono'
import { eq } from 'drizzle-orm'
import { write } from '../../../db/store'
import { findUserByEmail } from '../../auth/accounts'
import { dataChanged } from '../../dataset/data-change'
import { auditEntry } from '../../auth/audit'
import { scopeOf, signedIn } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import { findRequisition, listRequisitions } from '../../lists/requisitions'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import type {
  getOne as getOneRoute,
  list as listRoute,
  update as updateRoute,
} from './requisitions.routes'

export const list: AppRouteHandler<typeof listRoute> = async (c) =>
  c.json(await listRequisitions(c.var.store, scopeOf(c), c.req.valid('query')), 200)

/** A requisition the viewer may see, else 404: another manager's requisition does not exist for them. */
async function visibleRequisition(c: Context<AppBindings>, id: string) {
  const found = await findRequisition(c.var.store, scopeOf(c), id)
  if (!found) throw new ApiError(404, 'not_found', `There is no requisition "${id}"`)
  return found
}

export const getOne: AppRouteHandler<typeof getOneRoute> = async (c) =>
  c.json(await visibleRequisition(c, c.req.valid('param').id), 200)

export const update: AppRouteHandler<typeof updateRoute> = async (c) => {
  const { id } = c.req.valid('param')
  const { owner_email } = c.req.valid('json')
  const current = await visibleRequisition(c, id)
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
  return c.json(await visibleRequisition(c, id), 200)
}
