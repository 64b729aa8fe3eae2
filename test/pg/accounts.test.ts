import { openPostgresStore } from '../../db/store'
import { describeAccounts } from '../helpers/accounts-suite'
import { temporaryDatabase } from './temporary-database'

// The same suite runs on SQLite in test/store/accounts-sqlite.test.ts.
describeAccounts('PostgreSQL', async () => {
  const database = await temporaryDatabase()
  const first = await openPostgresStore(database.url)
  // Migrations applied already: the second pool finds nothing to do, as a second instance.
  const second = await openPostgresStore(database.url)
  return {
    store: first.store,
    other: second.store,
    close: async () => {
      await first.close()
      await second.close()
      await database.drop()
    },
  }
})
