import { openPostgresStore } from '../../db/store'
import { describeAccounts, type StoresUnderTest } from '../helpers/accounts-suite'
import { describeLists } from '../helpers/lists-suite'
import { describeSettings } from '../helpers/settings-suite'
import { temporaryDatabase } from './temporary-database'

// The same suites run on SQLite in test/store/sqlite.test.ts.
async function open(): Promise<StoresUnderTest> {
  const database = await temporaryDatabase()
  // Two instances starting at once on an empty database: one migrates, the other waits and
  // then finds nothing to do.
  const [first, second] = await Promise.all([
    openPostgresStore(database.url),
    openPostgresStore(database.url),
  ])
  return {
    store: first.store,
    other: second.store,
    close: async () => {
      await first.close()
      await second.close()
      await database.drop()
    },
  }
}

describeAccounts('PostgreSQL', open)
describeSettings('PostgreSQL', open)
describeLists('PostgreSQL', open)
