import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../api/auth/passwords'
import { openServerDatabase, SERVER_TIMEOUTS, serveApp } from '../../api/server-app'
import { users } from '../../db/schema'
import { createBareApp } from '../helpers/app'
import { TEST_PASSWORD_COST, userWithToken } from '../helpers/auth'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const PASSWORD = 'the right password'

/** The real HTTP server on port 0 over a database file opened as the server opens it. */
async function startServer(timeouts = SERVER_TIMEOUTS) {
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-slow-upload-'))
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }))
  const uploads = join(directory, 'uploads')
  mkdirSync(uploads)
  const db = openServerDatabase(join(directory, 'live.db'))
  cleanups.push(() => db.$client.close())
  const { token } = userWithToken(db, 'admin')
  db.insert(users)
    .values({
      email: 'lead@test.example',
      role: 'talent_lead',
      passwordHash: await hashPassword(PASSWORD, TEST_PASSWORD_COST),
    })
    .run()
  const app = createBareApp(db, { uploadDirectory: uploads })
  let server: Server | null = null
  const port = await new Promise<number>((resolve) => {
    server = serveApp(
      app,
      { hostname: '127.0.0.1', port: 0 },
      (info) => resolve(info.port),
      timeouts,
    )
  })
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server!.closeAllConnections()
        server!.close(() => resolve())
      }),
  )
  return { server: server!, port, token, uploads, origin: `http://127.0.0.1:${port}` }
}

const applications = csv(
  APPLICATION_HEADER,
  Array.from({ length: 50 }, (_, index) =>
    applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
  ),
)
const BOUNDARY = 'slow-boundary'
const multipartBody = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="applications.csv"\r\nContent-Type: text/csv\r\n\r\n${applications}\r\n--${BOUNDARY}--\r\n`

/** A client that sends the request's headers and the first bytes of its body, then stalls. */
async function stalledUpload(port: number, token: string, contentType: string, body: string) {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const received: Buffer[] = []
  socket.on('data', (chunk: Buffer) => received.push(chunk))
  socket.on('error', () => undefined)
  socket.write(
    `POST /api/import?dry_run=1&filename=applications.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
  )
  // A byte at a time, as the slowest client would.
  for (const byte of Buffer.from(body.slice(0, 40))) {
    socket.write(Buffer.from([byte]))
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { socket, answer: () => Buffer.concat(received).toString('latin1') }
}

/** Waits, however long it takes, until the check holds. */
async function eventually(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('a slow upload on the real server', () => {
  for (const [encoding, contentType, body] of [
    ['text/csv', 'text/csv', applications],
    ['multipart', `multipart/form-data; boundary=${BOUNDARY}`, multipartBody],
  ] as const) {
    it(`(${encoding}, dry run) holds no lock: sign-ins, writes and imports answer meanwhile`, async () => {
      const { port, token, uploads, origin } = await startServer()
      const slow = await stalledUpload(port, token, contentType, body)
      await eventually(() => readdirSync(uploads).length === 1)

      const signIn = await fetch(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lead@test.example', password: PASSWORD }),
      })
      expect(signIn.status).toBe(200)
      const write = await fetch(`${origin}/api/auth/tokens`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'during a slow upload' }),
      })
      expect(write.status).toBe(201)
      const form = new FormData()
      form.append('files', new Blob([applications], { type: 'text/csv' }), 'applications.csv')
      const other = await fetch(`${origin}/api/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      })
      expect(other.status).toBe(200)
      expect(((await other.json()) as { written: boolean }).written).toBe(true)

      // The client goes away: its temporary file goes with it.
      slow.socket.destroy()
      await eventually(() => readdirSync(uploads).length === 0)
    })
  }

  it('sets the request, header and keep-alive timeouts explicitly', async () => {
    const { server } = await startServer()
    expect(server.requestTimeout).toBe(SERVER_TIMEOUTS.requestTimeout)
    expect(server.headersTimeout).toBe(SERVER_TIMEOUTS.headersTimeout)
    expect(server.keepAliveTimeout).toBe(SERVER_TIMEOUTS.keepAliveTimeout)
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThan(SERVER_TIMEOUTS.requestTimeout)
  })

  it('answers 408 to an upload that outlasts the request timeout, and removes its file', async () => {
    const { port, token, uploads } = await startServer({
      requestTimeout: 1500,
      headersTimeout: 1000,
      keepAliveTimeout: 1000,
      connectionsCheckingInterval: 100,
    })
    const slow = await stalledUpload(port, token, 'text/csv', applications)
    await once(slow.socket, 'close')
    expect(slow.answer()).toMatch(/^HTTP\/1\.1 408/)
    await eventually(() => readdirSync(uploads).length === 0)

    // Headers that never end are cut off too.
    const socket = connect(port, '127.0.0.1')
    socket.on('error', () => undefined)
    socket.write('POST /api/import HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    const received: Buffer[] = []
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    await once(socket, 'close')
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 408/)
  })
})
