import { deserialize, serialize } from 'node:v8'
import { eq } from 'drizzle-orm'
import { importRunning } from '../import/import-lock'
import type { Db } from '../../db/client'
import { DATA_VERSION_KEY, readMeta } from '../../db/meta'
import { analyticsSnapshots, rubrics } from '../../db/schema'
import {
  loadColumns,
  loadRubricFrame,
  type AnalyticsDataset,
  type ApplicationColumns,
  type RubricFrame,
} from './dataset'

/** Bump when the encoding changes: an older snapshot is then rebuilt, not misread. */
const FORMAT = 2

interface Payload {
  format: number
  areaIds: number[]
  columns: ApplicationColumns
}

const currentVersion = (db: Db) => readMeta(db, DATA_VERSION_KEY) ?? '0'

function storeSnapshot(db: Db, frame: RubricFrame, columns: ApplicationColumns): void {
  const payload: Payload = { format: FORMAT, areaIds: frame.areas.map((area) => area.id), columns }
  const row = {
    rubricId: frame.rubric.id,
    dataVersion: currentVersion(db),
    payload: serialize(payload),
  }
  db.insert(analyticsSnapshots)
    .values(row)
    .onConflictDoUpdate({ target: analyticsSnapshots.rubricId, set: row })
    .run()
}

/** After a write: every rubric's columns, read once from the tables and stored for this version. */
export function rebuildAllSnapshots(db: Db): void {
  for (const { key } of db.select({ key: rubrics.key }).from(rubrics).all()) {
    const frame = loadRubricFrame(db, key)
    if (frame) storeSnapshot(db, frame, loadColumns(db, frame))
  }
}

/**
 * The rubric's dataset at the current data version: from its snapshot when that is current
 * (one row read), else from the tables, storing a new snapshot. Null for no such rubric.
 */
export function readDataset(db: Db, rubricKey: string): AnalyticsDataset | null {
  const frame = loadRubricFrame(db, rubricKey)
  if (!frame) return null
  const snapshot = db
    .select()
    .from(analyticsSnapshots)
    .where(eq(analyticsSnapshots.rubricId, frame.rubric.id))
    .get()
  if (snapshot?.dataVersion === currentVersion(db)) {
    const payload = deserialize(snapshot.payload) as Payload
    const sameAreas = payload.areaIds.join() === frame.areas.map((area) => area.id).join()
    if (payload.format === FORMAT && sameAreas) return { ...frame, ...payload.columns }
  }
  const columns = loadColumns(db, frame)
  // Storing is an optimisation: while an import holds the write lock, do not wait for it.
  if (!importRunning(db)) storeSnapshot(db, frame, columns)
  return { ...frame, ...columns }
}
