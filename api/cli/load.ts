import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { DEMO_USERS } from '../auth/first-users'
import { ANALYTICS_ENDPOINTS } from './analytics-endpoints'

const ROOT = join(import.meta.dirname, '..', '..')
const USAGE =
  'usage: npm run load -- [--applications N] [--seconds S per phase] [--clients C] [--seed S]'
const SESSION_COOKIE = 'loopscope_session'
// Each phase's requests (and the import) end within this much after its reads stop.
const GRACE_MS = 25_000
const SIGN_IN_CONCURRENCY = 4
const MAX_ERROR_MESSAGES = 5
const FILTERS = ['', '?level=senior', '?level=junior', '?hire_type=direct']
const PATHS = FILTERS.flatMap((filter) =>
  ANALYTICS_ENDPOINTS.map((endpoint) => `/api/analytics/${endpoint}${filter}`),
)
const ENDPOINT_OF_PATH = FILTERS.flatMap(() => ANALYTICS_ENDPOINTS.map((_, k) => k))

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
  },
})
const applications = Number(values.applications)
const seconds = Number(values.seconds)
const clients = Number(values.clients)
if (!Number.isInteger(applications) || applications < 100 || applications > 1_000_000) {
  fail(`--applications must be a whole number from 100 to 1,000,000 (got "${values.applications}")`)
}
if (!Number.isFinite(seconds) || seconds < 1 || seconds > 55) {
  fail(`--seconds must be from 1 to 55 (got "${values.seconds}")`)
}
if (!Number.isInteger(clients) || clients < 1 || clients > 500) {
  fail(`--clients must be a whole number from 1 to 500 (got "${values.clients}")`)
}
if (!Number.isInteger(Number(values.seed)))
  fail(`--seed must be a whole number (got "${values.seed}")`)

interface Server {
  origin: string
  output: () => string
  stop: () => Promise<void>
  measure: <Result>(
    work: () => Promise<Result>,
  ) => Promise<{ result: Result; delay: { p99Ms: number; maxMs: number } }>
}

/** The real server on a free loopback port with a new database (demo data and users seeded). */
async function startServer(databasePath: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--import', 'tsx', join('api', 'cli', 'upload-bench-server.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  )
  // The server measures its own event-loop delay between "start" and "stop".
  const measure = async <Result>(work: () => Promise<Result>) => {
    child.send('start')
    const result = await work()
    const delay = new Promise<{ p99Ms: number; maxMs: number }>((resolve) => {
      child.once('message', (message) => {
        resolve(message as { p99Ms: number; maxMs: number })
      })
    })
    child.send('stop')
    return { result, delay: await delay }
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  // Kept short: only shown when something fails; the pipes are drained so the server never blocks.
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the server did not start within 120 s:\n${output}`))
      }, 120_000)
      const look = () => {
        const match = /Loopscope is serving (http:\/\/\S+)/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[1]!)
        }
      }
      child.stdout!.on('data', look)
      void exited.then((code) => {
        clearTimeout(timer)
        reject(new Error(`the server exited with ${code}:\n${output}`))
      })
    })
    if (new URL(origin).hostname !== '127.0.0.1') {
      throw new Error(`refusing to load ${origin}: only 127.0.0.1 is tested`)
    }
    return { origin, output: () => output, stop, measure }
  } catch (error) {
    await stop()
    throw error
  }
}

interface Session {
  cookie: string
  csrf: string
}

async function signIn(origin: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.text()
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status} ${body}`)
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`))
  if (!cookie) throw new Error(`sign-in as ${email} set no ${SESSION_COOKIE} cookie`)
  return { cookie, csrf: (JSON.parse(body) as { csrf_token: string }).csrf_token }
}

function demoUser(email: string) {
  const user = DEMO_USERS.find((candidate) => candidate.email === email)
  if (!user) throw new Error(`no demo user ${email}`)
  return user
}

/**
 * Each request's endpoint, latency and failure in growable typed arrays: no object per
 * request.
 */
class Samples {
  endpoints = new Uint8Array(65_536)
  latencies = new Float64Array(65_536)
  failed = new Uint8Array(65_536)
  size = 0

  add(endpoint: number, latency: number, failed: boolean) {
    if (this.size === this.latencies.length) {
      const grow = <Array extends Uint8Array | Float64Array>(old: Array, fresh: Array) => {
        fresh.set(old)
        return fresh
      }
      this.endpoints = grow(this.endpoints, new Uint8Array(this.size * 2))
      this.latencies = grow(this.latencies, new Float64Array(this.size * 2))
      this.failed = grow(this.failed, new Uint8Array(this.size * 2))
    }
    this.endpoints[this.size] = endpoint
    this.latencies[this.size] = latency
    this.failed[this.size] = failed ? 1 : 0
    this.size += 1
  }

  /** The sorted latencies and the failures of one endpoint's requests, or of all. */
  of(endpoint: number | null): { sorted: Float64Array; failures: number } {
    const picked = new Float64Array(this.size)
    let count = 0
    let failures = 0
    for (let index = 0; index < this.size; index += 1) {
      if (endpoint !== null && this.endpoints[index] !== endpoint) continue
      picked[count++] = this.latencies[index]!
      failures += this.failed[index]!
    }
    return { sorted: picked.subarray(0, count).sort(), failures }
  }
}

/** fetch wraps network errors as "fetch failed"; the cause names what happened. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  return cause === undefined ? error.message : `${error.message}: ${describe(cause)}`
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!

const format = (value: number, digits = 0) =>
  Number.isNaN(value)
    ? '–'
    : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })

interface ImportResult {
  ok: boolean
  ms: number
  rows: number
  ratings: number
  message: string
}

async function runImport(
  origin: string,
  token: string,
  dir: string,
  signal: AbortSignal,
): Promise<ImportResult> {
  const form = new FormData()
  for (const name of ['applications.csv', 'scores.csv']) {
    form.append(name, await openAsBlob(join(dir, name), { type: 'text/csv' }), name)
  }
  const started = performance.now()
  try {
    const response = await fetch(`${origin}/api/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
      signal,
    })
    const body = await response.text()
    const ms = performance.now() - started
    if (response.status !== 200) {
      return { ok: false, ms, rows: 0, ratings: 0, message: `${response.status} ${body}` }
    }
    const report = JSON.parse(body) as {
      written: boolean
      files: { kind: string | null; rows: number }[]
    }
    return {
      ok: report.written,
      ms,
      rows: report.files.reduce((total, file) => total + file.rows, 0),
      ratings: report.files.find((file) => file.kind === 'scores')?.rows ?? 0,
      message: report.written ? '' : `200 but written is false: ${body.slice(0, 500)}`,
    }
  } catch (error) {
    return {
      ok: false,
      ms: performance.now() - started,
      rows: 0,
      ratings: 0,
      message: describe(error),
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'loopscope-load-'))
const starting = startServer(join(work, 'load.db'))
try {
  const generating = promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      join('api', 'cli', 'gen.ts'),
      '--applications',
      String(applications),
      '--seed',
      values.seed,
      '--out',
      work,
    ],
    { cwd: ROOT },
  )
  const [server] = await Promise.all([starting, generating])
  const { origin } = server

  const lead = demoUser('lead@demo.test')
  const signInStart = performance.now()
  const sessions: Session[] = []
  let signIns = 0
  await Promise.all(
    Array.from({ length: SIGN_IN_CONCURRENCY }, async () => {
      while (signIns < clients) {
        signIns += 1
        sessions.push(await signIn(origin, lead.email, lead.password))
      }
    }),
  )
  const signInMs = performance.now() - signInStart

  const admin = demoUser('admin@demo.test')
  const adminSession = await signIn(origin, admin.email, admin.password)
  const tokenResponse = await fetch(`${origin}/api/auth/tokens`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: adminSession.cookie,
      'x-csrf-token': adminSession.csrf,
    },
    body: JSON.stringify({ name: 'load' }),
  })
  const tokenBody = await tokenResponse.text()
  if (tokenResponse.status !== 201) {
    throw new Error(`creating an API token: ${tokenResponse.status} ${tokenBody}`)
  }
  const { token } = JSON.parse(tokenBody) as { token: string }

  const errors: string[] = []
  /** Every client reads the analytics URLs in turn for the phase's seconds. */
  const readPhase = async (signal: () => AbortSignal) => {
    const samples = new Samples()
    const end = performance.now() + seconds * 1000
    const reader = async (session: Session, first: number) => {
      const headers = { cookie: session.cookie }
      for (let turn = first; performance.now() < end; turn += 1) {
        const path = PATHS[turn % PATHS.length]!
        const start = performance.now()
        let error: string | null = null
        try {
          const response = await fetch(`${origin}${path}`, { headers, signal: signal() })
          // A figure withheld by disclosure control (403, with its reason) is an answer too.
          if (response.status === 200 || response.status === 403) await response.arrayBuffer()
          else error = `${response.status} ${(await response.text()).slice(0, 300)}`
        } catch (thrown) {
          error = describe(thrown)
        }
        samples.add(
          ENDPOINT_OF_PATH[turn % PATHS.length]!,
          performance.now() - start,
          error !== null,
        )
        if (error !== null && errors.length < MAX_ERROR_MESSAGES) errors.push(`${path}: ${error}`)
      }
    }
    await Promise.all(sessions.map((session, index) => reader(session, index)))
    return samples
  }
  const cappedAt = (deadline: number) => () =>
    AbortSignal.timeout(Math.max(1, Math.ceil(deadline - performance.now())))

  const quiet = await server.measure(() =>
    readPhase(cappedAt(performance.now() + seconds * 1000 + GRACE_MS)),
  )
  let importEnd = Infinity
  const loadedDeadline = performance.now() + seconds * 1000 + GRACE_MS
  const loaded = await server.measure(async () => {
    const importing = runImport(origin, token, work, cappedAt(loadedDeadline)()).then((result) => {
      importEnd = performance.now()
      return result
    })
    const samples = await readPhase(cappedAt(loadedDeadline))
    const readsDone = performance.now()
    return { samples, imported: await importing, readsDone }
  })
  const { imported } = loaded.result

  console.log(
    `\nLoopscope load test, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, over loopback: ${clients} talent-lead sessions read ${PATHS.length} analytics URLs (${ANALYTICS_ENDPOINTS.length} endpoints, ${FILTERS.length} filters each) in turn, ${seconds} s without an import, then ${seconds} s while an admin imports ${format(applications)} generated applications (sign-ins before: ${format(signInMs / 1000, 1)} s, ${SIGN_IN_CONCURRENCY} at a time)\n`,
  )
  console.log('| endpoint | import | requests | errors | p50 ms | p99 ms | max ms |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  let failures = 0
  const phases = [
    ['no', quiet.result],
    ['yes', loaded.result.samples],
  ] as const
  for (const [endpoint, name] of [
    ...ANALYTICS_ENDPOINTS.map((name, k) => [k, name] as const),
    [null, 'all'] as const,
  ]) {
    for (const [importing, samples] of phases) {
      const phase = samples.of(endpoint)
      if (endpoint === null) failures += phase.failures
      const ms = (p: number) => format(percentile(phase.sorted, p), 1)
      console.log(
        `| ${name} | ${importing} | ${format(phase.sorted.length)} | ${format(phase.failures)} | ${ms(50)} | ${ms(99)} | ${ms(100)} |`,
      )
    }
  }
  console.log('\n| server event-loop delay | p99 ms | max ms |')
  console.log('| --- | ---: | ---: |')
  for (const [name, { delay }] of [
    ['without an import', quiet],
    ['during the import', loaded],
  ] as const) {
    console.log(`| ${name} | ${format(delay.p99Ms, 1)} | ${format(delay.maxMs, 1)} |`)
  }
  console.log(
    `\nImport: ${imported.ok ? 'written' : 'FAILED'}, ${format(imported.rows)} rows (${format(imported.ratings)} ratings) in ${format(imported.ms)} ms, ${format((imported.rows / imported.ms) * 1000)} rows/s${importEnd > loaded.result.readsDone ? '; still running when the reads stopped' : ''}`,
  )
  console.log(
    'Targets: p99 ≤ 100 ms and max ≤ 500 ms for every endpoint, with and without an import; event-loop delay p99 ≤ 20 ms.',
  )
  if (!imported.ok) console.log(`Import error: ${imported.message}`)
  if (failures > 0) {
    console.log(`\n${failures} failed request${failures === 1 ? '' : 's'}; the first:`)
    for (const message of errors) console.log(`  ${message}`)
  }
  if (failures > 0 || !imported.ok) {
    console.log(
      `\nServer output, last lines:\n${server.output().split('\n').slice(-30).join('\n')}`,
    )
    process.exitCode = 1
  }
} finally {
  // A server that failed to start has stopped itself.
  await starting.then(
    (server) => server.stop(),
    () => undefined,
  )
  rmSync(work, { recursive: true, force: true })
}
