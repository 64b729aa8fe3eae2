import { deserialize, serialize } from 'node:v8'
import { asc, eq, sql } from 'drizzle-orm'
import { importRunning } from '../import/import-lock'
import { busyDatabase } from '../lib/errors'
import { atomically, type Db } from '../../db/client'
import { DATA_VERSION_KEY, readMeta } from '../../db/meta'
import { analyticsSnapshotParts, analyticsSnapshots, rubrics } from '../../db/schema'
import {
  loadColumns,
  loadRubricFrame,
  type AnalyticsDataset,
  type ApplicationColumns,
  type RubricFrame,
} from './dataset'

/** Bump when the encoding changes: an older snapshot is then rebuilt, not misread. */
const FORMAT = 5

/** The most bytes of a typed array stored in one part. */
export const PART_BYTES = 1024 * 1024

const NUMBER_ARRAYS = { Int32Array, Float64Array }
type NumberArray = Int32Array | Float64Array

/** Where a typed array was: it is stored out of line, in the parts that follow in order. */
interface StoredArray {
  stored: keyof typeof NUMBER_ARRAYS
  length: number
}

/** The snapshot row: everything but the typed arrays, which are in the parts. */
interface Header {
  format: number
  areaIds: number[]
  columns: unknown
}

const currentVersion = (db: Db) => readMeta(db, DATA_VERSION_KEY) ?? '0'

const isStoredArray = (value: object): value is StoredArray =>
  'stored' in value && Object.hasOwn(NUMBER_ARRAYS, value.stored as string)

/** The value with each typed array in it replaced by where it went, in the order taken. */
function withoutArrays(value: unknown, arrays: NumberArray[]): unknown {
  if (value instanceof Int32Array || value instanceof Float64Array) {
    arrays.push(value)
    return {
      stored: value instanceof Int32Array ? 'Int32Array' : 'Float64Array',
      length: value.length,
    }
  }
  if (Array.isArray(value)) {
    return value.length > 0 && typeof value[0] === 'object'
      ? value.map((item) => withoutArrays(item, arrays))
      : value
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withoutArrays(item, arrays)]),
    )
  }
  return value
}

/** The value again, each stored array filled from the parts, which come in the same order. */
function withArrays(value: unknown, nextPart: () => Buffer): unknown {
  if (Array.isArray(value)) {
    return value.length > 0 && typeof value[0] === 'object'
      ? value.map((item) => withArrays(item, nextPart))
      : value
  }
  if (value === null || typeof value !== 'object') return value
  if (isStoredArray(value)) {
    const array = new NUMBER_ARRAYS[value.stored](value.length)
    const bytes = new Uint8Array(array.buffer)
    for (let at = 0; at < bytes.length;) {
      const part = nextPart()
      bytes.set(part, at)
      at += part.length
    }
    return array
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, withArrays(item, nextPart)]),
  )
}

/**
 * Stores the columns for the current data version, replacing the rubric's snapshot: one row
 * with the text dictionaries, then the typed arrays a part at a time, never copied whole.
 */
function storeSnapshot(db: Db, frame: RubricFrame, columns: ApplicationColumns): void {
  const arrays: NumberArray[] = []
  const header: Header = {
    format: FORMAT,
    areaIds: frame.areas.map((area) => area.id),
    columns: withoutArrays(columns, arrays),
  }
  const rubricId = frame.rubric.id
  atomically(db, () => {
    const row = { rubricId, dataVersion: currentVersion(db), payload: serialize(header) }
    db.insert(analyticsSnapshots)
      .values(row)
      .onConflictDoUpdate({ target: analyticsSnapshots.rubricId, set: row })
      .run()
    db.delete(analyticsSnapshotParts).where(eq(analyticsSnapshotParts.rubricId, rubricId)).run()
    const insertPart = db
      .insert(analyticsSnapshotParts)
      .values({ rubricId, part: sql.placeholder('part'), bytes: sql.placeholder('bytes') })
      .prepare()
    let part = 0
    for (const array of arrays) {
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength)
      for (let at = 0; at < bytes.length; at += PART_BYTES) {
        insertPart.run({ part: part++, bytes: bytes.subarray(at, at + PART_BYTES) })
      }
    }
  })
}

/** After a write: every rubric's columns, read once from the tables and stored for this version. */
export function rebuildAllSnapshots(db: Db): void {
  for (const { key } of db.select({ key: rubrics.key }).from(rubrics).all()) {
    const frame = loadRubricFrame(db, key)
    if (frame) storeSnapshot(db, frame, loadColumns(db, frame))
  }
}

/** The rubric's stored columns if they are of this format and version, a part at a time. */
function readSnapshot(db: Db, frame: RubricFrame): ApplicationColumns | null {
  const rubricId = frame.rubric.id
  const snapshot = db
    .select()
    .from(analyticsSnapshots)
    .where(eq(analyticsSnapshots.rubricId, rubricId))
    .get()
  if (snapshot?.dataVersion !== currentVersion(db)) return null
  const header = deserialize(snapshot.payload) as Header
  const sameAreas = header.areaIds.join() === frame.areas.map((area) => area.id).join()
  if (header.format !== FORMAT || !sameAreas) return null
  const { sql: text, params } = db
    .select({ bytes: analyticsSnapshotParts.bytes })
    .from(analyticsSnapshotParts)
    .where(eq(analyticsSnapshotParts.rubricId, rubricId))
    .orderBy(asc(analyticsSnapshotParts.part))
    .toSQL()
  const parts = db.$client
    .prepare(text)
    .pluck(true)
    .iterate(...params) as IterableIterator<Buffer>
  const nextPart = () => {
    const step = parts.next()
    if (step.done) throw new Error('The analytics snapshot ends before its last part')
    return step.value
  }
  try {
    return withArrays(header.columns, nextPart) as ApplicationColumns
  } finally {
    parts.return?.()
  }
}

/**
 * The rubric's dataset at the current data version: from its snapshot when that is current
 * (read a part at a time), else from the tables, storing a new snapshot. Null for no such rubric.
 */
export function readDataset(db: Db, rubricKey: string): AnalyticsDataset | null {
  const frame = loadRubricFrame(db, rubricKey)
  if (!frame) return null
  const stored = readSnapshot(db, frame)
  if (stored) return { ...frame, ...stored }
  const columns = loadColumns(db, frame)
  // Storing is an optimisation: while an import holds the write lock, here or in another
  // instance on the same database, do not wait for it.
  if (!importRunning(db)) {
    try {
      storeSnapshot(db, frame, columns)
    } catch (error) {
      if (!busyDatabase(error)) throw error
    }
  }
  return { ...frame, ...columns }
}
