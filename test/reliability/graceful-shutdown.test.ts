import { Agent, get, type IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client'
import { apiToken, ServerProcesses, type ServerProcess } from '../helpers/server-process'

/**
 * SIGTERM to the real server: it stops accepting connections, lets the request in flight (a
 * slow import) finish and commit, closes idle keep-alive connections, then exits 0.
 */

const TEST_TIMEOUT = 90_000
/** Far longer than a stop takes; short of the grace period, so waiting it out fails. */
const EXIT_WITHIN_MS = 15_000
const GRACE_SECONDS = 30

const IMPORT_ROWS = 300
const CHUNKS = 30
const CHUNK_DELAY_MS = 20

const servers = new ServerProcesses()

afterEach(() => servers.stop())

/** The real server on a free port with a new, demo-free database. */
const startServer = () =>
  servers.start(undefined, { SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) })

/** Resolves with how the server exited, or rejects if it still runs after `ms`. */
function exitWithin(
  server: ServerProcess,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The server was still running ${ms} ms after SIGTERM:\n${server.output()}`))
    }, ms)
    void server.exited.then((exit) => {
      clearTimeout(timer)
      resolve(exit)
    })
  })
}

/**
 * A GET through the agent, or else on a connection of its own; resolves with the status or the
 * connection error's code.
 */
function httpGet(url: string, agent?: Agent): Promise<number | string> {
  return new Promise((resolve) => {
    get(url, { agent: agent ?? false }, (response: IncomingMessage) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A promise and the function that resolves it. */
function signal(): { done: Promise<void>; mark: () => void } {
  let mark!: () => void
  const done = new Promise<void>((resolve) => (mark = resolve))
  return { done, mark }
}

function applicationsCsv(): string[] {
  const lines = ['application_id,candidate_id,requisition_id,level,applied_at,decision\n']
  for (let row = 1; row <= IMPORT_ROWS; row++) {
    lines.push(`APP-${row},CAND-${row},REQ-${(row % 7) + 1},senior,2024-01-10,rejected\n`)
  }
  return lines
}

/**
 * The CSV in CHUNKS pieces, one every CHUNK_DELAY_MS; after half of them it waits for
 * `resume`. `halfSent` resolves when it starts waiting.
 */
function slowBody(resume: Promise<void>): {
  body: ReadableStream<Uint8Array>
  halfSent: Promise<void>
} {
  const lines = applicationsCsv()
  // Every chunk holds at least one line: an empty one would end a chunked body early.
  const bound = (index: number) => Math.floor((index * lines.length) / CHUNKS)
  const chunks = Array.from({ length: CHUNKS }, (_, index) =>
    new TextEncoder().encode(lines.slice(bound(index), bound(index + 1)).join('')),
  )
  const halfSent = signal()
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === CHUNKS / 2) {
        halfSent.mark()
        await resume
      }
      await sleep(CHUNK_DELAY_MS)
      const chunk = chunks[sent++]
      if (chunk) controller.enqueue(chunk)
      if (sent === CHUNKS) controller.close()
    },
  })
  return { body, halfSent: halfSent.done }
}

describe('graceful shutdown on SIGTERM', () => {
  it(
    'finishes and commits an import in flight, refuses new connections, then exits 0',
    async () => {
      const server = await startServer()
      const token = await apiToken(server)

      const resume = signal()
      const { body, halfSent } = slowBody(resume.done)
      // Node's fetch needs duplex for a streamed body; the DOM types do not know it yet.
      const init: RequestInit & { duplex: 'half' } = {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
        body,
        duplex: 'half',
      }
      const importing = fetch(`${server.url}/api/import?filename=applications.csv`, init)
      await halfSent
      expect(server.child.exitCode).toBeNull()

      const stopping = exitWithin(server, EXIT_WITHIN_MS)
      server.child.kill('SIGTERM')
      await expect
        .poll(server.output, { timeout: 10_000 })
        .toMatch(/SIGTERM: finishing requests in flight/)
      // Reset: a connection that raced into the backlog as the listening socket closed.
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(await httpGet(`${server.url}/api/health`))
      expect(server.child.exitCode, 'the server left with a request in flight').toBeNull()

      resume.mark()
      const response = await importing
      const report = (await response.json()) as { written?: boolean }
      expect(response.status, JSON.stringify(report)).toBe(200)
      expect(report.written).toBe(true)

      expect(await stopping, server.output()).toEqual({ code: 0, signal: null })

      const db = openDatabase(server.databasePath)
      try {
        expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(db.$client.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(
          IMPORT_ROWS,
        )
        expect(
          db.$client.prepare("SELECT target FROM audit_log WHERE action = 'import'").pluck().all(),
        ).toEqual(['applications.csv'])
      } finally {
        db.$client.close()
      }
    },
    TEST_TIMEOUT,
  )

  it(
    'exits 0 promptly with nothing in flight',
    async () => {
      const server = await startServer()
      const stopping = exitWithin(server, EXIT_WITHIN_MS)
      server.child.kill('SIGTERM')
      expect(await stopping, server.output()).toEqual({ code: 0, signal: null })
    },
    TEST_TIMEOUT,
  )

  it(
    'closes an idle keep-alive connection instead of waiting for it',
    async () => {
      const server = await startServer()
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      try {
        expect(await httpGet(`${server.url}/api/health`, agent)).toBe(200)
        await sleep(50)
        const idle = Object.values(agent.freeSockets).flat()
        expect(idle).toHaveLength(1)
        const stopping = exitWithin(server, EXIT_WITHIN_MS)
        const closed = new Promise<number>((resolve) =>
          idle[0]!.once('close', () => resolve(Date.now())),
        )
        const signalled = Date.now()
        server.child.kill('SIGTERM')
        // Node drops an idle keep-alive connection after 5 s by itself: the server did it first.
        expect((await closed) - signalled).toBeLessThan(5_000)
        expect(await stopping, server.output()).toEqual({ code: 0, signal: null })
      } finally {
        agent.destroy()
      }
    },
    TEST_TIMEOUT,
  )
})
