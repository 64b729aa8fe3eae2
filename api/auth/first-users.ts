import { asc, count, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { sqliteStore } from '../../db/store'
import type { UserRole } from '../../db/domain'
import { DEMO_DATA_KEY, readMeta } from '../../db/meta'
import { requisitions, users } from '../../db/schema'
import { commitDataChange } from '../dataset/data-change'
import { createUser } from './accounts'
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

/**
 * On a database with no users: the demo users (each demo requisition then owned by one of
 * the two managers, alternately) when it holds the demo data, otherwise one admin with a
 * random password. Returns the lines to print once; empty when there were users already.
 */
export async function createFirstUsers(db: Db, passwords: PasswordChecker): Promise<string[]> {
  const store = sqliteStore(db)
  const [existing] = db.select({ n: count() }).from(users).all()
  if ((existing?.n ?? 0) > 0) return []
  if (readMeta(db, DEMO_DATA_KEY) !== 'true') {
    const password = generatePassword()
    await createUser(
      store,
      passwords,
      { email: FIRST_ADMIN_EMAIL, role: 'admin', password, name: null, mustChangePassword: true },
      FIRST_START,
    )
    return [
      `Created the first admin: ${FIRST_ADMIN_EMAIL} with password ${password}`,
      'This is the only time the password is shown. Sign in and choose your own password (the dashboard asks first), then add users under Settings, or with npm run user.',
    ]
  }
  const created = []
  for (const user of DEMO_USERS) created.push(await createUser(store, passwords, user, FIRST_START))
  const managers = created.filter((user) => user.role === 'hiring_manager')
  const ids = db
    .select({ id: requisitions.id })
    .from(requisitions)
    .orderBy(asc(requisitions.id))
    .all()
  ids.forEach(({ id }, index) => {
    db.update(requisitions)
      .set({ ownerUserId: managers[index % managers.length]!.id })
      .where(eq(requisitions.id, id))
      .run()
  })
  commitDataChange(db, 'settings')
  return [
    'Demo users (demo data only: their passwords are public, never use them for real data):',
    ...DEMO_USERS.map(
      (user) => `  ${user.role.padEnd(15)} ${user.email.padEnd(22)} ${user.password}`,
    ),
  ]
}
