import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createReferenceApp, createTestApp } from '../helpers/app'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { importTexts } from '../helpers/database'
import { expected, referenceFile } from '../helpers/reference'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

const AREA_KEYS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment']
const VALIDITY = '/api/analytics/validity?as_of=2026-03-31'

interface ValidityBody {
  n_applications: number
  n_hires: number
  n_hires_outcome: number
  n_retained: number
  n_left: number
  areas: { key: string; n: number; n_pool: number }[]
}

/** A hire of 2024 still employed: retained by 2026-03-31, scored 4 in every area. */
const newHire = {
  'applications.csv': csv(APPLICATION_HEADER, [
    applicationRow({
      application_id: 'APP-CACHE-1',
      candidate_id: 'CAND-CACHE-1',
      requisition_id: 'REQ-CACHE',
      level: 'senior',
      applied_at: '2023-11-01',
      opened_at: '2023-10-15',
      decision: 'hired',
      offer_salary: 160000,
      offer_accepted_at: '2023-12-01',
      start_date: '2024-01-15',
      background: 'go',
    }),
  ]),
  'scores.csv': csv(
    SCORE_HEADER,
    AREA_KEYS.map((area) => scoreRow({ application_id: 'APP-CACHE-1', area, rating: 4 })),
  ),
}

async function text(app: App, path: string) {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return response.text()
}

async function dataVersion(app: App): Promise<number> {
  const body = JSON.parse(await text(app, '/api/health')) as { data_version: number }
  return body.data_version
}

/** Changes a decision behind the importer's back: no data version bump, no snapshot rebuild. */
function rejectSilently(db: Db, applicationId: string) {
  const result = db.$client
    .prepare("UPDATE applications SET decision = 'rejected' WHERE id = ?")
    .run(applicationId)
  expect(result.changes).toBe(1)
}

describe('analytics caching', () => {
  let app: App
  let db: Db
  beforeAll(async () => {
    ;({ app, db } = await createReferenceApp())
  })

  it('answers a repeated request with an identical body', async () => {
    for (const path of [
      VALIDITY,
      '/api/analytics/composite?weights=judgment:1',
      '/api/analytics/retention',
      '/api/analytics/interviewers?level=senior',
    ]) {
      const first = await text(app, path)
      const second = await text(app, path)
      expect(second, path).toBe(first)
    }
  })

  it('an import that changes nothing keeps the data version and the results', async () => {
    const before = await dataVersion(app)
    expect(before).toBeGreaterThan(0)
    const body = await text(app, VALIDITY)
    const report = await importTexts(db, {
      'applications.csv': referenceFile('applications.csv'),
      'scores.csv': referenceFile('scores.csv'),
    })
    expect(report.ok).toBe(true)
    for (const [entity, count] of Object.entries(report.changes!)) {
      expect(count.insert + count.update + count.delete, entity).toBe(0)
    }
    expect(await dataVersion(app)).toBe(before)
    expect(await text(app, VALIDITY)).toBe(body)
  })

  it('an import that changes the data bumps the version and the counts', async () => {
    const before = await dataVersion(app)
    const old = JSON.parse(await text(app, VALIDITY)) as ValidityBody
    expect(old.n_applications).toBe(expected.n_applications)
    const report = await importTexts(db, newHire)
    expect(report.ok).toBe(true)
    expect(report.changes?.applications.insert).toBe(1)
    expect(await dataVersion(app)).toBe(before + 1)

    const now = JSON.parse(await text(app, VALIDITY)) as ValidityBody
    expect(now.n_applications).toBe(expected.n_applications + 1)
    expect(now.n_hires).toBe(expected.n_hires + 1)
    expect(now.n_hires_outcome).toBe(expected.n_hires_outcome + 1)
    expect(now.n_retained).toBe(expected.n_retained + 1)
    expect(now.n_left).toBe(expected.n_left)
    now.areas.forEach((area, k) => {
      expect(area.n, area.key).toBe(old.areas[k]!.n + 1)
      expect(area.n_pool, area.key).toBe(old.areas[k]!.n_pool + 1)
    })
    // Endpoints computed before the import are recomputed too.
    const composite = JSON.parse(
      await text(app, '/api/analytics/composite?weights=judgment:1'),
    ) as {
      n: number
    }
    expect(composite.n).toBe(expected.model.n + 1)

    // The same import again changes nothing.
    const again = await importTexts(db, newHire)
    expect(again.ok).toBe(true)
    expect(again.changes?.applications).toEqual({ insert: 0, update: 0, unchanged: 1, delete: 0 })
    expect(again.changes?.scores).toEqual({ insert: 0, update: 0, unchanged: 5, delete: 0 })
    expect(await dataVersion(app)).toBe(before + 1)
  })

  it('serves results from memory and the stored snapshot while the data version stands', async () => {
    const body = await text(app, VALIDITY)
    // A change that bypasses the importer (no version bump) is not seen: the result is cached ...
    rejectSilently(db, 'APP-CACHE-1')
    expect(await text(app, VALIDITY)).toBe(body)
    // ... and a second app on the same database, with an empty memory, reads the snapshot.
    const { app: second } = createTestApp(db)
    expect(await text(second, VALIDITY)).toBe(body)

    // The next changing import rebuilds the snapshot from the tables: both changes show.
    const report = await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [
        applicationRow({
          application_id: 'APP-CACHE-2',
          candidate_id: 'CAND-CACHE-2',
          requisition_id: 'REQ-CACHE',
          level: 'senior',
          applied_at: '2023-11-02',
          opened_at: '2023-10-15',
          decision: 'rejected',
        }),
      ]),
    })
    expect(report.ok).toBe(true)
    const now = JSON.parse(await text(second, VALIDITY)) as ValidityBody
    const old = JSON.parse(body) as ValidityBody
    expect(now.n_applications).toBe(old.n_applications + 1)
    expect(now.n_hires).toBe(old.n_hires - 1)
    expect(await text(app, VALIDITY)).toBe(await text(second, VALIDITY))
  })
})

describe('the dataset snapshot', () => {
  it('lets a second app on the same database answer the same validity body', async () => {
    const { app, db } = createTestApp()
    const report = await importTexts(db, newHire)
    expect(report.ok).toBe(true)
    const stored = db.$client.prepare('SELECT data_version FROM analytics_snapshots').all() as {
      data_version: string
    }[]
    expect(stored).toEqual([{ data_version: String(await dataVersion(app)) }])

    const body = await text(app, VALIDITY)
    const { app: second } = createTestApp(db)
    expect(await text(second, VALIDITY)).toBe(body)
    expect((JSON.parse(body) as ValidityBody).n_applications).toBe(1)
  })

  it('is what a new app reads, not the tables, while the data version stands', async () => {
    const { app, db } = createTestApp()
    expect((await importTexts(db, newHire)).ok).toBe(true)
    // Never asked the first app: the second reads the snapshot the import stored.
    rejectSilently(db, 'APP-CACHE-1')
    const { app: second } = createTestApp(db)
    const body = JSON.parse(await text(second, VALIDITY)) as ValidityBody
    expect(body.n_applications).toBe(1)
    expect(body.n_hires).toBe(1)
    expect(await text(app, VALIDITY)).toBe(JSON.stringify(body))
  })
})
