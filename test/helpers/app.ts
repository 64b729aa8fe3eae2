import { createApp } from '../../api/app'
import type { Db } from '../../db/client'
import { createTestDatabase, importTexts } from './database'
import { referenceFile } from './reference'

export const FIXED_TODAY = '2026-03-31'

/** The real app on a fresh database, with "today" fixed so results do not drift. */
export function createTestApp(db: Db = createTestDatabase()) {
  return { db, app: createApp({ db, today: () => FIXED_TODAY }) }
}

/** The real app with the R reference data set imported through the real importer. */
export async function createReferenceApp() {
  const setup = createTestApp()
  const report = await importTexts(setup.db, {
    'applications.csv': referenceFile('applications.csv'),
    'scores.csv': referenceFile('scores.csv'),
  })
  if (!report.ok) throw new Error(`reference import failed: ${JSON.stringify(report.problems[0])}`)
  return setup
}

export interface ErrorResponseBody {
  error: { code: string; message: string; details: unknown }
}
