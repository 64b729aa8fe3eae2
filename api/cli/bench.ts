import { execFileSync } from 'node:child_process'
import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { openDatabase } from '../../db/client'
import { openPostgresStore, sqliteStore, type Store } from '../../db/store'
import { AnalysesService } from '../analyses/service'
import { createApp } from '../app'
import { createApiToken, createUser } from '../auth/accounts'
import { generatePassword, PasswordChecker } from '../auth/passwords'
import { readEnv } from '../env'
import { importInto } from '../import/import-files'
import { ANALYTICS_ENDPOINTS } from './analytics-endpoints'

const ROOT = join(import.meta.dirname, '..', '..')
// The three the response-time target is set for: validity, model and curves together.
const TARGET_ENDPOINTS = ['validity', 'model', 'retention']
const AS_OF = '2026-11-24'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    keep: { type: 'boolean', default: false },
  },
})
const sizes = values.sizes.split(',').map(Number)
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
  console.error('--sizes takes whole numbers of applications ≥ 100, comma separated')
  process.exit(2)
}

// With DATABASE_URL, the same on PostgreSQL: a new database per size on that server (the role
// may create databases), dropped afterwards unless --keep.
const serverUrl = readEnv().DATABASE_URL

/** A new, empty database on DATABASE_URL's server, and its address. */
async function createPostgresDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl!)
  url.pathname = `/${name}`
  return url.toString()
}

async function dropPostgresDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}

interface Row {
  applications: number
  step: string
  rows: number | null
  ms: number
}
const results: Row[] = []
const work = mkdtempSync(join(tmpdir(), 'loopscope-bench-'))
const format = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 0 })

for (const size of sizes) {
  const dir = join(work, String(size))
  let started = performance.now()
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [
      join(ROOT, 'api', 'cli', 'gen.ts'),
      '--applications',
      String(size),
      '--seed',
      '1',
      '--until',
      AS_OF,
      '--out',
      dir,
    ],
    { stdio: 'ignore' },
  )
  results.push({
    applications: size,
    step: 'generate CSV (npm run gen)',
    rows: null,
    ms: performance.now() - started,
  })

  const postgresName = `loopscope_bench_${size}`
  const postgresUrl = serverUrl && (await createPostgresDatabase(postgresName))
  const postgres = postgresUrl ? await openPostgresStore(postgresUrl) : undefined
  const db = postgres ? undefined : openDatabase(join(dir, 'bench.db'))
  const store: Store = postgres?.store ?? sqliteStore(db!)
  const into = postgresUrl ? { postgres: postgresUrl } : db!
  const database = { ...(db ? { db } : {}), ...(postgresUrl ? { postgresUrl } : {}), store }
  started = performance.now()
  const report = await importInto(
    into,
    ['applications.csv', 'scores.csv'].map((name) => ({
      name,
      stream: createReadStream(join(dir, name)),
    })),
    { dryRun: false },
  )
  const importMs = performance.now() - started
  if (!report.ok) throw new Error(`import failed: ${JSON.stringify(report.problems[0])}`)
  const ratings = report.files.find((file) => file.kind === 'scores')?.rows ?? 0
  const allRows = report.files.reduce((total, file) => total + file.rows, 0)
  results.push({ applications: size, step: 'import, all rows', rows: allRows, ms: importMs })
  results.push({ applications: size, step: 'import, rating rows', rows: ratings, ms: importMs })

  // A fresh server on the database: it reads the dataset snapshot as it starts, then each
  // endpoint's first request computes from it with nothing cached.
  const today = () => AS_OF
  started = performance.now()
  const analyses = new AnalysesService({ ...database, today })
  await analyses.ready
  results.push({
    applications: size,
    step: postgres
      ? 'server start: dataset read from the tables, disclosure cells counted'
      : 'server start: dataset read from its snapshot, disclosure cells counted',
    rows: null,
    ms: performance.now() - started,
  })
  const app = createApp({ ...database, today, analyses })
  // Timed as a script would call it: with a talent lead's API token.
  const lead = await createUser(
    store,
    new PasswordChecker(),
    { email: 'bench@localhost', role: 'talent_lead', password: generatePassword() },
    { command: 'bench' },
  )
  const headers = {
    authorization: `Bearer ${(await createApiToken(store, lead, 'bench', { command: 'bench' }, new Date())).token}`,
  }
  const timing = { cold: 0, warm: 0 }
  for (const endpoint of ANALYTICS_ENDPOINTS) {
    for (const round of ['cold', 'warm'] as const) {
      started = performance.now()
      const response = await app.request(`/api/analytics/${endpoint}`, { headers })
      await response.text()
      const ms = performance.now() - started
      if (response.status !== 200) throw new Error(`${endpoint} answered ${response.status}`)
      results.push({ applications: size, step: `${endpoint} (${round})`, rows: null, ms })
      if (TARGET_ENDPOINTS.includes(endpoint)) timing[round] += ms
    }
  }
  results.push({
    applications: size,
    step: 'validity + model + retention (cold)',
    rows: null,
    ms: timing.cold,
  })
  results.push({
    applications: size,
    step: 'validity + model + retention (warm)',
    rows: null,
    ms: timing.warm,
  })
  await analyses.close()
  db?.$client.close()
  await postgres?.close()
  if (postgres && !values.keep) await dropPostgresDatabase(postgresName)
}
if (!values.keep) rmSync(work, { recursive: true, force: true })

console.log(
  `\nLoopscope benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${serverUrl ? 'PostgreSQL' : 'SQLite'}\n`,
)
console.log('| applications | step | rows | ms | rows/s |')
console.log('| ---: | --- | ---: | ---: | ---: |')
for (const row of results) {
  const rate = row.rows === null ? '' : format((row.rows / row.ms) * 1000)
  console.log(
    `| ${format(row.applications)} | ${row.step} | ${row.rows === null ? '' : format(row.rows)} | ${format(row.ms)} | ${rate} |`,
  )
}
console.log(
  '\nTargets: import ≥ 150,000 rating rows/s; every endpoint at 100,000 applications ≤ 500 ms cold; validity + model + retention ≤ 500 ms cold, ≤ 50 ms warm.',
)
console.log(
  'Cold: the first request after the server started on the imported database (its dataset read and the cells disclosure control counts built at start, no report computed or cached); warm: the same request again.',
)
