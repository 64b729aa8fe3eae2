import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { describeAccounts } from '../helpers/accounts-suite'

// The same suite runs on PostgreSQL in test/pg/accounts.test.ts.
describeAccounts('SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-accounts-'))
  const path = join(directory, 'accounts.db')
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
})
