import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { importFiles, type ImportReport } from '../../api/import/import-files'
import { MAX_RECORD_BYTES } from '../../api/import/csv-records'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { createTestDatabase, importTexts, snapshot } from '../helpers/database'

/**
 * Hostile or broken CSV files: each is refused with its file, line and a message a person can
 * act on, in bounded time and memory, and the database is left exactly as it was.
 */

type Row = NonNullable<Parameters<typeof applicationRow>[0]>

const RECORD_TOO_LONG = `Cannot read the file: the record is longer than ${MAX_RECORD_BYTES.toLocaleString('en')} bytes`

/** An application that is not in the database yet. */
const newApplication = (overrides: Row = {}) =>
  applicationRow({
    application_id: 'APP-3',
    candidate_id: 'CAND-3',
    candidate_name: 'Grace Hopper',
    ...overrides,
  })

const applicationsCsv = (...rows: Row[]) => csv(APPLICATION_HEADER, rows)

/** The bytes of a text with every `@` replaced by the given bytes. */
function withBytes(text: string, bytes: number[]): Buffer {
  const parts = text.split('@').map((part) => Buffer.from(part))
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [Buffer.from(bytes), part])))
}

let db: Db
let before: ReturnType<typeof snapshot>

beforeEach(async () => {
  db = createTestDatabase()
  const seeded = await importTexts(db, {
    'applications.csv': applicationsCsv(applicationRow()),
    'scores.csv': csv(SCORE_HEADER, [scoreRow()]),
  })
  expect(seeded.ok).toBe(true)
  before = snapshot(db)
})

interface Expected {
  file: string
  line: number
  column?: string | null
  /** A fragment of the message. */
  message: string
}

/**
 * The import was refused, its first problem is the expected one (and, unless `count` says
 * otherwise, the only one), and the database is as it was.
 */
function expectRefused(report: ImportReport, expected: Expected, count = 1): void {
  expect(report.ok).toBe(false)
  expect(report.written).toBe(false)
  expect(report.changes).toBeNull()
  expect(report.problem_count).toBe(count)
  expect(report.problems[0]).toMatchObject({
    file: expected.file,
    line: expected.line,
    path: null,
    ...(expected.column === undefined ? {} : { column: expected.column }),
    message: expect.stringContaining(expected.message) as unknown,
  })
  expect(snapshot(db)).toEqual(before)
}

describe('CSV that must be refused by the record size limit', () => {
  const header = `${APPLICATION_HEADER.join(',')}\n`

  it('a 50 MB field, given as one buffer', async () => {
    const file = Buffer.concat([
      Buffer.from(`${header}APP-3,CAND-3,`),
      Buffer.alloc(50_000_000, 'x'),
      Buffer.from(',REQ-1,,mid,,,2024-01-10,rejected,,,,,,,,,\n'),
    ])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: null,
      message: RECORD_TOO_LONG,
    })
  })

  it('a 50 MB quoted field, given as one buffer', async () => {
    const file = Buffer.concat([
      Buffer.from(`${header}APP-3,CAND-3,"`),
      Buffer.alloc(50_000_000, 'x'),
      Buffer.from('",REQ-1,,mid,,,2024-01-10,rejected,,,,,,,,,\n'),
    ])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: null,
      message: RECORD_TOO_LONG,
    })
  })

  it('a 50 MB field in a file: reading stops soon after the limit, not at the end', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopscope-hostile-'))
    try {
      const path = join(directory, 'applications.csv')
      writeFileSync(
        path,
        Buffer.concat([Buffer.from(`${header}APP-3,CAND-3,`), Buffer.alloc(50_000_000, 'x')]),
      )
      const stream = createReadStream(path)
      const report = await importFiles(db, [{ name: 'applications.csv', stream }], {
        dryRun: false,
      })
      expectRefused(report, {
        file: 'applications.csv',
        line: 2,
        column: null,
        message: RECORD_TOO_LONG,
      })
      // The limit plus what streams buffer ahead, far from the 50 MB on offer.
      expect(stream.bytesRead).toBeLessThan(8 * MAX_RECORD_BYTES)
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })

  it('a header of 10 million columns ("a," × 10,000,000, 20 MB)', async () => {
    const file = Buffer.alloc(20_000_000, 'a,')
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 1,
      column: null,
      message: RECORD_TOO_LONG,
    })
  })

  // The size limit counts delimiters too: a record of nothing but commas is refused whole.
  it('a header of one known column and 1,500,000 commas (1.5 MB)', async () => {
    const file = Buffer.concat([Buffer.from('candidate_id'), Buffer.alloc(1_500_000, ',')])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 1,
      column: null,
      message: RECORD_TOO_LONG,
    })
  })
})

describe('CSV with text that is not UTF-8', () => {
  it.each([
    ['0xC3 0x28 (a broken two-byte sequence)', [0xc3, 0x28]],
    ['0xFF (never valid in UTF-8)', [0xff]],
  ])('refuses a name holding %s', async (_label, bytes) => {
    const file = withBytes(
      applicationsCsv(newApplication({ candidate_name: 'Jos@ Ramírez' })),
      bytes,
    )
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: 'candidate_name',
      message: 'candidate_name is not valid UTF-8 text',
    })
  })

  // UTF-16 is refused at its byte-order mark, before the parser could decode it.
  it('refuses a UTF-16LE file with its BOM', async () => {
    const file = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(applicationsCsv(newApplication()), 'utf16le'),
    ])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 1,
      message: 'UTF-8',
    })
  })

  it('refuses a UTF-16LE file without a BOM (its header is unrecognisable)', async () => {
    const file = Buffer.from(applicationsCsv(newApplication()), 'utf16le')
    const report = await importTexts(db, { 'applications.csv': file })
    expect(report.problems[0]).toMatchObject({ file: 'applications.csv', line: 1 })
    expect(report.ok).toBe(false)
    expect(snapshot(db)).toEqual(before)
  })

  it('refuses a NUL byte in a field', async () => {
    const file = withBytes(applicationsCsv(newApplication({ candidate_name: 'Ada@Lovelace' })), [0])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: 'candidate_name',
      message: 'candidate_name contains control characters',
    })
  })
})

describe('CSV with values that must be refused', () => {
  it('a date 2026-02-30', async () => {
    const file = applicationsCsv(newApplication({ applied_at: '2026-02-30' }))
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: 'applied_at',
      message: 'applied_at is not a calendar date (got "2026-02-30")',
    })
  })

  it('a negative salary', async () => {
    const file = applicationsCsv(
      newApplication({
        decision: 'hired',
        offer_salary: '-120000',
        offer_accepted_at: '2024-02-01',
      }),
    )
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: 'offer_salary',
      message: 'offer_salary must be a positive number without currency signs',
    })
  })

  it('an end before the start', async () => {
    const file = applicationsCsv(
      newApplication({
        decision: 'hired',
        offer_salary: 120000,
        offer_accepted_at: '2024-02-01',
        start_date: '2024-03-01',
        end_date: '2024-02-15',
      }),
    )
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 2,
      column: 'end_date',
      message: 'end_date 2024-02-15 is before start_date 2024-03-01',
    })
  })

  it('the same application id twice in one file', async () => {
    const file = applicationsCsv(
      newApplication(),
      applicationRow({ application_id: 'APP-4', candidate_id: 'CAND-4' }),
      newApplication({ candidate_id: 'CAND-5', candidate_name: 'Someone Else' }),
    )
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 4,
      column: 'application_id',
      message: 'application_id APP-3 already appears on line 2',
    })
  })

  it('a score for an area the rubric does not have', async () => {
    const file = csv(SCORE_HEADER, [scoreRow({ interviewer: 'ken.thompson', area: 'lifetimes' })])
    expectRefused(await importTexts(db, { 'scores.csv': file }), {
      file: 'scores.csv',
      line: 2,
      column: 'area',
      message: 'area "lifetimes" is not in the Rust engineer rubric',
    })
  })
})

describe('CSV files of odd shapes', () => {
  it('a file of only a UTF-8 BOM', async () => {
    const file = Buffer.from([0xef, 0xbb, 0xbf])
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 1,
      column: null,
      message: 'The file is empty',
    })
  })

  it('a data line of 5,000 commas', async () => {
    const file = `${applicationsCsv(newApplication())}${','.repeat(5_000)}\n`
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 3,
      column: null,
      message: `The row has 5001 fields but the header has ${APPLICATION_HEADER.length}`,
    })
  })

  it('a header line of 5,000 commas', async () => {
    const file = `${','.repeat(5_000)}\n${applicationsCsv(newApplication()).split('\n')[1]!}\n`
    expectRefused(await importTexts(db, { 'applications.csv': file }), {
      file: 'applications.csv',
      line: 1,
      column: null,
      message: 'Unrecognised header',
    })
  })

  it('a header of the real columns and then 5,000 commas: each unnamed column, capped', async () => {
    const file = `${APPLICATION_HEADER.join(',')}${','.repeat(5_000)}\n`
    const report = await importTexts(db, { 'applications.csv': file })
    expectRefused(
      report,
      {
        file: 'applications.csv',
        line: 1,
        column: null,
        message: `Column ${APPLICATION_HEADER.length + 1} has no name`,
      },
      5_000,
    )
    expect(report.problems).toHaveLength(1_000)
  })
})

describe('CSV that is hostile only to spreadsheets', () => {
  it('imports a formula in a name as valid data and stores it as given', async () => {
    const name = '=HYPERLINK("http://evil.example","click")'
    const report = await importTexts(db, {
      'applications.csv': applicationsCsv(newApplication({ candidate_name: name })),
    })
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.written).toBe(true)
    expect(
      db.$client.prepare("SELECT name FROM candidates WHERE id = 'CAND-3'").pluck().get(),
    ).toBe(name)
  })
})
