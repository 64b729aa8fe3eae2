import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../api/auth/passwords'
import { importFiles } from '../../api/import/import-files'
import { openServerDatabase } from '../../api/server-app'
import { users } from '../../db/schema'
import { createTestApp } from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function temporaryFolder(): string {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-concurrency-'))
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
  return directory
}

/** The app on a database file opened as the server opens it, uploads written to a folder of its own. */
function liveApp() {
  const directory = temporaryFolder()
  const db = openServerDatabase(join(directory, 'live.db'))
  cleanups.push(() => db.$client.close())
  const { app } = createTestApp(db, { uploadDirectory: directory })
  return { app, db, directory }
}

const rowsText = (count: number) =>
  csv(
    APPLICATION_HEADER,
    Array.from({ length: count }, (_, index) =>
      applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
    ),
  )

/** A request body whose second half is sent only when `finish` is called. */
function heldBody(text: string) {
  const encoder = new TextEncoder()
  const half = Math.floor(text.length / 2)
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  let sentFirstHalf: () => void = () => undefined
  const firstHalfSent = new Promise<void>((resolve) => (sentFirstHalf = resolve))
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(text.slice(0, half)))
      sentFirstHalf()
      await released
      controller.enqueue(encoder.encode(text.slice(half)))
      controller.close()
    },
  })
  return { body, finish: release, firstHalfSent }
}

const uploadsIn = (directory: string) =>
  readdirSync(directory).filter((name) => name.startsWith('loopscope-upload-'))

describe('an upload that is still arriving', () => {
  for (const dryRun of [false, true]) {
    it(`holds no lock${dryRun ? ' (dry run)' : ''}: sign-ins, writes and another import go on`, async () => {
      const { app, db, directory } = liveApp()
      db.insert(users)
        .values({
          email: 'lead@test.example',
          role: 'talent_lead',
          passwordHash: await hashPassword('the right password', TEST_PASSWORD_COST),
        })
        .run()
      const { body, finish, firstHalfSent } = heldBody(rowsText(3000))
      const slow = app.request(`/api/import?filename=applications.csv&dry_run=${dryRun ? 1 : 0}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
        duplex: 'half',
      } as RequestInit)
      await firstHalfSent
      // The upload is being written to its temporary file.
      while (uploadsIn(directory).length === 0)
        await new Promise((resolve) => setImmediate(resolve))

      const signIn = await app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lead@test.example', password: 'the right password' }),
      })
      expect(signIn.status).toBe(200)
      const write = await app.request('/api/auth/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'during the upload' }),
      })
      expect(write.status).toBe(201)
      const other = await app.request('/api/import?filename=other.csv', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv(APPLICATION_HEADER, [applicationRow({ application_id: 'OTHER-1' })]),
      })
      expect(other.status).toBe(200)

      finish()
      const done = await slow
      expect(done.status).toBe(200)
      const report = (await done.json()) as { written: boolean; files: { rows: number }[] }
      expect(report.written).toBe(!dryRun)
      expect(report.files[0]!.rows).toBe(3000)
      // Its temporary file is gone once the import has answered.
      expect(uploadsIn(directory)).toEqual([])
    })
  }
})

describe('an import being written', () => {
  it('leaves reads answering from the last commit and refuses other writes with 503', async () => {
    const { app, db } = liveApp()
    const { body, finish } = heldBody(rowsText(3000))
    const importing = importFiles(
      db,
      [{ name: 'applications.csv', stream: Readable.fromWeb(body as never) }],
      { dryRun: false },
    )
    // Until the import holds the write lock, it is still reading its first half.
    while (
      (
        await app.request('/api/auth/tokens', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'probe' }),
        })
      ).status === 201
    );

    const read = await app.request('/api/analytics/validity')
    expect(read.status).toBe(200)
    expect(((await read.json()) as { n_applications: number }).n_applications).toBe(0)
    const write = await app.request('/api/auth/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'during the import' }),
    })
    expect(write.status).toBe(503)
    expect(write.headers.get('retry-after')).toBe('5')
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('busy')

    finish()
    expect((await importing).ok).toBe(true)
    const after = await app.request('/api/analytics/validity')
    expect(((await after.json()) as { n_applications: number }).n_applications).toBe(3000)
  })

  it('refuses an upload that declares more than 512 MB before reading it', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(513 * 1024 * 1024) },
      body: 'application_id\n',
    })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    )
  })
})
