import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../api/import/import-files'
import { importRunning } from '../../api/import/import-lock'
import { openServerDatabase } from '../../api/server-app'
import type { Db } from '../../db/client'
import { createTestApp } from '../helpers/app'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { snapshot } from '../helpers/database'

/**
 * An import into a database file runs in a worker thread with its own connection: the
 * request's thread only hands over the upload's bytes and passes on progress and the report.
 */

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

/** The app on a temporary database file, opened as the server opens it. */
function liveApp() {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-worker-'))
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
  const db = openServerDatabase(join(directory, 'live.db'))
  cleanups.push(() => db.$client.close())
  return createTestApp(db, { uploadDirectory: directory })
}

const APPLICATIONS = Array.from({ length: 3000 }, (_, index) =>
  applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
)
const SCORES = APPLICATIONS.flatMap((row) =>
  ['ownership', 'judgment'].map((area) =>
    scoreRow({ application_id: row.application_id!, area, red_flags: 'clones_everything' }),
  ),
)

/** Both files as one multipart/form-data body. */
function form(scores: string) {
  const body = new FormData()
  body.append('files', new Blob([csv(APPLICATION_HEADER, APPLICATIONS)]), 'applications.csv')
  body.append('files', new Blob([scores]), 'scores.csv')
  return body
}

interface Line {
  progress?: { file: string; rows: number }
  result?: { status: number; body: Record<string, unknown> }
}

async function streamedImport(app: ReturnType<typeof liveApp>['app'], scores: string) {
  const response = await app.request('/api/import/stream', { method: 'POST', body: form(scores) })
  expect(response.status).toBe(200)
  return (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line)
}

const count = (db: Db, table: string) =>
  db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('an import into a database file', () => {
  it('answers progress lines, then the report, and then the data is there', async () => {
    const { app, db } = liveApp()
    const lines = await streamedImport(app, csv(SCORE_HEADER, SCORES))

    const progress = lines.flatMap((line) => (line.progress ? [line.progress] : []))
    expect(progress.length).toBeGreaterThan(0)
    expect(lines.at(-1)!.result).toMatchObject({
      status: 200,
      body: { ok: true, written: true, problem_count: 0 },
    })
    expect(count(db, 'applications')).toBe(APPLICATIONS.length)
    expect(count(db, 'scores')).toBe(SCORES.length)
    expect(count(db, 'application_area_scores')).toBe(SCORES.length)
    // The audit entry and the analytics snapshot were written in the same transaction.
    const audit = db.$client
      .prepare("SELECT actor, target FROM audit_log WHERE action = 'import'")
      .all()
    expect(audit).toEqual([
      {
        actor: expect.stringMatching(/^admin-\d+@test\.example$/) as unknown,
        target: 'applications.csv, scores.csv',
      },
    ])
    const validity = await app.request('/api/analytics/validity')
    expect(((await validity.json()) as { n_applications: number }).n_applications).toBe(
      APPLICATIONS.length,
    )
  })

  it('writes nothing when a row is bad, and says which', async () => {
    const { app, db } = liveApp()
    const before = snapshot(db)
    const lines = await streamedImport(app, csv(SCORE_HEADER, [...SCORES, scoreRow({ rating: 9 })]))

    const { result } = lines.at(-1)!
    expect(result!.status).toBe(422)
    const report = (result!.body as { error: { details: { problems: unknown[] } } }).error.details
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'scores.csv', line: SCORES.length + 2, column: 'rating' }),
    ])
    expect(snapshot(db)).toEqual(before)
    expect(count(db, 'application_area_scores')).toBe(0)
  })

  it('holds the import lock on the request thread until the thread has ended', async () => {
    const { db } = liveApp()
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    const text = csv(APPLICATION_HEADER, APPLICATIONS)
    const stream = Readable.from(
      (async function* () {
        yield Buffer.from(text.slice(0, 1000))
        await released
        yield Buffer.from(text.slice(1000))
      })(),
    )
    const importing = importFiles(db, [{ name: 'applications.csv', stream }], { dryRun: false })
    expect(importRunning(db)).toBe(true)
    release()
    expect((await importing).written).toBe(true)
    expect(importRunning(db)).toBe(false)
    expect(count(db, 'applications')).toBe(APPLICATIONS.length)
  })
})
