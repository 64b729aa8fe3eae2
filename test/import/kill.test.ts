import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client'
import { importFiles, type ImportReport } from '../../api/import/import-files'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { snapshot } from '../helpers/database'

/**
 * `kill -9` of `npm run import` in the middle of a large import: SQLite's journal must leave
 * the database as it was before the import, and usable.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const GENERATED_APPLICATIONS = 20_000

let directory: string
let applicationsPath: string
let scoresPath: string

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopscope-kill-'))
  const out = join(directory, 'generated')
  execFileSync(
    TSX,
    [
      'api/cli/gen.ts',
      '--applications',
      String(GENERATED_APPLICATIONS),
      '--seed',
      '11',
      '--until',
      '2025-06-30',
      '--out',
      out,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  )
  applicationsPath = join(out, 'applications.csv')
  scoresPath = join(out, 'scores.csv')
}, 60_000)

afterAll(() => {
  rmSync(directory, { recursive: true, force: true })
})

// Ids the generator never uses (it writes APP-000001, CAND-000001, REQ-0001, ...).
const KNOWN_APPLICATIONS = [
  applicationRow({ application_id: 'KNOWN-1', candidate_id: 'KCAND-1', requisition_id: 'KREQ-1' }),
  applicationRow({
    application_id: 'KNOWN-2',
    candidate_id: 'KCAND-2',
    candidate_name: 'Alan Turing',
    requisition_id: 'KREQ-1',
    decision: 'hired',
    offer_salary: 150000,
    offer_accepted_at: '2024-02-01',
    start_date: '2024-03-01',
  }),
  applicationRow({
    application_id: 'KNOWN-3',
    candidate_id: 'KCAND-3',
    candidate_name: 'Grace Hopper',
    requisition_id: 'KREQ-1',
    decision: 'withdrew',
  }),
]
const KNOWN_SCORES = KNOWN_APPLICATIONS.flatMap((application) =>
  ['ownership', 'judgment'].map((area, index) =>
    scoreRow({ application_id: application.application_id!, area, rating: index + 2 }),
  ),
)

function importTextsInto(db: Db, files: Record<string, string>): Promise<ImportReport> {
  return importFiles(
    db,
    Object.entries(files).map(([name, text]) => ({ name, stream: Readable.from([text]) })),
    { dryRun: false },
  )
}

const count = (db: Db, sql: string): number => db.$client.prepare(sql).pluck().get() as number

/** A database file holding the known rows only; returns every row of it. */
async function knownDatabase(path: string): Promise<ReturnType<typeof snapshot>> {
  const db = openDatabase(path)
  try {
    const report = await importTextsInto(db, {
      'known-applications.csv': csv(APPLICATION_HEADER, KNOWN_APPLICATIONS),
      'known-scores.csv': csv(SCORE_HEADER, KNOWN_SCORES),
    })
    expect(report.problems).toEqual([])
    expect(report.written).toBe(true)
    expect(count(db, 'SELECT count(*) FROM applications')).toBe(KNOWN_APPLICATIONS.length)
    return snapshot(db)
  } finally {
    db.$client.close()
  }
}

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** `npm run import` of the generated files into the database, as a process of its own. */
function startImport(databasePath: string): Running {
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=16',
      '--import',
      'tsx',
      'api/cli/import.ts',
      applicationsPath,
      scoresPath,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  return { child, output: () => output, exited }
}

/**
 * How far a process has read into a file it has open, from Linux's /proc; null where there is
 * no /proc or the file is not open (yet, or any more).
 */
function readOffset(pid: number, file: string): number | null {
  const target = realpathSync(file)
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== target) continue
        const info = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8')
        return Number(/^pos:\s*(\d+)/m.exec(info)?.[1] ?? NaN)
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  } catch {
    // No /proc, or the process is gone.
  }
  return null
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polls until `ready` holds (true) or the import has ended (false); fails if that takes too
 * long.
 */
async function waitUntil(running: Running, ready: () => boolean, what: string): Promise<boolean> {
  const state = { ended: false }
  void running.exited.then(() => (state.ended = true))
  const deadline = Date.now() + 60_000
  while (!ready()) {
    if (state.ended) return false
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`)
    await sleep(2)
  }
  return true
}

async function kill(running: Running): Promise<void> {
  expect(running.child.exitCode).toBeNull()
  running.child.kill('SIGKILL')
  expect(await running.exited).toEqual({ code: null, signal: 'SIGKILL' })
}

/** Reopens the database after the crash and checks it is sound. */
function reopen(path: string): Db {
  const db = openDatabase(path)
  expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.$client.pragma('foreign_key_check')).toEqual([])
  return db
}

const GENERATED_ROWS = "SELECT count(*) FROM applications WHERE id LIKE 'APP-%'"

describe('kill -9 during a large import', () => {
  it('while rows are being written: the database is as it was, and imports still work', async () => {
    const path = join(directory, 'rows.db')
    const before = await knownDatabase(path)
    const scoresSize = statSync(scoresPath).size
    const started = Date.now()
    const running = startImport(path)
    // Kill once a good part of scores.csv is read: every application and many ratings have
    // been written inside the open transaction. Without /proc, after a while.
    const linux = existsSync(`/proc/${process.pid}/fdinfo`)
    const reached = await waitUntil(
      running,
      () =>
        linux
          ? (readOffset(running.child.pid!, scoresPath) ?? 0) > scoresSize * 0.3
          : Date.now() - started > 2500,
      'a third of scores.csv was read',
    )
    expect(reached, `the import ended before it could be killed:\n${running.output()}`).toBe(true)
    expect(existsSync(`${path}-wal`)).toBe(true)
    await kill(running)

    const db = reopen(path)
    try {
      expect(snapshot(db)).toEqual(before)
      expect(count(db, GENERATED_ROWS)).toBe(0)
      expect(count(db, 'SELECT count(*) FROM scores')).toBe(KNOWN_SCORES.length)

      const after = await importTextsInto(db, {
        'applications.csv': csv(APPLICATION_HEADER, [
          applicationRow({
            application_id: 'AFTER-1',
            candidate_id: 'KCAND-9',
            candidate_name: 'Edsger Dijkstra',
            requisition_id: 'KREQ-1',
          }),
        ]),
        'scores.csv': csv(SCORE_HEADER, [scoreRow({ application_id: 'AFTER-1' })]),
      })
      expect(after.problems).toEqual([])
      expect(after.written).toBe(true)
      expect(count(db, 'SELECT count(*) FROM applications')).toBe(KNOWN_APPLICATIONS.length + 1)
    } finally {
      db.$client.close()
    }

    // The same large import, left to finish this time.
    const again = startImport(path)
    expect(await again.exited, again.output()).toEqual({ code: 0, signal: null })
    const done = reopen(path)
    try {
      expect(count(done, GENERATED_ROWS)).toBe(GENERATED_APPLICATIONS)
      expect(count(done, "SELECT count(*) FROM applications WHERE id LIKE 'KNOWN-%'")).toBe(
        KNOWN_APPLICATIONS.length,
      )
    } finally {
      done.$client.close()
    }
  }, 120_000)

  it('as the commit starts writing the WAL: all of the import or none of it', async () => {
    const path = join(directory, 'commit.db')
    const before = await knownDatabase(path)
    const running = startImport(path)
    // The rows stay in SQLite's page cache (64 MB) until the commit writes them to the WAL,
    // in a few hundred milliseconds. On a starved machine the import may finish between two
    // looks at the WAL: then it must simply have committed everything.
    const wal = `${path}-wal`
    const opened = await waitUntil(running, () => existsSync(wal), 'the WAL was opened')
    const initial = fileSize(wal)
    const grew =
      opened && (await waitUntil(running, () => fileSize(wal) > initial + 1_000_000, 'it grew'))
    if (grew) await kill(running)
    else expect(await running.exited, running.output()).toEqual({ code: 0, signal: null })

    const db = reopen(path)
    try {
      const generated = count(db, GENERATED_ROWS)
      expect([0, GENERATED_APPLICATIONS]).toContain(generated)
      if (!grew) expect(generated).toBe(GENERATED_APPLICATIONS)
      if (generated === 0) {
        expect(snapshot(db)).toEqual(before)
      } else {
        expect(count(db, 'SELECT count(*) FROM applications')).toBe(
          KNOWN_APPLICATIONS.length + GENERATED_APPLICATIONS,
        )
      }
      const known = snapshot(db)
      for (const table of ['candidates', 'requisitions'] as const) {
        expect(known[table]).toEqual(expect.arrayContaining(before[table]!))
      }
    } finally {
      db.$client.close()
    }
  }, 120_000)
})
