import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { importFiles, type ImportFormat, type ImportReport } from '../../api/import/import-files'
import { JSON_LIMITS } from '../../api/import/json-records'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { createTestDatabase, importTexts, snapshot } from '../helpers/database'

const fixture = (path: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8')

const JOBS = fixture('greenhouse/jobs.json')
const APPLICATIONS = fixture('greenhouse/applications.json')
const SCORECARDS = fixture('greenhouse/scorecards.json')
const FEEDBACK = fixture('lever/feedback.json')

type JsonObject = Record<string, unknown>

/** A fresh copy of the Greenhouse applications, to be changed by a test. */
const applications = () => JSON.parse(APPLICATIONS) as JsonObject[]

/** A Greenhouse application like the fixture's, with one more field. */
const applicationWith = (extra: string) =>
  `[{"id": 1, "candidate_id": 2, "status": "active", "applied_at": "2025-03-01T00:00:00.000Z", "jobs": [{"id": 3, "name": "Senior Rust Engineer"}], ${extra}}]`

/** A canonical applications.csv of the opportunities the Lever feedback is about. */
function leverApplicationsCsv(): string {
  const ids = new Set(Array.from(FEEDBACK.matchAll(/"opportunity_id": "([^"]+)"/g), (m) => m[1]!))
  return csv(
    APPLICATION_HEADER,
    [...ids].map((id, index) =>
      applicationRow({ application_id: id, candidate_id: `CAND-${index}` }),
    ),
  )
}

/** Bytes of a text with the first `marker` character of `needle` replaced by a 0xff byte. */
function withInvalidByte(text: string, needle: string, marker: string): Buffer {
  const bytes = Buffer.from(text.replaceAll(needle, needle.replace(marker, '@')))
  const damaged = needle.replace(marker, '@')
  let at = bytes.indexOf(damaged)
  expect(at).toBeGreaterThanOrEqual(0)
  while (at !== -1) {
    bytes[at + damaged.indexOf('@')] = 0xff
    at = bytes.indexOf(damaged, at + 1)
  }
  return bytes
}

function importJson(
  db: Db,
  files: Record<string, string | Buffer>,
  format?: ImportFormat,
): Promise<ImportReport> {
  return importFiles(
    db,
    Object.entries(files).map(([name, content]) => ({
      name,
      stream: Readable.from([typeof content === 'string' ? Buffer.from(content) : content]),
    })),
    format ? { dryRun: false, format } : { dryRun: false },
  )
}

const readProblem = (file: string, path: string, message: string | RegExp) => ({
  file,
  line: null,
  path,
  column: null,
  message:
    typeof message === 'string'
      ? `Cannot read the file: ${message}`
      : (expect.stringMatching(message) as unknown),
})

let db: Db
let before: ReturnType<typeof snapshot>

beforeEach(async () => {
  db = createTestDatabase()
  const seeded = await importTexts(db, {
    'applications.csv': csv(APPLICATION_HEADER, [applicationRow()]),
    'scores.csv': csv(SCORE_HEADER, [scoreRow()]),
  })
  expect(seeded.ok).toBe(true)
  before = snapshot(db)
})

/** The import was refused with exactly these problems and left the database as it was. */
function expectRefused(report: ImportReport, problems: unknown[]): void {
  expect(report.problems).toEqual(problems)
  expect(report.ok).toBe(false)
  expect(report.written).toBe(false)
  expect(report.changes).toBeNull()
  expect(snapshot(db)).toEqual(before)
}

describe('JSON input that must be refused cleanly', () => {
  it('nesting 10,000 levels deep', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    expectRefused(await importJson(db, { 'deep.json': deep }), [
      readProblem('deep.json', '$[0]', 'nesting deeper than 64 levels'),
    ])
  })

  it('nesting 10,000 levels deep inside a record of the Lever envelope', async () => {
    const deep = `{"data": [{"fields": [], "opportunity_id": ${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}], "hasNext": false}`
    expectRefused(await importJson(db, { 'feedback.json': deep }), [
      readProblem('feedback.json', '$.data[0]', 'nesting deeper than 64 levels'),
    ])
  })

  it('a 5 MB string value', async () => {
    const huge = applicationWith(`"source": {"id": 1, "public_name": "${'x'.repeat(5_000_000)}"}`)
    expectRefused(await importJson(db, { 'applications.json': huge }), [
      readProblem('applications.json', '$[0]', 'a string longer than 1,000,000 characters'),
    ])
  })

  it('a 5 MB key', async () => {
    const huge = applicationWith(`"${'k'.repeat(5_000_000)}": 1`)
    expectRefused(await importJson(db, { 'applications.json': huge }), [
      readProblem('applications.json', '$[0]', 'a string longer than 1,000,000 characters'),
    ])
  })

  it('a string at the limit is read, then refused by the check of its field', async () => {
    const { stringLength } = JSON_LIMITS
    const atLimit = applicationWith(`"source": {"public_name": "${'x'.repeat(stringLength)}"}`)
    expectRefused(await importJson(db, { 'applications.json': atLimit }), [
      {
        file: 'applications.json',
        line: null,
        path: '$[0]',
        column: 'source',
        message: 'source is longer than 100 characters',
      },
    ])
    const over = applicationWith(`"source": {"public_name": "${'x'.repeat(stringLength + 1)}"}`)
    expectRefused(await importJson(db, { 'applications.json': over }), [
      readProblem('applications.json', '$[0]', 'a string longer than 1,000,000 characters'),
    ])
  })

  it('a record with 300,000 values', async () => {
    const wide = applicationWith(`"answers": [${Array<string>(300_000).fill('1').join(',')}]`)
    expectRefused(await importJson(db, { 'applications.json': wide }), [
      readProblem('applications.json', '$[0]', 'a record of more than 200,000 values'),
    ])
  })

  // The limit counts values (scalars, objects, arrays), not the parser's chunks and ends.
  it('a record of 100,000 values is within the 200,000-value limit', async () => {
    const wide = applicationWith(`"answers": [${Array<string>(100_000).fill('1').join(',')}]`)
    const report = await importJson(db, { 'applications.json': wide })
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('a scalar at the top, detected as JSON or not', async () => {
    // Without a [ or { first, the file is taken for a CSV file: its "header" is unknown.
    const detected = await importJson(db, { 'applications.json': '42' })
    expectRefused(detected, [
      expect.objectContaining({
        file: 'applications.json',
        line: 1,
        path: null,
        message: expect.stringContaining('Unrecognised header') as unknown,
      }),
    ])
    expect(detected.files).toEqual([
      { file: 'applications.json', format: 'canonical', kind: null, rows: 0 },
    ])
    for (const scalar of ['42', '"applications"', 'null', 'true']) {
      expectRefused(await importJson(db, { 'applications.json': scalar }, 'greenhouse'), [
        readProblem(
          'applications.json',
          '$',
          'expected a JSON array of records, or an object holding one',
        ),
      ])
    }
  })

  it('a truncated file, after some records were read and checked', async () => {
    const cut = APPLICATIONS.indexOf('"id": 69102004') + 10
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS.slice(0, cut),
    })
    expectRefused(report, [
      readProblem('applications.json', '$[3]', /^Cannot read the file: Parser /),
    ])
    expect(report.files[1]).toEqual({
      file: 'applications.json',
      format: 'greenhouse',
      kind: 'applications',
      rows: 3,
    })
  })

  it('a Lever envelope missing its closing brace, every record complete', async () => {
    const report = await importJson(db, {
      'applications.csv': leverApplicationsCsv(),
      'feedback.json': FEEDBACK.trimEnd().slice(0, -1),
    })
    expectRefused(report, [
      readProblem('feedback.json', '$.data[5]', /^Cannot read the file: Parser /),
    ])
    expect(report.files[1]).toMatchObject({ kind: 'feedback', rows: 6 })
  })

  it('two JSON documents in a row', async () => {
    expectRefused(
      await importJson(db, {
        'jobs.json': JOBS,
        'applications.json': `${APPLICATIONS}\n${APPLICATIONS}`,
      }),
      [readProblem('applications.json', '$', /^Cannot read the file: Parser /)],
    )
    // Two pages of a Lever export pasted together.
    const page = (hasNext: boolean) => `{"data": [], "hasNext": ${hasNext}}`
    expectRefused(await importJson(db, { 'feedback.json': `${page(true)}\n${page(false)}` }), [
      readProblem('feedback.json', '$', /^Cannot read the file: Parser /),
    ])
    expectRefused(await importJson(db, { 'applications.json': '[] []' }), [
      readProblem('applications.json', '$', /^Cannot read the file: Parser /),
    ])
  })

  it('an empty array or envelope: nothing to import, and nothing wrong', async () => {
    for (const empty of ['[]', '{"data": [], "hasNext": false}', ' \n[\n]\n']) {
      const report = await importJson(db, { 'applications.json': empty })
      expect(report.problems).toEqual([])
      expect(report.ok).toBe(true)
      expect(report.files).toEqual([
        { file: 'applications.json', format: null, kind: null, rows: 0 },
      ])
      const untouched = { insert: 0, update: 0, unchanged: 0, delete: 0 }
      expect(Object.values(report.changes!)).toEqual(Array<unknown>(7).fill(untouched))
      expect(snapshot(db)).toEqual(before)
    }
  })

  it('records of an unknown shape', async () => {
    expectRefused(await importJson(db, { 'export.json': '[{"foo": 1, "bar": [2]}]' }), [
      {
        file: 'export.json',
        line: null,
        path: '$[0]',
        column: null,
        message:
          'Unrecognised JSON records: expected Greenhouse Harvest applications, jobs, offers, candidates or scorecards, or Lever feedback',
      },
    ])
    expectRefused(await importJson(db, { 'export.json': '[1, 2, 3]' }), [
      expect.objectContaining({
        path: '$[0]',
        message: expect.stringMatching(/^Unrecognised/) as unknown,
      }),
    ])
    // An object whose arrays sit under no key that holds records.
    expectRefused(await importJson(db, { 'export.json': '{"rows": [{"id": 1}]}' }), [
      readProblem(
        'export.json',
        '$',
        'expected a JSON array of records, or an object holding one under "data"',
      ),
    ])
  })
})

describe('bytes that are not UTF-8 inside JSON strings', () => {
  it('are decoded as U+FFFD and refused by the check of a canonical field', async () => {
    const bytes = withInvalidByte(APPLICATIONS, 'This Week in Rust', 's')
    const report = await importJson(db, { 'jobs.json': JOBS, 'applications.json': bytes })
    expectRefused(report, [
      {
        file: 'applications.json',
        line: null,
        path: '$[4]',
        column: 'source',
        message:
          'source is not valid UTF-8 text (or holds the replacement character \uFFFD): save the file as UTF-8',
      },
    ])
  })

  it('in a rating note, are refused with the path of the attribute', async () => {
    const bytes = withInvalidByte(SCORECARDS, 'Would not rewrite', 'o')
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS,
      'scorecards.json': bytes,
    })
    expectRefused(report, [
      {
        file: 'scorecards.json',
        line: null,
        path: '$[0].attributes[3]',
        column: 'note',
        message:
          'note is not valid UTF-8 text (or holds the replacement character \uFFFD): save the file as UTF-8',
      },
    ])
  })

  it('in a Lever user id, are refused by the interviewer check', async () => {
    const bytes = withInvalidByte(FEEDBACK, 'a03f6d2e-7c91', '7')
    const report = await importJson(db, {
      'applications.csv': leverApplicationsCsv(),
      'feedback.json': bytes,
    })
    expect(report.ok).toBe(false)
    expect(report.problems.length).toBeGreaterThan(0)
    for (const problem of report.problems) {
      expect(problem).toMatchObject({
        file: 'feedback.json',
        column: 'interviewer',
        message: expect.stringContaining('is not valid UTF-8') as unknown,
      })
    }
    expect(snapshot(db)).toEqual(before)
  })

  it('in an attribute name, leave it unmapped and listed with U+FFFD', async () => {
    const bytes = withInvalidByte(SCORECARDS, 'Fearless concurrency', 'o')
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS,
      'scorecards.json': bytes,
    })
    expect(report.ok).toBe(true)
    expect(report.unmapped_attributes).toContainEqual({
      source: 'greenhouse',
      attribute: 'Fearless c\uFFFDncurrency',
      ratings: 5,
      file: 'scorecards.json',
      path: '$[0].attributes[1]',
    })
    expect(
      db.$client
        .prepare(
          `SELECT count(*) FROM scores s JOIN rubric_areas a ON a.id = s.area_id
            WHERE a.key = 'concurrency'`,
        )
        .pluck()
        .get(),
    ).toBe(0)
  })

  // A handle is made from the interviewer's name; bytes that were not UTF-8 must not vanish.
  it('in an interviewer name, are refused rather than dropped from the handle', async () => {
    const bytes = withInvalidByte(SCORECARDS, 'José Valim', 'é')
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS,
      'scorecards.json': bytes,
    })
    expect(report.ok).toBe(false)
    expect(db.$client.prepare('SELECT handle FROM interviewers').pluck().all()).not.toContain(
      'jos.valim',
    )
  })
})

describe('values that name members of Object.prototype', () => {
  const scorecardsWith = (change: (cards: JsonObject[]) => void) => {
    const cards = JSON.parse(SCORECARDS) as JsonObject[]
    change(cards)
    return JSON.stringify(cards)
  }
  const attribute = (cards: JsonObject[], card: number, index: number) =>
    (cards[card]!.attributes as JsonObject[])[index]!

  it('an unknown rating word is reported at the rating', async () => {
    const scorecards = scorecardsWith((cards) => {
      attribute(cards, 0, 3).rating = 'maybe'
    })
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS,
      'scorecards.json': scorecards,
    })
    expectRefused(report, [
      {
        file: 'scorecards.json',
        line: null,
        path: '$[0].attributes[3].rating',
        column: 'rating',
        message:
          'rating must be one of definitely_not, no, mixed, yes, strong_yes, no_decision (got "maybe")',
      },
    ])
  })

  // Rating words are looked up as own keys only: Object.prototype's names are not ratings.
  it('"constructor" as a rating is reported like any unknown word', async () => {
    const scorecards = scorecardsWith((cards) => {
      attribute(cards, 0, 2).rating = 'constructor'
    })
    const report = await importJson(db, {
      'jobs.json': JOBS,
      'applications.json': APPLICATIONS,
      'scorecards.json': scorecards,
    })
    expectRefused(report, [
      expect.objectContaining({
        path: '$[0].attributes[2].rating',
        message: expect.stringContaining('(got "constructor")') as unknown,
      }),
    ])
  })

  // As JSON.parse: a "__proto__" key is an own property, never the record's prototype.
  it('a "__proto__" key is an ordinary key, as JSON.parse makes it', async () => {
    const records = applications()
    delete records[1]!.status
    const text = JSON.stringify(records).replace(
      '"id":69102002,',
      '"id":69102002,"__proto__":{"status":"hired"},',
    )
    expect(text).toContain('__proto__')
    const report = await importJson(db, { 'jobs.json': JOBS, 'applications.json': text })
    expectRefused(report, [
      expect.objectContaining({
        path: '$[1]',
        column: 'decision',
        message: 'decision is required',
      }),
    ])
  })
})

describe('records of an unexpected shape are refused with their JSONPath, never dropped', () => {
  const OFFERS = fixture('greenhouse/offers.json')
  const CANDIDATES = fixture('greenhouse/candidates.json')
  const offers = () => JSON.parse(OFFERS) as JsonObject[]
  const greenhouse = (changed: Record<string, string>) =>
    importJson(db, {
      'jobs.json': JOBS,
      'candidates.json': CANDIDATES,
      'offers.json': OFFERS,
      'applications.json': APPLICATIONS,
      ...changed,
    })

  it('a scorecard whose attributes are "all" rather than an array', async () => {
    const scorecards = JSON.parse(SCORECARDS) as JsonObject[]
    scorecards[2]!.attributes = 'all'
    scorecards[3]!.attributes = [7, { name: 'Rust ownership', rating: 'yes' }]
    const report = await greenhouse({ 'scorecards.json': JSON.stringify(scorecards) })
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'scorecards.json',
          line: null,
          path: '$[2].attributes',
          column: 'rating',
          message: 'attributes must be an array of attribute ratings (got a string)',
        },
        {
          file: 'scorecards.json',
          line: null,
          path: '$[3].attributes[0]',
          column: 'rating',
          message: 'an attribute must be an object with a name and a rating (got a number)',
        },
      ]),
    )
    expect(snapshot(db)).toEqual(before)
  })

  it('an offer salary of {"value": [1, 2]}, and "$1,0,0" with misplaced separators', async () => {
    const changed = offers()
    changed[1]!.custom_fields = { salary: { value: [1, 2] } }
    changed[2]!.custom_fields = { salary: '$1,0,0' }
    delete changed[2]!.keyed_custom_fields
    const report = await greenhouse({ 'offers.json': JSON.stringify(changed) })
    expectRefused(report, [
      {
        file: 'applications.json',
        line: null,
        path: '$[0]',
        column: 'offer_salary',
        message: "the offer salary's value must be a number or text (got an array)",
      },
      {
        file: 'applications.json',
        line: null,
        path: '$[1]',
        column: 'offer_salary',
        message: 'the offer salary "$1,0,0" is not an amount: write it as 150000 or 150,000',
      },
    ])
  })

  it('offers.json alone, and an offer for an application the import does not have', async () => {
    expectRefused(await importJson(db, { 'offers.json': OFFERS }), [
      {
        file: 'offers.json',
        line: null,
        path: '$',
        column: null,
        message:
          'Greenhouse offers are read with the applications they belong to: import this file together with the Greenhouse applications export',
      },
    ])
    const stray = offers()
    stray[0]!.application_id = 99
    const report = await greenhouse({ 'offers.json': JSON.stringify(stray) })
    expectRefused(report, [
      {
        file: 'offers.json',
        line: null,
        path: '$[0].application_id',
        column: 'offer_salary',
        message:
          'the offer is for application 99, which is in no Greenhouse applications file of this import: its salary and dates would be lost',
      },
    ])
  })

  it('Lever feedback whose fields are not an array of objects', async () => {
    const feedback = JSON.parse(FEEDBACK) as { data: JsonObject[] }
    feedback.data[1]!.fields = 'all'
    feedback.data[2]!.fields = ['3 - Hire']
    const report = await importJson(db, {
      'applications.csv': leverApplicationsCsv(),
      'feedback.json': JSON.stringify(feedback),
    })
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'feedback.json',
          line: null,
          path: '$.data[1].fields',
          column: 'rating',
          message: 'fields must be an array of feedback fields (got a string)',
        },
        {
          file: 'feedback.json',
          line: null,
          path: '$.data[2].fields[0]',
          column: 'rating',
          message: 'a field must be an object with a type, a text and a value (got a string)',
        },
      ]),
    )
  })
})
