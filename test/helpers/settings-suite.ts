import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAudit } from '../../api/auth/audit'
import { ApiError } from '../../api/lib/errors'
import { listMappings, saveMappings } from '../../api/settings/attribute-mappings'
import {
  createBenchmark,
  listBenchmarks,
  removeBenchmark,
  replaceBenchmark,
  type BenchmarkInput,
} from '../../api/settings/benchmarks'
import {
  listRubrics,
  replaceLevelWeights,
  type LevelWeights,
} from '../../api/settings/rubric-weights'
import { LEVELS } from '../../db/domain'
import { DATA_VERSION_KEY, metaValue } from '../../db/meta'
import { first, rows, type Store } from '../../db/store'
import type { StoresUnderTest } from './accounts-suite'

const ACTOR = { command: 'test' }
const NOW = new Date('2026-06-01T12:00:00.000Z')

const BAND: BenchmarkInput = {
  metric: 'salary',
  level: 'senior',
  metro: 'Berlin',
  value: null,
  low: 90_000,
  high: 120_000,
  unit: 'EUR',
  source: 'A salary survey',
  source_date: '2026-03',
  note: null,
}

const dataVersion = (store: Store) =>
  store.run(function* (queries) {
    return Number((yield* metaValue(queries, DATA_VERSION_KEY)) ?? 0)
  })

/** Each level's weights: `first` on the first area, the rest on the second. */
const weightsOf = (first: number): LevelWeights =>
  Object.fromEntries(LEVELS.map((level) => [level, { design: first, review: 1 - first }]))

/**
 * Benchmarks, rubric weights and the data version every settings change bumps, checked the
 * same way on each database the server can keep them in.
 */
export function describeSettings(name: string, open: () => Promise<StoresUnderTest>) {
  describe(`settings on ${name}`, () => {
    let stores: StoresUnderTest
    let store: Store
    beforeAll(async () => {
      stores = await open()
      store = stores.store
      // A rubric of its own, written through the store: only SQLite's file is seeded.
      await store.transaction(function* ({ db, tables: { rubricAreas, rubrics } }) {
        const [rubric] = yield* rows(
          db.insert(rubrics).values({ key: 'platform', name: 'Platform' }).returning(),
        )
        yield* rows(
          db
            .insert(rubricAreas)
            .values([
              { rubricId: rubric!.id, key: 'design', name: 'System design', position: 0 },
              { rubricId: rubric!.id, key: 'review', name: 'Code review', position: 1 },
            ])
            .returning(),
        )
      })
    })
    afterAll(() => stores.close())

    it('adds, replaces and removes a benchmark, each audited and a new data version', async () => {
      const before = await listBenchmarks(store)
      const version = await dataVersion(store)
      const created = await createBenchmark(store, BAND, ACTOR, NOW)
      expect(created).toEqual({ id: expect.any(Number) as number, ...BAND })
      expect(await listBenchmarks(stores.other)).toEqual([...before, created])
      expect(await dataVersion(stores.other)).toBe(version + 1)

      const raised = { ...BAND, low: 95_000, note: 'Raised' }
      expect(await replaceBenchmark(stores.other, created!.id, raised, ACTOR, NOW)).toEqual({
        id: created!.id,
        ...raised,
      })
      expect(await removeBenchmark(store, created!.id, ACTOR, NOW)).toEqual({
        id: created!.id,
        ...raised,
      })
      expect(await listBenchmarks(store)).toEqual(before)
      expect(await dataVersion(store)).toBe(version + 3)
      const audit = await readAudit(store, { limit: 3, offset: 0 })
      expect(audit.items.map((item) => [item.action, item.target])).toEqual([
        ['benchmark_delete', `benchmark ${created!.id}`],
        ['benchmark_update', `benchmark ${created!.id}`],
        ['benchmark_create', `benchmark ${created!.id}`],
      ])
      expect(audit.items[1]!.details).toEqual({ result: { id: created!.id, ...raised } })
    })

    it('changes nothing for a benchmark that is not there', async () => {
      const version = await dataVersion(store)
      const audited = (await readAudit(store, { limit: 1, offset: 0 })).total
      expect(await replaceBenchmark(store, 999_999, BAND, ACTOR, NOW)).toBeUndefined()
      expect(await removeBenchmark(store, 999_999, ACTOR, NOW)).toBeUndefined()
      expect(await dataVersion(store)).toBe(version)
      expect((await readAudit(store, { limit: 1, offset: 0 })).total).toBe(audited)
    })

    it('replaces level weights whole, refusing a set that does not sum to 1 and writing nothing', async () => {
      const platform = async (through: Store) =>
        (await listRubrics(through)).find((rubric) => rubric.key === 'platform')!
      const version = await dataVersion(store)
      await replaceLevelWeights(store, 'platform', weightsOf(0.25), ACTOR, NOW)
      const areas = (await platform(stores.other)).areas
      expect(areas.map((area) => [area.key, area.name])).toEqual([
        ['design', 'System design'],
        ['review', 'Code review'],
      ])
      for (const level of LEVELS) {
        expect(areas.map((area) => area.weights[level])).toEqual([0.25, 0.75])
      }
      expect(await dataVersion(store)).toBe(version + 1)

      const uneven = { ...weightsOf(0.5), mid: { design: 0.5, review: 0.6 } }
      const refused = await replaceLevelWeights(store, 'platform', uneven, ACTOR, NOW).catch(
        (error: unknown) => error,
      )
      expect(refused).toBeInstanceOf(ApiError)
      expect((refused as ApiError).status).toBe(400)
      expect((refused as ApiError).message).toContain('weights.mid must sum to 1')
      const unchanged = (await platform(store)).areas
      expect(unchanged.map((area) => area.weights.junior)).toEqual([0.25, 0.75])
      expect(await dataVersion(store)).toBe(version + 1)

      const missing = await replaceLevelWeights(store, 'nope', weightsOf(0.5), ACTOR, NOW).catch(
        (error: unknown) => error,
      )
      expect((missing as ApiError).status).toBe(404)
      const [entry] = (await readAudit(store, { action: 'rubric_update', limit: 5, offset: 0 }))
        .items
      expect(entry).toMatchObject({ target: 'platform', details: { weights: weightsOf(0.25) } })
    })

    it('saves attribute mappings whole, each replacing the last for its attribute, with an audit entry', async () => {
      const audited = (await readAudit(store, { limit: 1, offset: 0 })).total
      const saved = await saveMappings(
        store,
        'platform',
        [
          { source: 'greenhouse', attribute: ' System Design ', area: 'design' },
          { source: 'lever', attribute: 'Overall', area: null },
        ],
        ACTOR,
        NOW,
      )
      expect(saved.mappings).toEqual([
        { source: 'greenhouse', attribute: 'System Design', area: 'design' },
        { source: 'lever', attribute: 'Overall', area: null },
      ])
      // The same attribute, spelt otherwise, replaces the mapping.
      await saveMappings(
        stores.other,
        'platform',
        [{ source: 'greenhouse', attribute: 'system  design', area: 'review' }],
        ACTOR,
        NOW,
      )
      expect((await listMappings(store, 'platform')).mappings).toEqual([
        { source: 'greenhouse', attribute: 'system  design', area: 'review' },
        { source: 'lever', attribute: 'Overall', area: null },
      ])
      expect((await readAudit(store, { limit: 1, offset: 0 })).total).toBe(audited + 2)

      // One area the rubric lacks: 400 naming it, and none of the others saved either.
      const refused = await saveMappings(
        store,
        'platform',
        [
          { source: 'lever', attribute: 'Overall', area: 'design' },
          { source: 'lever', attribute: 'Grit', area: 'grit' },
        ],
        ACTOR,
        NOW,
      ).catch((error: unknown) => error)
      expect((refused as ApiError).status).toBe(400)
      expect((refused as ApiError).message).toContain('"grit"')
      expect((await listMappings(store, 'platform')).mappings).toContainEqual({
        source: 'lever',
        attribute: 'Overall',
        area: null,
      })
      expect((await readAudit(store, { limit: 1, offset: 0 })).total).toBe(audited + 2)
      const missing = await listMappings(store, 'nope').catch((error: unknown) => error)
      expect((missing as ApiError).status).toBe(404)
    })

    it('keeps the stored analytics snapshots at the data version a settings change makes', async () => {
      const rubricId = await store.run(function* ({ db, tables: { rubrics } }) {
        return (yield* first(db.select().from(rubrics).where(eq(rubrics.key, 'platform'))))!.id
      })
      await store.run(({ db, tables: { analyticsSnapshots } }) =>
        rows(
          db
            .insert(analyticsSnapshots)
            .values({ rubricId, dataVersion: 'old', payload: Buffer.from([1, 2, 3]) })
            .returning(),
        ),
      )
      await createBenchmark(store, BAND, ACTOR, NOW)
      const [snapshot] = await store.run(({ db, tables: { analyticsSnapshots } }) =>
        rows(db.select().from(analyticsSnapshots).where(eq(analyticsSnapshots.rubricId, rubricId))),
      )
      expect(snapshot!.dataVersion).toBe(String(await dataVersion(store)))
      expect([...snapshot!.payload]).toEqual([1, 2, 3])
    })
  })
}
