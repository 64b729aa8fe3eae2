import { describeTwoInstances } from '../helpers/two-instances-suite'
import { temporaryDatabase } from './temporary-database'

// The same suite runs on SQLite in test/reliability/two-instances.test.ts.
describeTwoInstances('PostgreSQL', async () => {
  const database = await temporaryDatabase()
  return { env: { DATABASE_URL: database.url }, close: database.drop }
})
