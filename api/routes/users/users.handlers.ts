import { changeUser, createUser, findUser, listUsers } from '../../auth/accounts'
import { generatePassword, passwordProblem } from '../../auth/passwords'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './users.routes'

export const list: AppRouteHandler<typeof routes.list> = (c) =>
  c.json({ users: listUsers(c.var.db) }, 200)

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
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
  const created = await createUser(
    db,
    c.var.passwords,
    { ...body, password },
    signedIn(c).viewer,
    c.var.now(),
  )
  return c.json(
    { ...findUser(db, created.id)!, ...(generated ? { password: generated } : {}) },
    201,
  )
}

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const { id } = c.req.valid('param')
  const { reset_password, ...change } = c.req.valid('json')
  const generated = reset_password ? generatePassword() : null
  const passwordHash = generated ? await c.var.passwords.hash(generated) : undefined
  const changed = changeUser(
    c.var.db,
    id,
    { ...change, passwordHash },
    signedIn(c).viewer,
    c.var.now(),
  )
  return c.json({ ...changed, ...(generated ? { password: generated } : {}) }, 200)
}
