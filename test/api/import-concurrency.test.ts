import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { createTestApp } from '../helpers/app'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'

const directories: string[] = []
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true })
})

/** A request body whose second half is sent only when `finish` is called. */
function heldBody(text: string) {
  const encoder = new TextEncoder()
  const half = Math.floor(text.length / 2)
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(text.slice(0, half)))
      await released
      controller.enqueue(encoder.encode(text.slice(half)))
      controller.close()
    },
  })
  return { body, finish: release }
}

describe('requests while an import is being written', () => {
  it('answers reads from the last committed data and refuses other writes with 503', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopscope-concurrency-'))
    directories.push(directory)
    const { app, db } = createTestApp(openDatabase(join(directory, 'live.db')))
    const rows = Array.from({ length: 3000 }, (_, index) =>
      applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
    )
    const { body, finish } = heldBody(csv(APPLICATION_HEADER, rows))
    const importing = app.request('/api/import?filename=applications.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit)
    // Let the import take the write lock and read the first half.
    await new Promise((resolve) => setTimeout(resolve, 300))

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
    const done = await importing
    expect(done.status).toBe(200)
    const after = await app.request('/api/analytics/validity')
    expect(((await after.json()) as { n_applications: number }).n_applications).toBe(3000)
    db.$client.close()
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
