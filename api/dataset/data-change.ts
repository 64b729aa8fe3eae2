import type { Db } from '../../db/client'
import { nextDataVersion } from '../../db/meta'
import { runOnSqlite, write, type Operation, type Queries } from '../../db/store'
import { rebuildAllSnapshots } from './snapshot'

/**
 * What a write changed: `applications` when applications, their ratings, outcomes or self-ID
 * groups changed (the analytics columns are read again); `settings` when only what is read
 * beside them changed (rubric weights, benchmarks, requisition owners), so the stored columns
 * stay valid for the new version.
 */
export type DataChange = 'applications' | 'settings'

/**
 * The one step every write that changes analytics input ends with, inside its transaction:
 * a new data version, so every cached figure and released population is recomputed, and the
 * analytics snapshot brought up to that version. SQLite rebuilds its snapshots here; on
 * PostgreSQL, which builds none yet, an applications change drops them, so none is read stale.
 */
export function* dataChanged(queries: Queries, change: DataChange): Operation<void> {
  const version = yield* nextDataVersion(queries)
  const { db, tables } = queries
  if (change === 'settings') {
    yield* write(db.update(tables.analyticsSnapshots).set({ dataVersion: version }))
  } else if (queries.dialect === 'sqlite') {
    // Synchronous, inside the same SQLite transaction: operations run there in one go.
    rebuildAllSnapshots(db)
  } else {
    yield* write(db.delete(tables.analyticsSnapshots))
  }
}

/** As `dataChanged`, from synchronous SQLite code. */
export const commitDataChange = (db: Db, change: DataChange): void =>
  runOnSqlite(db, (queries) => dataChanged(queries, change))
