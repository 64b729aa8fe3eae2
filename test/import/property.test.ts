import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { ImportReport } from '../../api/import/import-files'
import { createTestDatabase, importTexts, snapshot } from '../helpers/database'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'

/**
 * Property: whatever is done to a valid pair of canonical files, the importer answers with a
 * report (it never throws), and a refused import leaves the database exactly as it was.
 */

// Fixed for reproducibility; IMPORT_PROPERTY_SEED and IMPORT_PROPERTY_RUNS explore further.
const SEED = Number(process.env.IMPORT_PROPERTY_SEED ?? 20_240_611)
const RUNS = Number(process.env.IMPORT_PROPERTY_RUNS ?? 300)

// No value holds a comma, quote or line break, so the pristine files split naively into cells.
const APPLICATIONS = [
  applicationRow({
    application_id: 'APP-1',
    candidate_id: 'CAND-1',
    requisition_title: 'Rust Engineer Payments',
  }),
  applicationRow({
    application_id: 'APP-2',
    candidate_id: 'CAND-2',
    candidate_name: 'Alan Turing',
    requisition_title: 'Rust Engineer Payments',
    decision: 'hired',
    offer_salary: 150000,
    offer_accepted_at: '2024-02-01',
    start_date: '2024-03-01',
    end_date: '2024-11-30',
    departure: 'voluntary',
  }),
  applicationRow({
    application_id: 'APP-3',
    candidate_id: 'CAND-3',
    candidate_name: 'Grace Hopper',
    requisition_id: 'REQ-2',
    requisition_title: 'Rust Engineer Storage',
    level: 'senior',
    opened_at: '2024-02-01',
    applied_at: '2024-02-05',
    decision: 'withdrew',
  }),
  applicationRow({
    application_id: 'APP-4',
    candidate_id: 'CAND-4',
    candidate_name: 'Barbara Liskov',
    requisition_id: 'REQ-2',
    requisition_title: 'Rust Engineer Storage',
    level: 'senior',
    opened_at: '2024-02-01',
    applied_at: '2024-02-07',
    decision: 'hired',
    offer_salary: 180000,
    offer_accepted_at: '2024-03-01',
    start_date: '2024-04-01',
    background: 'cpp',
    source: 'referral',
  }),
  applicationRow({
    application_id: 'APP-5',
    candidate_id: 'CAND-5',
    candidate_name: 'Édith Łukasiewicz',
    requisition_title: 'Rust Engineer Payments',
    decision: 'pending',
    metro: 'Zürich',
  }),
]

const AREAS = ['ownership', 'concurrency', 'judgment'] as const
const INTERVIEWERS = ['grace.hopper', 'ken.thompson', 'donald.knuth'] as const
const SCORES = APPLICATIONS.flatMap((application, a) =>
  AREAS.map((area, i) =>
    scoreRow({
      application_id: application.application_id!,
      interviewer: INTERVIEWERS[(a + i) % INTERVIEWERS.length]!,
      area,
      rating: ((a + i) % 4) + 1,
      red_flags: a === 1 && i === 0 ? 'clones_everything' : '',
      note: a === 2 ? 'Solid on lifetimes' : '',
    }),
  ),
)

const FILES = {
  'applications.csv': csv(APPLICATION_HEADER, APPLICATIONS),
  'scores.csv': csv(SCORE_HEADER, SCORES),
} as const
type FileName = keyof typeof FILES
const FILE_NAMES = Object.keys(FILES) as FileName[]
const HEADERS: Record<FileName, readonly string[]> = {
  'applications.csv': APPLICATION_HEADER,
  'scores.csv': SCORE_HEADER,
}
const DATA_ROWS: Record<FileName, number> = {
  'applications.csv': APPLICATIONS.length,
  'scores.csv': SCORES.length,
}

// ---------------------------------------------------------------------------------------------
// Mutations that may or may not make a file invalid

const position = fc.nat({ max: 1_000_000 })
const byteString = fc.uint8Array({ minLength: 1, maxLength: 24 })

type Mutation =
  | { op: 'deleteChar'; at: number }
  | { op: 'insertChar'; at: number; text: string }
  | { op: 'replaceChar'; at: number; text: string }
  | { op: 'deleteRange'; at: number; length: number }
  | { op: 'insertBytes'; at: number; bytes: Uint8Array }
  | { op: 'replaceRange'; at: number; length: number; bytes: Uint8Array }
  | { op: 'swapLines'; first: number; second: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'truncate'; at: number }
  | { op: 'insertQuote'; at: number }
  | { op: 'insertUnicode'; at: number; text: string }
  | { op: 'setCell'; line: number; column: number; value: string }
  | { op: 'truncateLines'; lines: number }
  | { op: 'editText'; row: number; column: number; at: number; text: string }

const oneCharacter = fc.oneof(
  fc.constantFrom(',', '"', '\n', '\r', '\r\n', ' ', '\t', '\u0000', '\uFEFF', '\uFFFD', "'", '='),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('deleteChar' as const), at: position }),
  fc.record({ op: fc.constant('insertChar' as const), at: position, text: oneCharacter }),
  fc.record({ op: fc.constant('replaceChar' as const), at: position, text: oneCharacter }),
  fc.record({
    op: fc.constant('deleteRange' as const),
    at: position,
    length: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({ op: fc.constant('insertBytes' as const), at: position, bytes: byteString }),
  fc.record({
    op: fc.constant('replaceRange' as const),
    at: position,
    length: fc.integer({ min: 1, max: 60 }),
    bytes: byteString,
  }),
  fc.record({ op: fc.constant('swapLines' as const), first: position, second: position }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: position }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('insertQuote' as const), at: position }),
  fc.record({
    op: fc.constant('insertUnicode' as const),
    at: position,
    text: fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
    ),
  }),
  fc.record({
    op: fc.constant('setCell' as const),
    line: position,
    column: position,
    value: fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('', ' ', '0', '4', '4.0', '1e3', '2024-02-29', '9999-01-01', 'NaN'),
    ),
  }),
  fc.record({ op: fc.constant('truncateLines' as const), lines: position }),
  fc.record({
    op: fc.constant('editText' as const),
    row: position,
    column: position,
    at: position,
    text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
  }),
)

/** Free-text columns, where most insertions are still valid data. */
const TEXT_COLUMNS: Record<FileName, readonly string[]> = {
  'applications.csv': ['candidate_name', 'source', 'metro', 'self_id_group'],
  'scores.csv': ['note'],
}

const within = (at: number, length: number) => (length === 0 ? 0 : at % (length + 1))

/** Lines of a file with their line ends kept, so that joining them gives the file back. */
const splitLines = (bytes: Buffer): Buffer[] => {
  const lines: Buffer[] = []
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1))
      start = i + 1
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start))
  return lines
}

function applyMutation(bytes: Buffer, m: Mutation, file: FileName): Buffer {
  const at = 'at' in m ? within(m.at, bytes.length) : 0
  const head = bytes.subarray(0, at)
  switch (m.op) {
    case 'deleteChar':
      return Buffer.concat([head, bytes.subarray(at + 1)])
    case 'insertChar':
    case 'insertUnicode':
      return Buffer.concat([head, Buffer.from(m.text), bytes.subarray(at)])
    case 'replaceChar':
      return Buffer.concat([head, Buffer.from(m.text), bytes.subarray(at + 1)])
    case 'deleteRange':
      return Buffer.concat([head, bytes.subarray(at + m.length)])
    case 'insertBytes':
      return Buffer.concat([head, m.bytes, bytes.subarray(at)])
    case 'replaceRange':
      return Buffer.concat([head, m.bytes, bytes.subarray(at + m.length)])
    case 'truncate':
      return head
    case 'insertQuote':
      return Buffer.concat([head, Buffer.from('"'), bytes.subarray(at)])
    case 'swapLines': {
      const lines = splitLines(bytes)
      if (lines.length < 2) return bytes
      const first = m.first % lines.length
      const second = m.second % lines.length
      ;[lines[first], lines[second]] = [lines[second]!, lines[first]!]
      return Buffer.concat(lines)
    }
    case 'duplicateLine': {
      const lines = splitLines(bytes)
      if (lines.length === 0) return bytes
      const line = m.line % lines.length
      lines.splice(line, 0, lines[line]!)
      return Buffer.concat(lines)
    }
    case 'setCell': {
      const lines = splitLines(bytes)
      if (lines.length === 0) return bytes
      const line = m.line % lines.length
      const text = lines[line]!.toString('utf8')
      const end = /\r?\n$/.exec(text)?.[0] ?? ''
      const cells = text.slice(0, text.length - end.length).split(',')
      cells[m.column % cells.length] = m.value
      lines[line] = Buffer.from(cells.join(',') + end)
      return Buffer.concat(lines)
    }
    case 'truncateLines':
      return Buffer.concat(splitLines(bytes).slice(0, m.lines % (DATA_ROWS[file] + 2)))
    case 'editText': {
      const lines = splitLines(bytes)
      if (lines.length < 2) return bytes
      const line = 1 + (m.row % (lines.length - 1))
      const text = lines[line]!.toString('utf8')
      const end = /\r?\n$/.exec(text)?.[0] ?? ''
      const cells = text.slice(0, text.length - end.length).split(',')
      const columns = TEXT_COLUMNS[file]
      const index = HEADERS[file].indexOf(columns[m.column % columns.length]!)
      const cell = cells[index]
      if (cell === undefined) return bytes
      const offset = within(m.at, cell.length)
      cells[index] = cell.slice(0, offset) + m.text + cell.slice(offset)
      lines[line] = Buffer.from(cells.join(',') + end)
      return Buffer.concat(lines)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations that certainly make a file invalid, each on a known line

interface InvalidMutation {
  file: FileName
  /** Index of the data row (0 is line 2). */
  row: number
  column: string
  value: string
}

const invalidCell = (file: FileName, columns: readonly string[], values: readonly string[]) =>
  fc.record({
    file: fc.constant(file),
    row: fc.nat({ max: DATA_ROWS[file] - 1 }),
    column: fc.constantFrom(...columns),
    value: fc.constantFrom(...values),
  })

const invalidMutation: fc.Arbitrary<InvalidMutation> = fc.oneof(
  invalidCell('scores.csv', ['rating'], ['9', '0', '-1', 'three', '4.5', '1,5']),
  invalidCell(
    'applications.csv',
    ['applied_at', 'opened_at'],
    ['2026-02-30', '2023-02-29', '2024-13-01', '24-01-10', '1969-12-31'],
  ),
  // A required id (or another required field) left blank.
  invalidCell(
    'applications.csv',
    ['application_id', 'candidate_id', 'requisition_id', 'level', 'applied_at', 'decision'],
    ['', '   '],
  ),
  invalidCell('scores.csv', ['application_id', 'interviewer', 'area', 'rating'], ['', ' ']),
  invalidCell('applications.csv', ['offer_salary'], ['-5', '0', '$150000', '150,000']),
  invalidCell('applications.csv', ['decision'], ['maybe', 'HIRED']),
  invalidCell('scores.csv', ['area'], ['lifetimes', 'Ownership']),
  invalidCell('scores.csv', ['red_flags'], ['too_clever', 'Clones Everything']),
)

function applyInvalid(bytes: Buffer, m: InvalidMutation): Buffer {
  const lines = bytes.toString('utf8').split('\n')
  const cells = lines[m.row + 1]!.split(',')
  const index = HEADERS[m.file].indexOf(m.column)
  expect(index).toBeGreaterThanOrEqual(0)
  // A value with a comma is quoted, so that it stays one cell.
  cells[index] = m.value.includes(',') ? `"${m.value}"` : m.value
  lines[m.row + 1] = cells.join(',')
  return Buffer.from(lines.join('\n'))
}

// ---------------------------------------------------------------------------------------------

/** Often none, so that the other file's damage is seen alone; otherwise one to three. */
const mutations = fc.oneof(
  { arbitrary: fc.constant<Mutation[]>([]), weight: 2 },
  { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 3 },
)

interface Case {
  mutations: Record<FileName, Mutation[]>
  invalid: InvalidMutation | null
}

const caseOf: fc.Arbitrary<Case> = fc.record({
  mutations: fc.record({
    'applications.csv': mutations,
    'scores.csv': mutations,
  }),
  invalid: fc.oneof(
    { arbitrary: fc.constant(null), weight: 7 },
    { arbitrary: invalidMutation, weight: 3 },
  ),
})

/** The files of a case: an invalid mutation is applied alone to its file, pristine. */
function filesOf(c: Case): Record<FileName, Buffer> {
  const files = {} as Record<FileName, Buffer>
  for (const name of FILE_NAMES) {
    let bytes: Buffer = Buffer.from(FILES[name])
    if (c.invalid?.file === name) bytes = applyInvalid(bytes, c.invalid)
    else for (const m of c.mutations[name]) bytes = applyMutation(bytes, m, name)
    files[name] = bytes
  }
  return files
}

async function seededDatabase(): Promise<Db> {
  const db = createTestDatabase()
  const seeded = await importTexts(db, FILES)
  expect(seeded.problems).toEqual([])
  expect(seeded.ok).toBe(true)
  return db
}

/** The invariants every report must satisfy. */
function checkReport(report: ImportReport, names: readonly string[]): void {
  expect(typeof report.ok).toBe('boolean')
  expect(report.ok).toBe(report.problem_count === 0)
  expect(report.problems.length).toBeLessThanOrEqual(report.problem_count)
  for (const problem of report.problems) {
    expect(names).toContain(problem.file)
    expect(typeof problem.message).toBe('string')
    expect(problem.message.length).toBeGreaterThan(0)
    if (problem.line !== null) {
      expect(Number.isInteger(problem.line)).toBe(true)
      expect(problem.line).toBeGreaterThanOrEqual(1)
    }
  }
}

describe('importer property: random damage to valid canonical files', () => {
  it('pristine files import again, unchanged', async () => {
    for (const text of Object.values(FILES)) expect(text).not.toMatch(/"/)
    const db = await seededDatabase()
    const report = await importTexts(db, FILES)
    expect(report.ok).toBe(true)
    expect(report.changes?.applications).toEqual({
      insert: 0,
      update: 0,
      unchanged: APPLICATIONS.length,
      delete: 0,
    })
    expect(report.changes?.scores.unchanged).toBe(SCORES.length)
  })

  it('always reports, never half-writes, and refuses what is known to be invalid', async () => {
    const outcomes = { accepted: 0, refused: 0, invalid: 0 }
    await fc.assert(
      fc.asyncProperty(caseOf, fc.boolean(), async (c, dryRun) => {
        const db = await seededDatabase()
        try {
          const before = snapshot(db)
          const files = filesOf(c)
          // A rejected promise here fails the property with the case that caused it.
          const report = await importTexts(db, files, { dryRun })
          checkReport(report, FILE_NAMES)
          expect(report.dry_run).toBe(dryRun)
          if (!report.ok) {
            outcomes.refused++
            expect(report.problem_count).toBeGreaterThanOrEqual(1)
            expect(report.written).toBe(false)
            expect(report.changes).toBeNull()
            expect(snapshot(db)).toEqual(before)
          } else {
            outcomes.accepted++
            expect(report.written).toBe(!dryRun)
            expect(report.changes).not.toBeNull()
            if (dryRun) expect(snapshot(db)).toEqual(before)
          }
          if (c.invalid) {
            outcomes.invalid++
            expect(report.ok).toBe(false)
            // The problem is reported on the line that was made invalid.
            expect(report.problems).toContainEqual(
              expect.objectContaining({ file: c.invalid.file, line: c.invalid.row + 2 }),
            )
          }
          const untouched = !c.invalid && FILE_NAMES.every((n) => c.mutations[n].length === 0)
          if (untouched) expect(report.ok).toBe(true)
        } finally {
          db.$client.close()
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
    // The property is not vacuous: both outcomes happened, and many known-invalid cases.
    expect(outcomes.accepted).toBeGreaterThan(10)
    expect(outcomes.refused).toBeGreaterThan(50)
    expect(outcomes.invalid).toBeGreaterThan(20)
  }, 60_000)

  it('an accepted damaged import, imported again, changes nothing more', async () => {
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(caseOf, async (c) => {
        if (c.invalid) return
        const db = await seededDatabase()
        try {
          const files = filesOf(c)
          const first = await importTexts(db, files)
          if (!first.ok) return
          accepted++
          const after = snapshot(db)
          const again = await importTexts(db, files)
          expect(again.ok).toBe(true)
          for (const [entity, count] of Object.entries(again.changes!)) {
            expect({ entity, ...count, unchanged: 0 }).toEqual({
              entity,
              insert: 0,
              update: 0,
              unchanged: 0,
              delete: 0,
            })
          }
          expect(snapshot(db)).toEqual(after)
        } finally {
          db.$client.close()
        }
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED + 1, endOnFailure: true },
    )
    expect(accepted).toBeGreaterThan(5)
  }, 60_000)
})
