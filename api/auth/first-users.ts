import { asc, eq } from 'drizzle-orm'
import type { UserRole } from '../../db/domain'
import { DEMO_DATA_KEY, metaValue } from '../../db/meta'
import { first, rows, write, type Queries, type Store } from '../../db/store'
import { dataChanged } from '../dataset/data-change'
import { addUser, type NewUser } from './accounts'
import { generatePassword, type PasswordChecker } from './passwords'

/**
 * The demo's users, one per role and two hiring managers to tell "own" from "other". Their
 * passwords are public (they are in the README): they exist only in a demo database.
 */
export const DEMO_USERS: readonly {
  email: string
  name: string
  role: UserRole
  password: string
}[] = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: 'admin', password: 'demo-admin-2026' },
  { email: 'lead@demo.test', name: 'Lee Lead', role: 'talent_lead', password: 'demo-lead-2026' },
  {
    email: 'manager@demo.test',
    name: 'Max Manager',
    role: 'hiring_manager',
    password: 'demo-manager-2026',
  },
  {
    email: 'manager2@demo.test',
    name: 'Mia Manager',
    role: 'hiring_manager',
    password: 'demo-manager2-2026',
  },
]

export const FIRST_ADMIN_EMAIL = 'admin@localhost'

/** How the audit log names the server creating the first users. */
const FIRST_START = { command: 'start' }

/** Whether the database has any user. */
function* anyUser({ db, tables: { users } }: Queries) {
  return (yield* first(db.select({ id: users.id }).from(users).limit(1))) !== undefined
}

/**
 * On a database with no users: the demo users (each demo requisition then owned by one of
 * the two managers, alternately) when it holds the demo data, otherwise one admin with a
 * random password. Returns the lines to print once; empty when there were users already,
 * or another instance starting at the same time created them first.
 */
export async function createFirstUsers(
  store: Store,
  passwords: PasswordChecker,
  now = new Date(),
): Promise<string[]> {
  if (await store.run(anyUser)) return []
  const demo = (await store.run((queries) => metaValue(queries, DEMO_DATA_KEY))) === 'true'
  const people: readonly NewUser[] = demo
    ? DEMO_USERS
    : [
        {
          email: FIRST_ADMIN_EMAIL,
          role: 'admin',
          password: generatePassword(),
          name: null,
          mustChangePassword: true,
        },
      ]
  const hashes: string[] = []
  for (const person of people) hashes.push(await passwords.hash(person.password))
  const created = await store.transaction(
    function* (queries) {
      if (yield* anyUser(queries)) return false
      const added = []
      for (const [k, person] of people.entries()) {
        added.push((yield* addUser(queries, person, hashes[k]!, FIRST_START, now))!)
      }
      if (!demo) return true
      const managers = added.filter((user) => user.role === 'hiring_manager')
      const {
        db,
        tables: { requisitions },
      } = queries
      const ids = yield* rows(
        db.select({ id: requisitions.id }).from(requisitions).orderBy(asc(requisitions.id)),
      )
      for (const [index, { id }] of ids.entries()) {
        yield* write(
          db
            .update(requisitions)
            .set({ ownerUserId: managers[index % managers.length]!.id })
            .where(eq(requisitions.id, id)),
        )
      }
      yield* dataChanged(queries, 'settings')
      return true
    },
    // Two instances starting on an empty database at once: one creates the users.
    { exclusive: true },
  )
  if (!created) return []
  if (!demo) {
    return [
      `Created the first admin: ${FIRST_ADMIN_EMAIL} with password ${people[0]!.password}`,
      'This is the only time the password is shown. Sign in and choose your own password (the dashboard asks first), then add users under Settings, or with npm run user.',
    ]
  }
  return [
    'Demo users (demo data only: their passwords are public, never use them for real data):',
    ...DEMO_USERS.map(
      (user) => `  ${user.role.padEnd(15)} ${user.email.padEnd(22)} ${user.password}`,
    ),
  ]
}
