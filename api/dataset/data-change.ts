import type { Db } from '../../db/client'
import { bumpDataVersion, DATA_VERSION_KEY, readMeta } from '../../db/meta'
import { analyticsSnapshots } from '../../db/schema'
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
 * analytics snapshot brought up to that version.
 */
export function commitDataChange(db: Db, change: DataChange): void {
  bumpDataVersion(db)
  if (change === 'applications') {
    rebuildAllSnapshots(db)
    return
  }
  db.update(analyticsSnapshots)
    .set({ dataVersion: readMeta(db, DATA_VERSION_KEY) ?? '0' })
    .run()
}
