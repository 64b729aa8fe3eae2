import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { describeAccounts, type StoresUnderTest } from '../helpers/accounts-suite'
import { describeLists } from '../helpers/lists-suite'
import { describeSettings } from '../helpers/settings-suite'

// The same suites run on PostgreSQL in test/pg/store.test.ts.
function open(): Promise<StoresUnderTest> {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-store-'))
  const path = join(directory, 'store.db')
  const first = openDatabase(path)
  const second = openDatabase(path)
  return Promise.resolve({
    store: sqliteStore(first),
    other: sqliteStore(second),
    close: () => {
      first.$client.close()
      second.$client.close()
      rmSync(directory, { recursive: true, force: true })
      return Promise.resolve()
    },
  })
}

describeAccounts('SQLite', open)
describeSettings('SQLite', open)
describeLists('SQLite', open)
