import type { Db } from '../../db/client'
import type { Queries } from '../../db/store'

// One import at a time per database file in this process: they would only wait on the lock.
const running = new Map<string, Promise<unknown>>()

/** Runs the import after any other into the same database file has finished. */
export async function oneImportAtATime<Result>(db: Db, work: () => Promise<Result>) {
  const path = db.$client.name
  const previous = running.get(path) ?? Promise.resolve()
  const current = previous.catch(() => undefined).then(work)
  running.set(path, current)
  try {
    return await current
  } finally {
    if (running.get(path) === current) running.delete(path)
  }
}

/**
 * Whether an import holds this database file's write lock on a connection of its own: a write
 * on the server's connection would wait for it (blocking, up to the busy timeout). An
 * in-memory database has a single connection, which the import shares, so nothing waits.
 */
export const importRunning = (db: Db) => !db.$client.memory && running.has(db.$client.name)

/**
 * Whether a write through these queries now would wait for an import: on SQLite, see
 * `importRunning`; PostgreSQL's import locks no table that other writes need.
 */
export const writesWait = (queries: Queries) =>
  queries.dialect === 'sqlite' && importRunning(queries.db)
