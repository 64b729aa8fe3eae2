import type { Context } from 'hono'
import { and, count, eq, isNull } from 'drizzle-orm'
import { atomically } from '../../../db/client'
import { users } from '../../../db/schema'
import { createUser, listUsers, revokeEverything } from '../../auth/accounts'
import { recordAudit } from '../../auth/audit'
import { generatePassword, passwordProblem } from '../../auth/passwords'
import { ApiError } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import { signedIn } from '../auth/auth.handlers'
import type * as routes from './users.routes'

export const list: AppRouteHandler<typeof routes.list> = (c) =>
  c.json({ users: listUsers(c.var.db) }, 200)

const userById = (c: Context<AppBindings>, id: number) =>
  listUsers(c.var.db).find((user) => user.id === id)

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const { viewer } = signedIn(c)
  const body = c.req.valid('json')
  const generated = body.password === undefined ? generatePassword() : null
  const password = body.password ?? generated!
  const problem = passwordProblem(password)
  if (problem) {
    throw new ApiError(400, 'invalid_request', `Invalid body: password ${problem}`, [
      { field: 'password', message: problem },
    ])
  }
  const db = c.var.db
  const created = await createUser(db, c.var.passwords, { ...body, password })
  recordAudit(
    db,
    {
      actor: viewer,
      action: 'user_create',
      target: created.email,
      details: { role: created.role },
    },
    c.var.now(),
  )
  return c.json({ ...userById(c, created.id)!, ...(generated ? { password: generated } : {}) }, 201)
}

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const { viewer } = signedIn(c)
  const { id } = c.req.valid('param')
  const change = c.req.valid('json')
  const db = c.var.db
  const target = userById(c, id)
  if (!target) throw new ApiError(404, 'not_found', `There is no user ${id}`)
  const generated = change.reset_password ? generatePassword() : null
  const passwordHash = generated ? await c.var.passwords.hash(generated) : undefined
  const now = c.var.now().toISOString()
  atomically(db, () => {
    db.update(users)
      .set({
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.role ? { role: change.role } : {}),
        ...(change.disabled !== undefined
          ? { disabledAt: change.disabled ? (target.disabled_at ?? now) : null }
          : {}),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(eq(users.id, id))
      .run()
    const [admins] = db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
      .all()
    if ((admins?.n ?? 0) === 0) {
      // Thrown inside the transaction, so the change is rolled back.
      throw new ApiError(409, 'conflict', 'This would leave no enabled admin: keep at least one')
    }
    const lostAccess =
      (change.role !== undefined && change.role !== target.role) ||
      change.disabled === true ||
      generated !== null
    if (lostAccess) revokeEverything(db, id)
    recordAudit(
      db,
      {
        actor: viewer,
        action: 'user_update',
        target: target.email,
        details: {
          ...(change.role ? { role: change.role } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          ...(generated ? { password_reset: true } : {}),
          ...(change.name !== undefined ? { name_changed: true } : {}),
        },
      },
      c.var.now(),
    )
  })
  return c.json({ ...userById(c, id)!, ...(generated ? { password: generated } : {}) }, 200)
}
