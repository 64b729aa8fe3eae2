import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { writeDemoCsv } from '../../api/demo/demo-csv'
import { loadColumns, loadRubricFrame } from '../../api/dataset/dataset'
import { PART_BYTES, readDataset } from '../../api/dataset/snapshot'
import { createTestDatabase, importTexts } from '../helpers/database'

/** Generated applications and ratings as the two CSV texts. */
async function generated(applications: number) {
  const texts = { applications: [] as Buffer[], scores: [] as Buffer[] }
  const collect = (into: Buffer[]) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        into.push(chunk)
        done()
      },
    })
  await writeDemoCsv(
    { applications, seed: 5, until: '2026-06-30' },
    collect(texts.applications),
    collect(texts.scores),
  )
  return {
    'applications.csv': Buffer.concat(texts.applications),
    'scores.csv': Buffer.concat(texts.scores),
  }
}

/** Every typed array in a value, at any depth. */
function typedArrays(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value]
  if (value === null || typeof value !== 'object') return []
  return Object.values(value).flatMap(typedArrays)
}

describe('the analytics snapshot', () => {
  it('reads back, from its parts, exactly the columns read from the tables', async () => {
    const db = createTestDatabase()
    // Enough ratings that one column takes several parts.
    const report = await importTexts(db, await generated(15_000))
    expect(report.problems).toEqual([])
    const frame = loadRubricFrame(db, 'rust')!
    const fromTables = loadColumns(db, frame)
    expect(fromTables.ratings.value.byteLength).toBeGreaterThan(PART_BYTES)
    expect(fromTables.redFlags.items.length).toBeGreaterThan(0)

    const { rubric, areas, benchmarks, ...fromSnapshot } = readDataset(db, 'rust')!
    expect({ rubric, areas: areas.length, benchmarks: benchmarks.length }).toEqual({
      rubric: frame.rubric,
      areas: frame.areas.length,
      benchmarks: frame.benchmarks.length,
    })
    expect(fromSnapshot).toEqual(fromTables)
    const parts = db.$client
      .prepare('SELECT count(*) FROM analytics_snapshot_parts')
      .pluck()
      .get() as number
    const arrays = typedArrays(fromTables)
    expect(parts).toBe(
      arrays.reduce((total, array) => total + Math.ceil(array.byteLength / PART_BYTES), 0),
    )
    expect(parts).toBeGreaterThan(arrays.length)
  }, 60_000)
})
