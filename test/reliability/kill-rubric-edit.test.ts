import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client'
import { LEVELS } from '../../db/domain'
import { DATA_VERSION_KEY, readMeta } from '../../db/meta'
import { RUST_AREAS, WEIGHTS_A, WEIGHTS_B, rustWeights } from './rubric-weight-sets'

/**
 * `kill -9` of a process replacing the rubric weights over and over: after each crash the
 * database opens cleanly and holds one whole weight set, with exactly one audit entry per
 * committed edit.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const KILLS = 3
const EDITS_BEFORE_KILL = 3

let directory: string
let databasePath: string
let running: Running | undefined

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopscope-kill-rubric-'))
  databasePath = join(directory, 'rubric.db')
})

afterEach(() => {
  if (running?.child.exitCode === null && running.child.signalCode === null) {
    running.child.kill('SIGKILL')
  }
  running = undefined
})

afterAll(() => {
  rmSync(directory, { recursive: true, force: true })
})

interface Running {
  child: ChildProcess
  output: () => string
  /** How many edits the process reported committed. */
  edits: () => number
  /** Resolves once the process has exited and all its output is read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function startEditing(): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/reliability/rubric-edit-loop.ts', databasePath],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  )
  const edits = () => Number([...output.matchAll(/^edited (\d+)$/gm)].at(-1)?.[1] ?? 0)
  return { child, output: () => output, edits, closed }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitForEdits(editing: Running, count: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (editing.edits() < count) {
    if (editing.child.exitCode !== null) {
      throw new Error(`The editing process ended early:\n${editing.output()}`)
    }
    if (Date.now() > deadline) throw new Error(`No ${count} edits in time:\n${editing.output()}`)
    await sleep(2)
  }
}

/** Reopens the database after the crash and checks it is sound. */
function reopen(): Db {
  const db = openDatabase(databasePath)
  expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.$client.pragma('foreign_key_check')).toEqual([])
  return db
}

function auditedWeights(db: Db): unknown[] {
  const rows = db.$client
    .prepare("SELECT details FROM audit_log WHERE action = 'rubric_update' ORDER BY id")
    .pluck()
    .all() as string[]
  return rows.map((details) => (JSON.parse(details) as { weights: unknown }).weights)
}

const dataVersion = (db: Db) => Number(readMeta(db, DATA_VERSION_KEY) ?? 0)

describe('kill -9 during a rubric edit', () => {
  it('leaves one whole weight set, audited with the edit that wrote it', async () => {
    const fresh = openDatabase(databasePath)
    const initialVersion = dataVersion(fresh)
    const seeded = await rustWeights(fresh)
    fresh.$client.close()
    expect(Object.keys(seeded)).toEqual([...LEVELS])
    for (const level of LEVELS)
      expect(Object.keys(seeded[level]!).sort()).toEqual([...RUST_AREAS].sort())
    expect(seeded).not.toEqual(WEIGHTS_A)
    expect(seeded).not.toEqual(WEIGHTS_B)

    let audited = 0
    for (let kill = 1; kill <= KILLS; kill++) {
      running = startEditing()
      await waitForEdits(running, EDITS_BEFORE_KILL)
      // Somewhere in the next few dozen edits, at any point of one.
      await sleep(Math.random() * 100)
      expect(running.child.exitCode, running.output()).toBeNull()
      running.child.kill('SIGKILL')
      expect(await running.closed).toEqual({ code: null, signal: 'SIGKILL' })
      const reported = running.edits()

      const db = reopen()
      try {
        const weights = auditedWeights(db)
        // Committed edits are the reported ones, plus at most one killed before its line.
        const committed = weights.length - audited
        expect(committed, `kill ${kill}`).toBeGreaterThanOrEqual(reported)
        expect(committed, `kill ${kill}`).toBeLessThanOrEqual(reported + 1)
        audited = weights.length

        // Each run starts with the set not stored, so the entries alternate from the first.
        weights.forEach((entry, index) => {
          expect(entry, `audit entry ${index}`).toEqual(index % 2 === 0 ? WEIGHTS_A : WEIGHTS_B)
        })
        // The stored set is the last audited one: the change and its entry commit together.
        expect(await rustWeights(db)).toEqual(weights.at(-1))
        expect(dataVersion(db) - initialVersion).toBe(weights.length)
      } finally {
        db.$client.close()
      }
    }
  }, 120_000)
})
