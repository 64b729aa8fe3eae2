import { atomically, type Db } from '../../db/client'
import type { UserRole } from '../../db/domain'
import { users } from '../../db/schema'
import { runOnSqlite } from '../../db/store'
import { addApiToken } from '../../api/auth/accounts'
import type { PasswordCost } from '../../api/auth/passwords'

/** Cheap scrypt for tests: the same code path, a thousandth of the work. */
export const TEST_PASSWORD_COST: PasswordCost = { logN: 10, r: 8, p: 1 }

let userCount = 0

/** A user of the role, written straight to the database (no password), with an API token. */
export function userWithToken(
  db: Db,
  role: UserRole,
  email = `${role}-${++userCount}@test.example`,
) {
  const user = db
    .insert(users)
    .values({ email, role, name: role })
    .returning({ id: users.id, email: users.email })
    .get()
  const { token } = atomically(db, () =>
    runOnSqlite(db, (queries) =>
      addApiToken(queries, user, 'test', { command: 'test' }, new Date()),
    ),
  )
  return { ...user, token }
}

type Requester = {
  request: (input: string, init?: RequestInit, env?: unknown) => Response | Promise<Response>
}

/** The app as seen by a script holding the token: every request carries it. */
export function asBearer(app: Requester, token: string): Requester {
  return {
    request: (input, init = {}, env) => {
      const headers = new Headers(init.headers)
      headers.set('authorization', `Bearer ${token}`)
      return app.request(input, { ...init, headers }, env)
    },
  }
}
