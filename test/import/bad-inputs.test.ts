import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { ImportReport } from '../../api/import/import-files'
import { createTestDatabase, importTexts, snapshot } from '../helpers/database'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'

type Row = NonNullable<Parameters<typeof applicationRow>[0]>

interface ExpectedProblem {
  file: string
  line: number
  column: string | null
  /** A fragment of the message (string) or a pattern it must match. */
  message: string | RegExp
}

const BOM = '\uFEFF'

const SEED_APPLICATIONS = [
  applicationRow(),
  applicationRow({
    application_id: 'APP-2',
    candidate_id: 'CAND-2',
    candidate_name: 'Alan Turing',
    decision: 'hired',
    offer_salary: 150000,
    offer_accepted_at: '2024-02-01',
    start_date: '2024-03-01',
  }),
]
const SEED_SCORES = [scoreRow(), scoreRow({ area: 'judgment', rating: 4 })]

/** An application that is not in the seed, so importing it would insert rows. */
const newApplication = (overrides: Row = {}) =>
  applicationRow({
    application_id: 'APP-3',
    candidate_id: 'CAND-3',
    candidate_name: 'Grace Hopper',
    ...overrides,
  })

/** A score that is not in the seed, on a seeded application. */
const newScore = (overrides: Row = {}) =>
  scoreRow({ application_id: 'APP-2', interviewer: 'barbara.liskov', ...overrides })

const applicationsCsv = (...rows: Row[]) => csv(APPLICATION_HEADER, rows)
const scoresCsv = (...rows: Row[]) => csv(SCORE_HEADER, rows)

function messageMatcher(message: string | RegExp): unknown {
  return typeof message === 'string'
    ? expect.stringContaining(message)
    : expect.stringMatching(message)
}

/** A snapshot without app_meta, whose data_version every successful write bumps. */
function withoutMeta(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(tables).filter(([table]) => table !== 'app_meta'))
}

const dataRows = (database: Db) => withoutMeta(snapshot(database))

function storedValue(database: Db, query: string, ...params: string[]): unknown {
  return database.$client
    .prepare(query)
    .pluck()
    .get(...params)
}

let db: Db

beforeEach(async () => {
  db = createTestDatabase()
  const seeded = await importTexts(db, {
    'applications.csv': applicationsCsv(...SEED_APPLICATIONS),
    'scores.csv': scoresCsv(...SEED_SCORES),
  })
  expect(seeded.ok).toBe(true)
  expect(seeded.written).toBe(true)
})

/**
 * Imports the files and checks that the import is refused with exactly these problems and that
 * the database is exactly as it was.
 */
async function expectRefused(
  files: Record<string, string | Buffer>,
  expected: ExpectedProblem[],
): Promise<ImportReport> {
  const before = snapshot(db)
  const report = await importTexts(db, files)
  expect(report.ok).toBe(false)
  expect(report.written).toBe(false)
  expect(report.problems).toEqual(
    expected.map((problem) => ({
      path: null,
      ...problem,
      message: messageMatcher(problem.message),
    })),
  )
  expect(report.problem_count).toBe(expected.length)
  expect(snapshot(db)).toEqual(before)
  return report
}

describe('importer: headers and whole files', () => {
  it('refuses an applications file whose header lacks a required column', async () => {
    const header = APPLICATION_HEADER.filter((name) => name !== 'applied_at')
    await expectRefused({ 'applications.csv': csv(header, [newApplication()]) }, [
      {
        file: 'applications.csv',
        line: 1,
        column: 'applied_at',
        message: 'Required column applied_at is missing',
      },
    ])
  })

  it('refuses a header with a column the format does not know', async () => {
    const header = [...APPLICATION_HEADER, 'salary']
    await expectRefused(
      { 'applications.csv': csv(header, [newApplication({ salary: '100000' })]) },
      [{ file: 'applications.csv', line: 1, column: 'salary', message: 'Unknown column "salary"' }],
    )
  })

  it('refuses a header that names the same column twice', async () => {
    const header = [...APPLICATION_HEADER, 'level']
    await expectRefused({ 'applications.csv': csv(header, [newApplication()]) }, [
      { file: 'applications.csv', line: 1, column: 'level', message: 'Column level appears twice' },
    ])
  })

  it('refuses a header with an unnamed column (a trailing comma)', async () => {
    const text = `${APPLICATION_HEADER.join(',')},\n`
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 1,
        column: null,
        message: `Column ${APPLICATION_HEADER.length + 1} has no name`,
      },
    ])
  })

  it('refuses a file whose header matches neither canonical file', async () => {
    await expectRefused({ 'people.csv': 'name,email\nAda,ada@example.com\n' }, [
      { file: 'people.csv', line: 1, column: null, message: 'Unrecognised header' },
    ])
  })

  it('refuses a header of only application_id, which both files share', async () => {
    await expectRefused({ 'ids.csv': 'application_id\nAPP-3\n' }, [
      { file: 'ids.csv', line: 1, column: null, message: /^Unrecognised header: expected/ },
    ])
  })

  it('refuses an empty file', async () => {
    await expectRefused({ 'applications.csv': '' }, [
      { file: 'applications.csv', line: 1, column: null, message: 'The file is empty' },
    ])
  })

  it('refuses a file that holds only blank lines', async () => {
    await expectRefused({ 'applications.csv': '\n\r\n\n' }, [
      { file: 'applications.csv', line: 1, column: null, message: 'The file is empty' },
    ])
  })

  it('accepts a file with a BOM and only a header: no rows, nothing changed', async () => {
    const before = dataRows(db)
    const report = await importTexts(db, {
      'applications.csv': `${BOM}${APPLICATION_HEADER.join(',')}\n`,
    })
    expect(report.ok).toBe(true)
    expect(report.problems).toEqual([])
    expect(report.files).toEqual([
      { file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 0 },
    ])
    for (const count of Object.values(report.changes ?? {})) {
      expect(count).toEqual({ insert: 0, update: 0, unchanged: 0, delete: 0 })
    }
    expect(dataRows(db)).toEqual(before)
  })
})

describe('importer: bad application fields', () => {
  it('refuses a date that is not written YYYY-MM-DD', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', applied_at: '10/01/2024' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 3,
        column: 'applied_at',
        message: 'applied_at must be a date YYYY-MM-DD (got "10/01/2024")',
      },
    ])
  })

  it('refuses the impossible date 2026-02-30', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', applied_at: '2026-02-30' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 3,
        column: 'applied_at',
        message: 'is not a calendar date (got "2026-02-30")',
      },
    ])
  })

  it('refuses a date outside 1970–2100 as a likely typing error', async () => {
    const text = applicationsCsv(newApplication({ opened_at: '0204-01-02' }))
    await expectRefused({ 'applications.csv': text }, [
      { file: 'applications.csv', line: 2, column: 'opened_at', message: 'is outside 1970–2100' },
    ])
  })

  it('refuses a decision outside the vocabulary', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', decision: 'maybe' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 3,
        column: 'decision',
        message: 'decision must be one of hired, rejected, withdrew, pending (got "maybe")',
      },
    ])
  })

  it('refuses an empty required field', async () => {
    const text = applicationsCsv(newApplication({ candidate_id: '' }))
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 2,
        column: 'candidate_id',
        message: 'candidate_id is required',
      },
    ])
  })

  it('refuses a negative offer salary', async () => {
    const text = applicationsCsv(
      newApplication({ decision: 'hired', offer_salary: '-5000', start_date: '2024-03-01' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 2,
        column: 'offer_salary',
        message: 'offer_salary must be a positive number',
      },
    ])
  })

  it('refuses an end_date before the start_date', async () => {
    const text = applicationsCsv(
      newApplication({ decision: 'hired', start_date: '2024-03-01', end_date: '2024-02-15' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 2,
        column: 'end_date',
        message: 'end_date 2024-02-15 is before start_date 2024-03-01',
      },
    ])
  })

  it('refuses a start_date on a rejected application', async () => {
    const text = applicationsCsv(newApplication({ decision: 'rejected', start_date: '2024-03-01' }))
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 2,
        column: 'start_date',
        message: 'start_date is set but decision is "rejected"',
      },
    ])
  })

  it('refuses a departure without an end_date', async () => {
    const text = applicationsCsv(
      newApplication({ decision: 'hired', start_date: '2024-03-01', departure: 'voluntary' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 2,
        column: 'departure',
        message: 'departure is set without an end_date',
      },
    ])
  })

  it('refuses a row with fewer fields than the header', async () => {
    const text = `${applicationsCsv(newApplication())}APP-4,CAND-4,Barbara Liskov\n`
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 3,
        column: null,
        message: `The row has 3 fields but the header has ${APPLICATION_HEADER.length}`,
      },
    ])
  })

  it('refuses a name with bytes that are not UTF-8', async () => {
    const valid = applicationsCsv(newApplication())
    const bad = Buffer.concat([
      Buffer.from(valid),
      Buffer.from('APP-4,CAND-4,Zo'),
      Buffer.from([0xff]),
      Buffer.from(
        `,REQ-1,,mid,,,2024-01-10,rejected${','.repeat(APPLICATION_HEADER.length - 10)}\n`,
      ),
    ])
    await expectRefused({ 'applications.csv': bad }, [
      {
        file: 'applications.csv',
        line: 3,
        column: 'candidate_name',
        message: 'candidate_name is not valid UTF-8 text',
      },
    ])
  })

  it('refuses an application_id repeated in one file, naming the earlier line', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', candidate_id: 'CAND-4', candidate_name: '' }),
      newApplication({ applied_at: '2024-01-11' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 4,
        column: 'application_id',
        message: 'application_id APP-3 already appears on line 2',
      },
    ])
  })

  it('refuses an application_id repeated across two files, naming the other file', async () => {
    await expectRefused(
      {
        'applications.csv': applicationsCsv(newApplication()),
        'more-applications.csv': applicationsCsv(newApplication()),
      },
      [
        {
          file: 'more-applications.csv',
          line: 2,
          column: 'application_id',
          message: 'application_id APP-3 already appears on applications.csv line 2',
        },
      ],
    )
  })

  it('refuses two different names for the same candidate_id', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', candidate_name: 'Grace Brewster' }),
    )
    await expectRefused({ 'applications.csv': text }, [
      {
        file: 'applications.csv',
        line: 3,
        column: 'candidate_name',
        message:
          'Candidate CAND-3 has candidate_name "Grace Brewster" here but "Grace Hopper" on line 2',
      },
    ])
  })
})

describe('importer: bad score fields and references', () => {
  it('refuses rating 7 (above the 1–4 scale)', async () => {
    await expectRefused(
      { 'scores.csv': scoresCsv(newScore(), newScore({ area: 'judgment', rating: 7 })) },
      [
        {
          file: 'scores.csv',
          line: 3,
          column: 'rating',
          message: 'rating must be a number from 1 to 4 (got "7")',
        },
      ],
    )
  })

  it('refuses rating 0.5 (below the 1–4 scale)', async () => {
    await expectRefused({ 'scores.csv': scoresCsv(newScore({ rating: '0.5' })) }, [
      { file: 'scores.csv', line: 2, column: 'rating', message: '(got "0.5")' },
    ])
  })

  it('refuses a rating that is not a number', async () => {
    await expectRefused({ 'scores.csv': scoresCsv(newScore({ rating: 'three' })) }, [
      {
        file: 'scores.csv',
        line: 2,
        column: 'rating',
        message: /^rating must be a number from 1 to 4 \(got "three"\)$/,
      },
    ])
  })

  it('refuses an area that is not in the application’s rubric', async () => {
    await expectRefused({ 'scores.csv': scoresCsv(newScore(), newScore({ area: 'lifetimes' })) }, [
      {
        file: 'scores.csv',
        line: 3,
        column: 'area',
        message: 'area "lifetimes" is not in the Rust engineer rubric',
      },
    ])
  })

  it('refuses a score for an application in neither the files nor the database', async () => {
    await expectRefused(
      { 'scores.csv': scoresCsv(newScore(), newScore({ application_id: 'APP-404' })) },
      [
        {
          file: 'scores.csv',
          line: 3,
          column: 'application_id',
          message:
            'application_id APP-404 is neither in an applications file of this import nor in the database',
        },
      ],
    )
  })

  it('refuses the same interviewer rating the same area of one application twice', async () => {
    await expectRefused({ 'scores.csv': scoresCsv(newScore(), newScore({ rating: 2 })) }, [
      {
        file: 'scores.csv',
        line: 3,
        column: null,
        message: 'barbara.liskov already rated ownership for APP-2 on line 2',
      },
    ])
  })

  it('reports each repeat among many ratings in its place among the other problems', async () => {
    // Ratings are claimed in batches: a repeat is found with its batch, after later rows.
    const rows = Array.from({ length: 200 }, (_, index) =>
      newScore({ interviewer: `interviewer-${index}` }),
    )
    rows[100] = newScore({ interviewer: 'interviewer-10', rating: 2 })
    rows[101] = newScore({ interviewer: 'interviewer-101', area: 'lifetimes' })
    rows[110] = newScore({ interviewer: 'interviewer-109' })
    await expectRefused({ 'scores.csv': scoresCsv(...rows) }, [
      {
        file: 'scores.csv',
        line: 102,
        column: null,
        message: 'interviewer-10 already rated ownership for APP-2 on line 12',
      },
      { file: 'scores.csv', line: 103, column: 'area', message: 'area "lifetimes" is not' },
      {
        file: 'scores.csv',
        line: 112,
        column: null,
        message: 'interviewer-109 already rated ownership for APP-2 on line 111',
      },
    ])
  })

  it('reports repeats the same way on a first import, whose ratings are inserted in batches', async () => {
    const fresh = createTestDatabase()
    const applications = Array.from({ length: 40 }, (_, index) =>
      newApplication({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
    )
    const rows = applications.flatMap((application) =>
      ['ownership', 'judgment', 'concurrency'].map((area) =>
        newScore({ application_id: application.application_id!, area }),
      ),
    )
    rows[70] = newScore({ application_id: 'APP-3', area: 'ownership', rating: 1 })
    rows[71] = newScore({ application_id: 'APP-23', area: 'ownership', rating: 2 })
    const report = await importTexts(fresh, {
      'applications.csv': applicationsCsv(...applications),
      'scores.csv': scoresCsv(...rows),
    })
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 72,
        message: 'barbara.liskov already rated ownership for APP-3 on line 11',
      }),
      expect.objectContaining({
        line: 73,
        message: 'barbara.liskov already rated ownership for APP-23 on line 71',
      }),
    ])
    expect(storedValue(fresh, 'SELECT count(*) FROM scores')).toBe(0)
  })

  it('refuses a stored rating stated twice, the first time updating it', async () => {
    await expectRefused(
      { 'scores.csv': scoresCsv(scoreRow({ rating: 1 }), scoreRow({ rating: 2 })) },
      [
        {
          file: 'scores.csv',
          line: 3,
          column: null,
          message: 'grace.hopper already rated ownership for APP-1 on line 2',
        },
      ],
    )
  })

  it('refuses a red-flag tag the rubric does not know', async () => {
    await expectRefused(
      { 'scores.csv': scoresCsv(newScore({ red_flags: 'clones_everything;too_clever' })) },
      [
        {
          file: 'scores.csv',
          line: 2,
          column: 'red_flags',
          message: 'red_flags has an unknown tag "too_clever"',
        },
      ],
    )
  })

  it('refuses a malformed red-flag tag', async () => {
    await expectRefused({ 'scores.csv': scoresCsv(newScore({ red_flags: 'Clones Everything' })) }, [
      {
        file: 'scores.csv',
        line: 2,
        column: 'red_flags',
        message: 'red_flags has a malformed tag "Clones Everything"',
      },
    ])
  })

  it('writes neither file when scores.csv has a bad field and applications.csv is valid', async () => {
    const report = await expectRefused(
      {
        'applications.csv': applicationsCsv(newApplication()),
        'scores.csv': scoresCsv(
          newScore({ application_id: 'APP-3' }),
          newScore({ application_id: 'APP-3', area: 'judgment', rating: 9 }),
        ),
      },
      [{ file: 'scores.csv', line: 3, column: 'rating', message: '(got "9")' }],
    )
    expect(report.files.map((file) => file.kind)).toEqual(['applications', 'scores'])
    expect(storedValue(db, 'SELECT id FROM applications WHERE id = ?', 'APP-3')).toBeUndefined()
  })

  it('writes neither file when a score refers to an unknown area and applications.csv is valid', async () => {
    await expectRefused(
      {
        'applications.csv': applicationsCsv(newApplication()),
        'scores.csv': scoresCsv(newScore({ application_id: 'APP-3', area: 'lifetimes' })),
      },
      [{ file: 'scores.csv', line: 2, column: 'area', message: 'area "lifetimes" is not in' }],
    )
    expect(storedValue(db, 'SELECT id FROM applications WHERE id = ?', 'APP-3')).toBeUndefined()
  })
})

describe('importer: unreadable CSV', () => {
  const emptyTail = ','.repeat(APPLICATION_HEADER.length - 10)
  const unclosed = `${applicationsCsv(newApplication())}APP-4,CAND-4,"Barbara Liskov,REQ-1,,mid,,,2024-01-10,rejected${emptyTail}\n`
  const strayQuote = `${applicationsCsv(newApplication())}APP-4,CAND-4,Barbara "Babs" Liskov,REQ-1,,mid,,,2024-01-10,rejected${emptyTail}\n`

  it('refuses a quoted field that is never closed, writing nothing', async () => {
    const before = snapshot(db)
    const report = await importTexts(db, { 'applications.csv': unclosed })
    expect(report.ok).toBe(false)
    expect(report.written).toBe(false)
    expect(report.problems).toEqual([
      {
        file: 'applications.csv',
        line: expect.any(Number) as unknown,
        path: null,
        column: null,
        message: messageMatcher('Cannot read the file: a quoted field is never closed'),
      },
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('reports the line where the unclosed quoted field starts', async () => {
    const report = await importTexts(db, { 'applications.csv': unclosed })
    expect(report.problems[0]?.line).toBe(3)
    expect(report.files).toEqual([
      { file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 1 },
    ])
  })

  it('explains a stray quote inside an unquoted field in plain words, on its line', async () => {
    const report = await importTexts(db, { 'applications.csv': strayQuote })
    expect(report.problems[0]?.message).toContain('a quote inside an unquoted field')
    expect(report.problems[0]?.line).toBe(3)
  })

  it('refuses a stray quote inside an unquoted field, writing nothing', async () => {
    const before = snapshot(db)
    const report = await importTexts(db, { 'applications.csv': strayQuote })
    expect(report.ok).toBe(false)
    expect(report.written).toBe(false)
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatchObject({ file: 'applications.csv', column: null })
    expect(report.problems[0]?.message).toMatch(/^Cannot read the file: /)
    expect(snapshot(db)).toEqual(before)
  })
})

describe('importer: what the CSV reader accepts', () => {
  it('reads a file that starts with a UTF-8 BOM', async () => {
    const report = await importTexts(db, {
      'applications.csv': `${BOM}${applicationsCsv(newApplication())}`,
    })
    expect(report.ok).toBe(true)
    expect(report.files).toEqual([
      { file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 1 },
    ])
    expect(storedValue(db, 'SELECT candidate_id FROM applications WHERE id = ?', 'APP-3')).toBe(
      'CAND-3',
    )
  })

  it('reads CRLF line ends without leaving a carriage return in the last column', async () => {
    const text = applicationsCsv(newApplication({ metro: 'Berlin' })).replace(/\n/g, '\r\n')
    const report = await importTexts(db, { 'applications.csv': text })
    expect(report.ok).toBe(true)
    expect(storedValue(db, 'SELECT metro FROM applications WHERE id = ?', 'APP-3')).toBe('Berlin')
  })

  it('counts CRLF lines correctly when reporting a problem', async () => {
    const text = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', level: 'wizard' }),
    ).replace(/\n/g, '\r\n')
    await expectRefused({ 'applications.csv': text }, [
      { file: 'applications.csv', line: 3, column: 'level', message: 'level must be one of' },
    ])
  })

  it('keeps a line break inside a quoted note', async () => {
    const note = 'Strong on Send and Sync.\nShaky on atomics.'
    const report = await importTexts(db, {
      'scores.csv': scoresCsv(newScore({ area: 'concurrency', note })),
    })
    expect(report.ok).toBe(true)
    expect(report.files).toEqual([
      { file: 'scores.csv', format: 'canonical', kind: 'scores', rows: 1 },
    ])
    expect(
      storedValue(
        db,
        `SELECT s.note FROM scores s JOIN rubric_areas a ON a.id = s.area_id
         WHERE s.application_id = 'APP-2' AND a.key = ?`,
        'concurrency',
      ),
    ).toBe(note)
  })

  it('reports the line after a two-line quoted note as line 4', async () => {
    const text = scoresCsv(
      newScore({ area: 'concurrency', note: 'Strong on Send and Sync.\nShaky on atomics.' }),
      newScore({ area: 'judgment', rating: 7 }),
    )
    expect(text.split('\n')[3]).toMatch(/^APP-2,barbara\.liskov,judgment,7,/)
    await expectRefused({ 'scores.csv': text }, [
      { file: 'scores.csv', line: 4, column: 'rating', message: '(got "7")' },
    ])
  })

  it('skips blank lines between rows', async () => {
    const [header, first, second] = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', candidate_id: 'CAND-4', candidate_name: 'Kay' }),
    ).split('\n')
    const text = [header, '', first, '', '', second, '', ''].join('\n')
    const report = await importTexts(db, { 'applications.csv': text })
    expect(report.ok).toBe(true)
    expect(report.files).toEqual([
      { file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 2 },
    ])
    expect(report.changes?.applications).toMatchObject({ insert: 2 })
  })

  it('counts blank lines when reporting a problem', async () => {
    const [header, first, second] = applicationsCsv(
      newApplication(),
      newApplication({ application_id: 'APP-4', applied_at: '2024-13-01' }),
    ).split('\n')
    const text = [header, '', first, '', '', second, ''].join('\n')
    await expectRefused({ 'applications.csv': text }, [
      { file: 'applications.csv', line: 6, column: 'applied_at', message: 'not a calendar date' },
    ])
  })
})

describe('importer: re-imports and dry runs', () => {
  it('re-importing the same files changes nothing: every row is unchanged', async () => {
    const fresh = createTestDatabase()
    const files = {
      'applications.csv': applicationsCsv(...SEED_APPLICATIONS),
      'scores.csv': scoresCsv(...SEED_SCORES),
    }
    const first = await importTexts(fresh, files)
    expect(first.ok).toBe(true)
    expect(first.changes?.applications.insert).toBe(SEED_APPLICATIONS.length)
    const before = snapshot(fresh)

    const second = await importTexts(fresh, files)
    expect(second.ok).toBe(true)
    expect(second.written).toBe(true)
    const changes = second.changes!
    for (const count of Object.values(changes)) {
      expect(count).toMatchObject({ insert: 0, update: 0, delete: 0 })
    }
    expect(changes.applications.unchanged).toBe(SEED_APPLICATIONS.length)
    expect(changes.scores.unchanged).toBe(SEED_SCORES.length)
    expect(changes.candidates.unchanged).toBe(2)
    expect(changes.requisitions.unchanged).toBe(1)
    expect(changes.offers.unchanged).toBe(1)
    expect(changes.employments.unchanged).toBe(1)
    expect(dataRows(fresh)).toEqual(withoutMeta(before))
  })

  it('a dry run reports the inserts it would make and writes nothing', async () => {
    const before = snapshot(db)
    const report = await importTexts(
      db,
      {
        'applications.csv': applicationsCsv(newApplication()),
        'scores.csv': scoresCsv(
          newScore({ application_id: 'APP-3' }),
          newScore({ application_id: 'APP-3', area: 'judgment' }),
        ),
      },
      { dryRun: true },
    )
    expect(report).toMatchObject({ ok: true, dry_run: true, written: false, problems: [] })
    expect(report.changes).toMatchObject({
      requisitions: { insert: 0, unchanged: 1 },
      candidates: { insert: 1 },
      applications: { insert: 1 },
      interviewers: { insert: 1 },
      scores: { insert: 2 },
    })
    expect(snapshot(db)).toEqual(before)
  })
})
