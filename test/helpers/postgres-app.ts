import { createApp } from '../../api/app'
import type { AppDependencies } from '../../api/lib/create-app'
import type { Db } from '../../db/client'
import { copyIntoPostgres } from '../../db/copy'
import { openPostgresStore } from '../../db/store'
import { temporaryDatabase } from '../pg/temporary-database'

/**
 * For an API suite run on PostgreSQL too (`LOOPSCOPE_TEST_STORE=postgres`, as the pg project
 * sets it): whether this run is that one.
 */
export const onPostgres = () => process.env.LOOPSCOPE_TEST_STORE === 'postgres'

/** What closes the copies a test file made: postgres-setup.ts runs it after the file. */
const closers: (() => Promise<void>)[] = []

export async function closePostgresCopies(): Promise<void> {
  for (const close of closers.splice(0)) await close()
}

/**
 * The real app on a PostgreSQL copy of a SQLite test database, set up as the suite set it up
 * there, with the options it gives the app on SQLite. The copy is dropped after the file.
 */
export async function postgresAppFrom(
  db: Db,
  options: Partial<AppDependencies> & Pick<AppDependencies, 'today' | 'passwordCost'>,
) {
  const database = await temporaryDatabase()
  await copyIntoPostgres(db, database.url)
  const postgres = await openPostgresStore(database.url)
  const app = createApp({ ...options, store: postgres.store, postgresUrl: database.url })
  closers.push(async () => {
    await postgres.close()
    await database.drop()
  })
  return app
}
