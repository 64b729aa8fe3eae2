import { createApp } from '../../api/app'
import type { AppDependencies } from '../../api/lib/create-app'
import type { Db } from '../../db/client'
import type { UserRole } from '../../db/domain'
import { asBearer, TEST_PASSWORD_COST, userWithToken } from './auth'
import { createTestDatabase, importTexts } from './database'
import { onPostgres, postgresAppFrom } from './postgres-app'
import { referenceFile } from './reference'

export const FIXED_TODAY = '2026-03-31'

/** The real app with "today" fixed so results do not drift, and test-cheap password hashing. */
export function createBareApp(db: Db, options: Partial<AppDependencies> = {}) {
  return createApp({ db, today: () => FIXED_TODAY, passwordCost: TEST_PASSWORD_COST, ...options })
}

/**
 * The real app on a fresh database, every request made with the API token of a user of the
 * role (admin unless said otherwise), as a script would.
 */
export function createTestApp(
  db: Db = createTestDatabase(),
  { role = 'admin', ...options }: Partial<AppDependencies> & { role?: UserRole } = {},
) {
  const { token } = userWithToken(db, role)
  return { db, app: asBearer(createBareApp(db, options), token) }
}

/**
 * The real app with the R reference data set imported through the real importer, requests
 * made as an admin; in the pg project, on a PostgreSQL copy of that database.
 */
export async function createReferenceApp() {
  const db = createTestDatabase()
  const { token } = userWithToken(db, 'admin')
  const report = await importTexts(db, {
    'applications.csv': referenceFile('applications.csv'),
    'scores.csv': referenceFile('scores.csv'),
  })
  if (!report.ok) throw new Error(`reference import failed: ${JSON.stringify(report.problems[0])}`)
  const app = onPostgres()
    ? await postgresAppFrom(db, { today: () => FIXED_TODAY, passwordCost: TEST_PASSWORD_COST })
    : createBareApp(db)
  return { db, app: asBearer(app, token) }
}

export interface ErrorResponseBody {
  error: { code: string; message: string; details: unknown }
}
