import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../api/import/import-files'
import { openServerDatabase } from '../../api/server-app'
import type { Db } from '../../db/client'
import { createTestApp, type ErrorResponseBody } from '../helpers/app'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

/** The server's own database set-up, on a file of a fresh temporary folder. */
function serverDatabase(): Db {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-busy-'))
  const db = openServerDatabase(join(directory, 'live.db'))
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
  cleanups.push(() => db.$client.close())
  return db
}

/**
 * An import that has taken the write lock and waits, mid-file, until `finish` is called;
 * `reading` resolves once its thread asks for the file's first bytes.
 */
function heldImport(db: Db) {
  let finish: () => void = () => undefined
  const released = new Promise<void>((resolve) => (finish = resolve))
  let markReading: () => void = () => undefined
  const reading = new Promise<void>((resolve) => (markReading = resolve))
  const rows = Array.from({ length: 2000 }, (_, index) =>
    applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
  )
  const text = csv(APPLICATION_HEADER, rows)
  const half = text.lastIndexOf('\n', text.length / 2) + 1
  const stream = Readable.from(
    (async function* () {
      markReading()
      yield Buffer.from(text.slice(0, half))
      await released
      yield Buffer.from(text.slice(half))
    })(),
  )
  const report = importFiles(db, [{ name: 'applications.csv', stream }], { dryRun: false })
  return { report, finish, reading }
}

async function expectBusy(response: Response) {
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('5')
  expect(((await response.json()) as ErrorResponseBody).error.code).toBe('busy')
}

/** Waits until the import holds the write lock: a write from another connection is then refused. */
async function untilLocked(db: Db) {
  const probe = new Database(db.$client.name, { timeout: 0 })
  cleanups.push(() => probe.close())
  for (;;) {
    try {
      probe.exec('BEGIN IMMEDIATE')
      probe.exec('ROLLBACK')
    } catch {
      return
    }
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe('requests that would wait for the writer', () => {
  it('an export and a backup during an import answer 503 with Retry-After; health and analytics answer', async () => {
    const { app, db } = createTestApp(serverDatabase())
    const { report, finish } = heldImport(db)
    await untilLocked(db)

    await expectBusy(await app.request('/api/export?format=csv'))
    await expectBusy(await app.request('/api/export?format=json'))
    await expectBusy(await app.request('/api/admin/backup'))
    expect((await app.request('/api/health')).status).toBe(200)
    expect((await app.request('/api/analytics/validity')).status).toBe(200)

    finish()
    expect((await report).ok).toBe(true)
    const exported = await app.request('/api/export?format=csv')
    expect(exported.status).toBe(200)
    await exported.arrayBuffer()
    const backup = await app.request('/api/admin/backup')
    expect(backup.status).toBe(200)
    await backup.arrayBuffer()
  })

  it('an import waits out a short write of another connection instead of failing', async () => {
    const db = serverDatabase()
    const other = new Database(db.$client.name)
    cleanups.push(() => other.close())
    other.exec('BEGIN IMMEDIATE')
    const { report, finish, reading } = heldImport(db)
    finish()
    // Held from before the import's thread starts reading until after it has begun writing:
    // as a sign-in's or a session's write might be, in this instance or another on the file.
    await reading
    await new Promise((resolve) => setTimeout(resolve, 300))
    other.exec('ROLLBACK')
    const done = await report
    expect(done.ok).toBe(true)
    expect(db.$client.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(2000)
  })

  it('while another process holds the write lock, writes, sign-ins and exports answer 503, never 500', async () => {
    const { app, db } = createTestApp(serverDatabase())
    const other = new Database(db.$client.name)
    cleanups.push(() => other.close())
    other.exec('BEGIN IMMEDIATE')

    await expectBusy(
      await app.request('/api/auth/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'while locked' }),
      }),
    )
    await expectBusy(await app.request('/api/export?format=csv'))
    await expectBusy(await app.request('/api/admin/backup'))
    const { report } = heldImport(db)
    const refused = await report.catch((error: unknown) => error)
    expect((refused as { code?: string }).code).toBe('SQLITE_BUSY')
    expect((await app.request('/api/health')).status).toBe(200)

    other.exec('ROLLBACK')
    const created = await app.request('/api/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'after' }),
    })
    expect(created.status).toBe(201)
  })
})
