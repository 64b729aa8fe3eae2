import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { seedReferenceData } from './seed/reference-data'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const MIGRATIONS_FOLDER = join(import.meta.dirname, 'migrations')

/**
 * Opens (creating if needed) the SQLite file, applies every migration and makes sure the
 * default rubric and benchmarks exist. `:memory:` gives a private database, used by tests.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  seedReferenceData(db)
  return db
}

/**
 * A second, read-only connection to the same file, for long reads (exports) that must not
 * hold the server's connection; `:memory:` has no file to share, so it gets the same one.
 */
export function openReader(db: Db): Db {
  if (db.$client.memory) return db
  const sqlite = new Database(db.$client.name, { readonly: true, fileMustExist: true })
  sqlite.pragma('busy_timeout = 5000')
  return drizzle(sqlite, { schema })
}

/**
 * Runs the work in one transaction on the connection (nested calls become savepoints):
 * everything it writes lands together or not at all. Functions taking `db` can be called
 * inside it unchanged.
 */
export function atomically<Result>(db: Db, work: () => Result): Result {
  return db.$client.transaction(work)()
}
