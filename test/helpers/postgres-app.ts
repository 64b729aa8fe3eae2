import { createApp } from '../../api/app'
import type { AppDependencies } from '../../api/lib/create-app'
import type { Db } from '../../db/client'
import { copyIntoPostgres } from '../../db/copy'
import { openPostgresStore } from '../../db/store'
import { temporaryDatabase } from '../pg/temporary-database'
import { TEST_PASSWORD_COST } from './auth'
import { FIXED_TODAY } from './app'

/**
 * For an API suite run on PostgreSQL too (`LOOPSCOPE_TEST_STORE=postgres`, as the pg project
 * sets it): whether this run is that one.
 */
export const onPostgres = () => process.env.LOOPSCOPE_TEST_STORE === 'postgres'

/**
 * The real app on a PostgreSQL copy of a SQLite test database, set up as the suite set it up
 * there; `close` drops the copy.
 */
export async function postgresAppFrom(db: Db, options: Partial<AppDependencies> = {}) {
  const database = await temporaryDatabase()
  await copyIntoPostgres(db, database.url)
  const postgres = await openPostgresStore(database.url)
  const app = createApp({
    store: postgres.store,
    postgresUrl: database.url,
    today: () => FIXED_TODAY,
    passwordCost: TEST_PASSWORD_COST,
    ...options,
  })
  return {
    app,
    close: async () => {
      await postgres.close()
      await database.drop()
    },
  }
}
