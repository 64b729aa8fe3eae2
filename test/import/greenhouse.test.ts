import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { saveMappings } from '../../api/settings/attribute-mappings'
import { sqliteStore } from '../../db/store'
import { importFiles, type ImportReport } from '../../api/import/import-files'
import type { ChangeSummary } from '../../api/import/import-session'
import type { ImportSource } from '../../api/import/row-checks'
import { createTestApp } from '../helpers/app'
import { createTestDatabase, snapshot } from '../helpers/database'

const FIXTURES = fileURLToPath(new URL('../fixtures/greenhouse/', import.meta.url))

// Scorecards first and jobs last: the importer must not depend on the order of the files.
const FILES = ['scorecards', 'candidates', 'offers', 'applications', 'jobs'] as const

/** The five Harvest exports as streams, as the CLI and the upload route give them. */
function greenhouseSources(highWaterMark?: number): ImportSource[] {
  return FILES.map((name) => ({
    name: `${name}.json`,
    stream: createReadStream(`${FIXTURES}${name}.json`, highWaterMark ? { highWaterMark } : {}),
  }))
}

const importGreenhouse = (db: Db, { dryRun = false, highWaterMark = 0 } = {}) =>
  importFiles(db, greenhouseSources(highWaterMark || undefined), { dryRun })

function all(db: Db, sql: string): unknown[] {
  return db.$client.prepare(sql).all()
}

/** Every stored rating as application, interviewer, area key and rating, in a stable order. */
function storedRatings(db: Db): unknown[] {
  return all(
    db,
    `SELECT s.application_id AS application, i.handle AS interviewer, a.key AS area, s.rating
       FROM scores s
       JOIN rubric_areas a ON a.id = s.area_id
       JOIN interviewers i ON i.id = s.interviewer_id
      ORDER BY s.application_id, i.handle, a.position`,
  )
}

/** The mappings a talent lead would save after reading the first report. */
async function saveGreenhouseMappings(db: Db): Promise<void> {
  await saveMappings(
    sqliteStore(db),
    'rust',
    [
      { source: 'greenhouse', attribute: 'Rust ownership', area: 'ownership' },
      { source: 'greenhouse', attribute: 'Problem Solving', area: 'judgment' },
      { source: 'greenhouse', attribute: 'Overall recommendation', area: null },
    ],
    { command: 'test' },
    new Date(),
  )
}

const count = (insert: number, update = 0, unchanged = 0, remove = 0) => ({
  insert,
  update,
  unchanged,
  delete: remove,
})

const FIRST_IMPORT: ChangeSummary = {
  requisitions: count(3),
  candidates: count(7),
  applications: count(8),
  offers: count(4),
  employments: count(2),
  interviewers: count(3),
  scores: count(10),
}

/** Ratings with only the attributes that map by name: "Fearless concurrency" and "Judgment". */
const RATINGS_BEFORE_MAPPING = [
  { application: '69102001', interviewer: 'jose.valim', area: 'concurrency', rating: 4 },
  { application: '69102001', interviewer: 'niklaus.wirth', area: 'concurrency', rating: 3 },
  { application: '69102001', interviewer: 'niklaus.wirth', area: 'judgment', rating: 3 },
  { application: '69102002', interviewer: 'niklaus.wirth', area: 'concurrency', rating: 2.5 },
  { application: '69102002', interviewer: 'niklaus.wirth', area: 'judgment', rating: 4 },
  { application: '69102003', interviewer: 'tony.hoare', area: 'concurrency', rating: 1 },
  { application: '69102003', interviewer: 'tony.hoare', area: 'judgment', rating: 2 },
  { application: '69102004', interviewer: 'tony.hoare', area: 'concurrency', rating: 3 },
  { application: '69102004', interviewer: 'tony.hoare', area: 'judgment', rating: 2.5 },
  { application: '69102006', interviewer: 'niklaus.wirth', area: 'judgment', rating: 1 },
]

/** With "Rust ownership" → ownership and "Problem Solving" → judgment (averaged with Judgment). */
const RATINGS_AFTER_MAPPING = [
  // Scorecard 30010002: Judgment is no_decision, so Problem Solving (mixed) alone is judgment.
  { application: '69102001', interviewer: 'jose.valim', area: 'concurrency', rating: 4 },
  { application: '69102001', interviewer: 'jose.valim', area: 'judgment', rating: 2.5 },
  { application: '69102001', interviewer: 'niklaus.wirth', area: 'ownership', rating: 4 },
  { application: '69102001', interviewer: 'niklaus.wirth', area: 'concurrency', rating: 3 },
  // Judgment yes (3) and Problem Solving strong_yes (4): one rating of 3.5.
  { application: '69102001', interviewer: 'niklaus.wirth', area: 'judgment', rating: 3.5 },
  { application: '69102002', interviewer: 'niklaus.wirth', area: 'ownership', rating: 3 },
  { application: '69102002', interviewer: 'niklaus.wirth', area: 'concurrency', rating: 2.5 },
  // Judgment strong_yes (4) and Problem Solving yes (3).
  { application: '69102002', interviewer: 'niklaus.wirth', area: 'judgment', rating: 3.5 },
  { application: '69102003', interviewer: 'tony.hoare', area: 'ownership', rating: 2 },
  { application: '69102003', interviewer: 'tony.hoare', area: 'concurrency', rating: 1 },
  // Problem Solving is no_decision here: Judgment (no) stands alone.
  { application: '69102003', interviewer: 'tony.hoare', area: 'judgment', rating: 2 },
  { application: '69102004', interviewer: 'tony.hoare', area: 'ownership', rating: 3 },
  { application: '69102004', interviewer: 'tony.hoare', area: 'concurrency', rating: 3 },
  { application: '69102004', interviewer: 'tony.hoare', area: 'judgment', rating: 2.5 },
  // Scorecard 30010006: Fearless concurrency is no_decision, Problem Solving yes.
  { application: '69102005', interviewer: 'jose.valim', area: 'judgment', rating: 3 },
  { application: '69102006', interviewer: 'niklaus.wirth', area: 'ownership', rating: 2.5 },
  { application: '69102006', interviewer: 'niklaus.wirth', area: 'judgment', rating: 1 },
]

function expectClean(report: ImportReport): void {
  expect(report.problems).toEqual([])
  expect(report.problem_count).toBe(0)
  expect(report.ok).toBe(true)
}

interface ValidityBody {
  as_of: string
  n_applications: number
  n_hires: number
  areas: { key: string; n_pool: number }[]
}

describe('Greenhouse Harvest export, end to end', () => {
  let db: Db
  beforeEach(() => {
    db = createTestDatabase()
  })

  it('detects the kind of each file from its first record', async () => {
    const report = await importGreenhouse(db)
    expectClean(report)
    expect(report.files).toEqual([
      { file: 'scorecards.json', format: 'greenhouse', kind: 'scorecards', rows: 7 },
      { file: 'candidates.json', format: 'greenhouse', kind: 'candidates', rows: 7 },
      { file: 'offers.json', format: 'greenhouse', kind: 'offers', rows: 5 },
      { file: 'applications.json', format: 'greenhouse', kind: 'applications', rows: 8 },
      { file: 'jobs.json', format: 'greenhouse', kind: 'jobs', rows: 3 },
    ])
    expect(report.written).toBe(true)
    expect(report.changes).toEqual(FIRST_IMPORT)
  })

  it('stores the applications with their candidates, decisions, sources and locations', async () => {
    expectClean(await importGreenhouse(db))
    expect(
      all(
        db,
        `SELECT a.id, a.candidate_id, c.name, a.requisition_id, a.applied_at, a.decision,
                a.source, a.metro
           FROM applications a JOIN candidates c ON c.id = a.candidate_id ORDER BY a.id`,
      ),
    ).toEqual([
      {
        id: '69102001',
        candidate_id: '53883001',
        name: 'Ada Lovelace',
        requisition_id: '4012001',
        applied_at: '2025-02-03',
        decision: 'hired',
        source: 'LinkedIn',
        metro: 'Berlin, Germany',
      },
      {
        id: '69102002',
        candidate_id: '53883002',
        name: 'Alan Turing',
        requisition_id: '4012002',
        applied_at: '2025-02-10',
        decision: 'hired',
        source: 'Referral',
        metro: 'London, United Kingdom',
      },
      {
        id: '69102003',
        candidate_id: '53883003',
        name: 'Edsger Dijkstra',
        requisition_id: '4012001',
        applied_at: '2025-02-11',
        decision: 'rejected',
        source: 'Company Website',
        metro: 'Amsterdam, Netherlands',
      },
      // Rejection reason of type "They rejected us": the candidate withdrew.
      {
        id: '69102004',
        candidate_id: '53883004',
        name: 'Frances Allen',
        requisition_id: '4012002',
        applied_at: '2025-02-12',
        decision: 'withdrew',
        source: 'LinkedIn',
        metro: 'Paris, France',
      },
      {
        id: '69102005',
        candidate_id: '53883005',
        name: 'Margaret Hamilton',
        requisition_id: '4012003',
        applied_at: '2025-03-01',
        decision: 'pending',
        source: 'This Week in Rust',
        metro: 'Remote',
      },
      // The same candidate's second application, to another job.
      {
        id: '69102006',
        candidate_id: '53883003',
        name: 'Edsger Dijkstra',
        requisition_id: '4012003',
        applied_at: '2025-03-05',
        decision: 'rejected',
        source: 'Company Website',
        metro: 'Amsterdam, Netherlands',
      },
      {
        id: '69102007',
        candidate_id: '53883006',
        name: 'Ken Thompson',
        requisition_id: '4012002',
        applied_at: '2025-03-06',
        decision: 'pending',
        source: 'Referral',
        metro: 'Berlin, Germany',
      },
      // "location": null: no metro.
      {
        id: '69102008',
        candidate_id: '53883007',
        name: 'Radia Perlman',
        requisition_id: '4012001',
        applied_at: '2025-03-10',
        decision: 'rejected',
        source: 'LinkedIn',
        metro: null,
      },
    ])
    expect(all(db, 'SELECT id FROM candidates ORDER BY id')).toHaveLength(7)
  })

  it('takes each requisition from its job: level, hire type, title and opening date', async () => {
    expectClean(await importGreenhouse(db))
    expect(
      all(db, 'SELECT id, title, level, hire_type, opened_at FROM requisitions ORDER BY id'),
    ).toEqual([
      // Level from the custom field "level" ("Mid"), employment type "Full-time".
      {
        id: '4012001',
        title: 'Rust Engineer',
        level: 'mid',
        hire_type: 'direct',
        opened_at: '2025-01-06',
      },
      // Level from the name; the custom fields are null and keyed_custom_fields holds the type.
      {
        id: '4012002',
        title: 'Senior Rust Engineer, Payments',
        level: 'senior',
        hire_type: 'direct',
        opened_at: '2025-01-14',
      },
      {
        id: '4012003',
        title: 'Staff Rust Engineer, Developer Tooling',
        level: 'staff',
        hire_type: 'contract_to_hire',
        opened_at: '2025-02-17',
      },
    ])
  })

  it('stores offers from both salary shapes, with the accepted date and the start date', async () => {
    expectClean(await importGreenhouse(db))
    expect(
      all(db, 'SELECT application_id, salary, currency, accepted_at FROM offers ORDER BY 1'),
    ).toEqual([
      // "$165,000" as text, from the accepted version 2 (version 1 said "$160,000").
      { application_id: '69102001', salary: 165000, currency: 'USD', accepted_at: '2025-03-04' },
      // keyed_custom_fields.salary.value = {value: 172000, currency: "USD"}
      { application_id: '69102002', salary: 172000, currency: 'USD', accepted_at: '2025-03-20' },
      // Declined ("rejected") offer: a salary but no acceptance; {value, unit} shape.
      { application_id: '69102004', salary: 168000, currency: 'USD', accepted_at: null },
      // Unresolved offer: custom_fields.salary = {value: 158000, currency: "USD"}.
      { application_id: '69102007', salary: 158000, currency: 'USD', accepted_at: null },
    ])
    expect(
      all(db, 'SELECT application_id, start_date, end_date, departure FROM employments ORDER BY 1'),
    ).toEqual([
      { application_id: '69102001', start_date: '2025-04-07', end_date: null, departure: null },
      { application_id: '69102002', start_date: '2025-05-05', end_date: null, departure: null },
    ])
  })

  it('lists the attributes that map to no area with their rating counts, and imports the rest', async () => {
    const report = await importGreenhouse(db)
    expectClean(report)
    expect(report.written).toBe(true)
    // Ratings of no_decision are not counted: Problem Solving has one on scorecard 30010004,
    // and scorecard 30010005's overall recommendation is no_decision.
    expect(report.unmapped_attributes).toEqual([
      {
        source: 'greenhouse',
        attribute: 'Rust ownership',
        ratings: 5,
        file: 'scorecards.json',
        path: '$[0].attributes[0]',
      },
      {
        source: 'greenhouse',
        attribute: 'Problem Solving',
        ratings: 4,
        file: 'scorecards.json',
        path: '$[0].attributes[2]',
      },
      {
        source: 'greenhouse',
        attribute: 'Overall recommendation',
        ratings: 6,
        file: 'scorecards.json',
        path: '$[0].overall_recommendation',
      },
    ])
    // "Fearless concurrency" matches an area's name and "Judgment" an area's key.
    expect(storedRatings(db)).toEqual(RATINGS_BEFORE_MAPPING)
  })

  it('after the mappings are saved, a re-import lists none and stores the mapped ratings', async () => {
    expectClean(await importGreenhouse(db))
    await saveGreenhouseMappings(db)

    const report = await importGreenhouse(db)
    expectClean(report)
    expect(report.unmapped_attributes).toEqual([])
    // Five ownership ratings and two judgment ratings that only Problem Solving gave are new;
    // two judgment ratings change from Judgment alone to its mean with Problem Solving.
    expect(report.changes?.scores).toEqual(count(7, 2, 8))
    expect(report.changes?.applications).toEqual(count(0, 0, 8))
    expect(storedRatings(db)).toEqual(RATINGS_AFTER_MAPPING)
  })

  it('averages two attributes mapped to one area into one rating, with both notes', async () => {
    await saveGreenhouseMappings(db)
    expectClean(await importGreenhouse(db))
    const judgment = all(
      db,
      `SELECT s.rating, s.note FROM scores s
         JOIN rubric_areas a ON a.id = s.area_id
         JOIN interviewers i ON i.id = s.interviewer_id
        WHERE s.application_id = '69102001' AND a.key = 'judgment' AND i.handle = 'niklaus.wirth'`,
    )
    expect(judgment).toEqual([
      {
        rating: 3.5,
        note: 'Narrowed the bug quickly.\nWould not rewrite the Python ETL.',
      },
    ])
    // What analytics read: per application and area, the sum and count over interviewers.
    expect(
      all(
        db,
        `SELECT a.key, x.rating_sum, x.ratings FROM application_area_scores x
           JOIN rubric_areas a ON a.id = x.area_id
          WHERE x.application_id = '69102001' ORDER BY a.position`,
      ),
    ).toEqual([
      { key: 'ownership', rating_sum: 4, ratings: 1 },
      { key: 'concurrency', rating_sum: 7, ratings: 2 },
      { key: 'judgment', rating_sum: 6, ratings: 2 },
    ])
  })

  it('names a rating after the attribute when it is one of several mapped to its area', async () => {
    await saveGreenhouseMappings(db)
    expectClean(await importGreenhouse(db))
    const questionOf = (application: string, interviewer: string, area: string) =>
      (
        all(
          db,
          `SELECT s.question FROM scores s
             JOIN rubric_areas a ON a.id = s.area_id
             JOIN interviewers i ON i.id = s.interviewer_id
            WHERE s.application_id = '${application}' AND a.key = '${area}'
              AND i.handle = '${interviewer}'`,
        )[0] as { question: string | null }
      ).question
    // "Rust ownership" and "Problem Solving" are mapped onto areas named otherwise.
    expect(questionOf('69102001', 'niklaus.wirth', 'ownership')).toBe('Rust ownership')
    expect(questionOf('69102001', 'jose.valim', 'judgment')).toBe('Problem Solving')
    // Averaged with the "Judgment" attribute, the area itself: the rating answers no one question.
    expect(questionOf('69102001', 'niklaus.wirth', 'judgment')).toBeNull()
    // "Fearless concurrency" is the area's own name.
    expect(questionOf('69102001', 'niklaus.wirth', 'concurrency')).toBeNull()
  })

  it('gives no rating for no_decision', async () => {
    await saveGreenhouseMappings(db)
    expectClean(await importGreenhouse(db))
    // Scorecard 30010006 (69102005): concurrency no_decision, overall mixed (ignored).
    expect(
      all(
        db,
        `SELECT a.key FROM scores s JOIN rubric_areas a ON a.id = s.area_id
          WHERE s.application_id = '69102005'`,
      ),
    ).toEqual([{ key: 'judgment' }])
    // Scorecard 30010002: Judgment no_decision, so only Problem Solving's 2.5 — not a mean
    // with a 0 or a null.
    expect(
      all(
        db,
        `SELECT s.rating FROM scores s
           JOIN rubric_areas a ON a.id = s.area_id
           JOIN interviewers i ON i.id = s.interviewer_id
          WHERE s.application_id = '69102001' AND a.key = 'judgment' AND i.handle = 'jose.valim'`,
      ),
    ).toEqual([{ rating: 2.5 }])
  })

  it('analytics on the import count the applications and the ratings of each area', async () => {
    expectClean(await importGreenhouse(db))
    const { app } = createTestApp(db)
    const validity = async (asOf: string) => {
      const response = await app.request(`/api/analytics/validity?as_of=${asOf}`)
      expect(response.status).toBe(200)
      return (await response.json()) as ValidityBody
    }
    const pools = (body: ValidityBody) =>
      Object.fromEntries(body.areas.map((area) => [area.key, area.n_pool]))

    const before = await validity('2026-03-31')
    expect(before.n_applications).toBe(8)
    expect(before.n_hires).toBe(2)
    expect(pools(before)).toEqual({
      ownership: 0,
      concurrency: 4,
      unsafe_ffi: 0,
      traits_errors: 0,
      judgment: 5,
    })

    await saveGreenhouseMappings(db)
    expectClean(await importGreenhouse(db))
    const after = await validity('2026-03-31')
    expect(after.n_applications).toBe(8)
    expect(pools(after)).toEqual({
      ownership: 5,
      concurrency: 4,
      unsafe_ffi: 0,
      traits_errors: 0,
      judgment: 6,
    })

    // Only what had applied by as_of: 69102007 and 69102008 came later.
    const earlier = await validity('2025-03-05')
    expect(earlier.n_applications).toBe(6)
    expect(pools(earlier)).toEqual({
      ownership: 5,
      concurrency: 4,
      unsafe_ffi: 0,
      traits_errors: 0,
      judgment: 6,
    })
  })

  it('a dry run writes nothing and reports what it would insert', async () => {
    const before = snapshot(db)
    const report = await importGreenhouse(db, { dryRun: true })
    expectClean(report)
    expect(report.dry_run).toBe(true)
    expect(report.written).toBe(false)
    expect(report.changes).toEqual(FIRST_IMPORT)
    expect(report.unmapped_attributes.map((entry) => entry.attribute)).toEqual([
      'Rust ownership',
      'Problem Solving',
      'Overall recommendation',
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('a second identical import changes nothing', async () => {
    expectClean(await importGreenhouse(db))
    const before = snapshot(db)
    const report = await importGreenhouse(db)
    expectClean(report)
    expect(report.changes).toEqual({
      requisitions: count(0, 0, 3),
      candidates: count(0, 0, 7),
      applications: count(0, 0, 8),
      offers: count(0, 0, 4),
      employments: count(0, 0, 2),
      interviewers: count(0, 0, 3),
      scores: count(0, 0, 10),
    })
    // Not even the data version moves.
    expect(snapshot(db)).toEqual(before)
  })

  it('reads the files the same when they arrive a few bytes at a time', async () => {
    // 7-byte chunks split "José" (two bytes for é) and every token across chunk boundaries.
    const report = await importGreenhouse(db, { highWaterMark: 7 })
    expectClean(report)
    expect(report.changes).toEqual(FIRST_IMPORT)
    expect(storedRatings(db)).toEqual(RATINGS_BEFORE_MAPPING)
    expect(all(db, 'SELECT handle FROM interviewers ORDER BY handle')).toEqual([
      { handle: 'jose.valim' },
      { handle: 'niklaus.wirth' },
      { handle: 'tony.hoare' },
    ])
  })
})
