import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnalysesService } from '../../api/analyses/service'
import { openDatabase, type Db } from '../../db/client'
import { createBareApp, FIXED_TODAY } from '../helpers/app'
import { asBearer, userWithToken } from '../helpers/auth'
import { importTexts } from '../helpers/database'
import { referenceFile } from '../helpers/reference'

// The server computes analytics in worker threads, each with its own connection to the file.
// Their answers must be the ones computed on the request thread, errors included.

const PATHS = [
  '/api/analytics/validity',
  '/api/analytics/interviewers?level=senior',
  '/api/analytics/retention?as_of=2025-06-30',
  '/api/analytics/composite?weights=judgment:1,ownership:1',
  '/api/analytics/expectancy',
  '/api/analytics/utility?hourly_cost=50&weights=judgment:1',
  '/api/analytics/adverse-impact',
  '/api/analytics/adverse-impact?requisition_id=REQ-0001',
  '/api/analytics/validity?requisition_id=REQ-9999',
  '/api/compare?application_ids=APP-0001,APP-0002',
]

describe('analytics in worker threads', () => {
  let directory: string
  let db: Db
  let pooled: AnalysesService
  let token: string
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'loopscope-workers-'))
    db = openDatabase(join(directory, 'workers.db'), { busyTimeoutMs: 0 })
    const report = await importTexts(db, {
      'applications.csv': referenceFile('applications.csv'),
      'scores.csv': referenceFile('scores.csv'),
    })
    expect(report.ok).toBe(true)
    token = userWithToken(db, 'talent_lead').token
    pooled = new AnalysesService({ db, today: () => FIXED_TODAY, workers: 1 })
  }, 60_000)
  afterAll(async () => {
    await pooled.close()
    db.$client.close()
    rmSync(directory, { recursive: true, force: true })
  })

  it('answers every report as the request thread does, errors and all', async () => {
    const inline = asBearer(createBareApp(db), token)
    const threaded = asBearer(createBareApp(db, { analyses: pooled }), token)
    const statuses = new Set<number>()
    for (const path of PATHS) {
      const [expected, actual] = await Promise.all([inline.request(path), threaded.request(path)])
      statuses.add(actual.status)
      expect(actual.status, path).toBe(expected.status)
      expect(await actual.json(), path).toEqual(await expected.json())
    }
    expect([...statuses].sort()).toEqual([200, 400, 404])
    // The warm-up and one task per report (the 404 and 400 included) ran in a worker.
    expect(pooled.completedInWorkers).toBeGreaterThan(PATHS.length)
  }, 60_000)

  it('answers a repeated request at the same data version from memory', async () => {
    const threaded = asBearer(createBareApp(db, { analyses: pooled }), token)
    await threaded.request('/api/analytics/loop-time')
    const before = pooled.completedInWorkers
    const response = await threaded.request('/api/analytics/loop-time')
    expect(response.status).toBe(200)
    expect(pooled.completedInWorkers).toBe(before)
  })

  it('answers a repeated refusal from memory too, with the same status and message', async () => {
    const threaded = asBearer(createBareApp(db, { analyses: pooled }), token)
    const path = '/api/analytics/adverse-impact?requisition_id=REQ-0002'
    const first = await threaded.request(path)
    const before = pooled.completedInWorkers
    const again = await threaded.request(path)
    expect([first.status, again.status]).toEqual([400, 400])
    expect(await again.json()).toEqual(await first.json())
    expect(pooled.completedInWorkers).toBe(before)
  })
})
