import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'
import { referenceData } from './seed/reference-data'
import { runOnSqlite } from './operation'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const MIGRATIONS_FOLDER = join(import.meta.dirname, 'migrations')

/** Page cache of an import's connection, in KiB (others get 64 MiB). */
const WRITER_CACHE_KIB = 16_384

/** How long opening waits for another connection's lock while it migrates. */
const OPEN_BUSY_TIMEOUT_MS = 5000

export interface OpenOptions {
  /**
   * Once open, how long a statement waits for another connection's write lock before it fails
   * with SQLITE_BUSY. The wait blocks the thread: a server passes 0 and answers 503 instead.
   */
  busyTimeoutMs?: number
}

/** Settings every connection to the file gets; WAL mode is a property of the file itself. */
function configure(sqlite: Database.Database, busyTimeoutMs: number): void {
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`)
  sqlite.pragma('cache_size = -65536')
}

/** How long the connection waits for another's write lock, in milliseconds. */
export const busyTimeoutOf = (db: Db) =>
  db.$client.pragma('busy_timeout', { simple: true }) as number

/**
 * Opens (creating if needed) the SQLite file, applies every migration and makes sure the
 * default rubric and benchmarks exist. `:memory:` gives a private database, used by tests.
 */
export function openDatabase(
  path: string,
  { busyTimeoutMs = OPEN_BUSY_TIMEOUT_MS }: OpenOptions = {},
): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL')
  configure(sqlite, OPEN_BUSY_TIMEOUT_MS)
  const db = drizzle(sqlite, { schema })
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  sqlite.transaction(() => runOnSqlite(db, referenceData))()
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`)
  return db
}

/**
 * A second, read-only connection to the same file, for long reads (exports) that must not
 * hold the server's connection; `:memory:` has no file to share, so it gets the same one.
 */
export function openReader(db: Db): Db {
  if (db.$client.memory) return db
  const sqlite = new Database(db.$client.name, { readonly: true, fileMustExist: true })
  sqlite.pragma(`busy_timeout = ${busyTimeoutOf(db)}`)
  return drizzle(sqlite, { schema })
}

/**
 * A further connection that writes to an already migrated file, for a long transaction (an
 * import, from a thread of its own) while other connections keep answering from the last
 * committed data; it waits up to `busyTimeoutMs` for another writer's lock.
 */
export function openWriter(path: string, busyTimeoutMs: number): Db {
  const sqlite = new Database(path, { fileMustExist: true })
  configure(sqlite, busyTimeoutMs)
  // An import writes in the order of its rows and reads little back: a small page cache keeps
  // its memory down without slowing it. What it keeps on the side (temporary tables) goes to
  // disk, not to memory.
  sqlite.pragma(`cache_size = -${WRITER_CACHE_KIB}`)
  sqlite.pragma('temp_store = FILE')
  sqlite.pragma(`temp.cache_size = -${WRITER_CACHE_KIB / 2}`)
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
