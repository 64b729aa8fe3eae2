import { changeUser, createUser, findUser, listUsers } from '../../auth/accounts'
import { generatePassword, passwordProblem } from '../../auth/passwords'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './users.routes'

export const list: AppRouteHandler<typeof routes.list> = async (c) =>
  c.json({ users: await listUsers(c.var.store) }, 200)

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
  const store = c.var.store
  const created = await createUser(
    store,
    c.var.passwords,
    { ...body, password },
    signedIn(c).viewer,
    c.var.now(),
  )
  return c.json(
    { ...(await findUser(store, created.id))!, ...(generated ? { password: generated } : {}) },
    201,
  )
}

export const update: AppRouteHandler<typeof routes.update> = async (c) => {
  const { id } = c.req.valid('param')
  const { reset_password, ...change } = c.req.valid('json')
  const generated = reset_password ? generatePassword() : null
  const passwordHash = generated ? await c.var.passwords.hash(generated) : undefined
  const changed = await changeUser(
    c.var.store,
    id,
    { ...change, passwordHash },
    signedIn(c).viewer,
    c.var.now(),
  )
  return c.json({ ...changed, ...(generated ? { password: generated } : {}) }, 200)
}
