import { createReadStream, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { saveMappings } from '../../api/settings/attribute-mappings'
import { sqliteStore } from '../../db/store'
import { importFiles, type ImportOptions } from '../../api/import/import-files'
import type { ImportSource } from '../../api/import/row-checks'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'
import { createTestDatabase, importTexts, snapshot } from '../helpers/database'

const FEEDBACK_FILE = fileURLToPath(new URL('../fixtures/lever/feedback.json', import.meta.url))

/** Lever opportunity ids of the fixture, which are the application ids here. */
const OPPORTUNITY = {
  ada: '2f1c9e47-5b0a-4c1e-9d3a-7e8b6f5a4c21',
  alan: '8d3b2a10-6c4f-4e7a-b1d2-3f9e0a7c5b64',
  edsger: 'c5a7e2d9-1f3b-4a6c-8e0d-9b2f4c6a8e13',
  frances: 'e9f0a1b2-3c4d-4e5f-9a6b-7c8d9e0f1a2b',
  margaret: '41d7c6b5-a4e3-4f2d-8c1b-0a9f8e7d6c5b',
} as const
type Candidate = keyof typeof OPPORTUNITY

const NIKLAUS = 'lever-5e2a9c71-0b4d-4f8e-a6c3-d1e7f9b2a480'
const BARBARA = 'lever-a03f6d2e-7c91-4b5a-8e4f-62d0c7b1e935'

/** The canonical applications.csv of the opportunities the feedback is about. */
function applicationsCsv(
  candidates: readonly Candidate[] = Object.keys(OPPORTUNITY) as Candidate[],
) {
  return csv(
    APPLICATION_HEADER,
    candidates.map((candidate, index) =>
      applicationRow({
        application_id: OPPORTUNITY[candidate],
        candidate_id: `CAND-${candidate}`,
        candidate_name: candidate,
        applied_at: `2025-02-0${index + 1}`,
      }),
    ),
  )
}

interface LeverField {
  type: string
  text: string
  value: unknown
}
interface LeverEnvelope {
  data: { opportunity_id: string; fields: LeverField[] }[]
  hasNext: boolean
}

/** The fixture parsed, to be changed by a test and imported as bytes. */
const feedbackFixture = () => JSON.parse(readFileSync(FEEDBACK_FILE, 'utf8')) as LeverEnvelope

const feedbackStream = (): ImportSource => ({
  name: 'feedback.json',
  stream: createReadStream(FEEDBACK_FILE),
})

const importFeedback = (db: Db, options: Partial<ImportOptions> = {}) =>
  importFiles(db, [feedbackStream()], { dryRun: false, ...options })

function storedRatings(db: Db): unknown[] {
  return db.$client
    .prepare(
      `SELECT s.application_id AS application, i.handle AS interviewer, a.key AS area, s.rating
         FROM scores s
         JOIN rubric_areas a ON a.id = s.area_id
         JOIN interviewers i ON i.id = s.interviewer_id
        ORDER BY s.application_id, i.handle, a.position`,
    )
    .all()
}

const rating = (candidate: Candidate, interviewer: string, area: string, value: number) => ({
  application: OPPORTUNITY[candidate],
  interviewer,
  area,
  rating: value,
})

/** Score-system fields as they are ("3 - Hire" → 3), yes-no as 4 or 1; "Rating" is unmapped. */
const EXPECTED_RATINGS = [
  rating('ada', NIKLAUS, 'ownership', 4),
  rating('ada', NIKLAUS, 'concurrency', 3),
  rating('ada', NIKLAUS, 'unsafe_ffi', 4),
  rating('ada', NIKLAUS, 'judgment', 4),
  rating('ada', BARBARA, 'ownership', 3),
  rating('ada', BARBARA, 'concurrency', 4),
  rating('ada', BARBARA, 'unsafe_ffi', 1),
  rating('ada', BARBARA, 'judgment', 4),
  // $.data[4]: ownership and unsafe & FFI left empty (null).
  rating('margaret', NIKLAUS, 'concurrency', 3),
  rating('margaret', NIKLAUS, 'judgment', 4),
  rating('alan', NIKLAUS, 'ownership', 3),
  rating('alan', NIKLAUS, 'concurrency', 2),
  rating('alan', NIKLAUS, 'unsafe_ffi', 4),
  rating('alan', NIKLAUS, 'judgment', 1),
  rating('edsger', BARBARA, 'ownership', 1),
  rating('edsger', BARBARA, 'concurrency', 2),
  rating('edsger', BARBARA, 'unsafe_ffi', 1),
  rating('edsger', BARBARA, 'judgment', 1),
  rating('frances', NIKLAUS, 'ownership', 2),
  rating('frances', NIKLAUS, 'concurrency', 3),
  rating('frances', NIKLAUS, 'unsafe_ffi', 4),
  rating('frances', NIKLAUS, 'judgment', 1),
]

describe('Lever feedback, end to end', () => {
  let db: Db
  beforeEach(() => {
    db = createTestDatabase()
  })

  async function importApplications(candidates?: readonly Candidate[]) {
    const report = await importTexts(db, { 'applications.csv': applicationsCsv(candidates) })
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
  }

  /** Saves the mapping of Lever's "Rating" field onto a rubric area, as a talent lead would. */
  const mapRatingTo = (area: string) =>
    saveMappings(
      sqliteStore(db),
      'rust',
      [{ source: 'lever', attribute: 'Rating', area }],
      { command: 'test' },
      new Date(),
    )

  it('reads the feedback inside the {"data": [...], "hasNext": false} envelope', async () => {
    await importApplications()
    const report = await importFeedback(db)
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.files).toEqual([
      { file: 'feedback.json', format: 'lever', kind: 'feedback', rows: 6 },
    ])
    expect(report.changes?.scores).toEqual({ insert: 22, update: 0, unchanged: 0, delete: 0 })
    expect(report.changes?.interviewers).toEqual({ insert: 2, update: 0, unchanged: 0, delete: 0 })
    expect(report.changes?.applications).toEqual({ insert: 0, update: 0, unchanged: 0, delete: 0 })
  })

  it('converts score-system values as they are and yes-no answers to 4 or 1', async () => {
    await importApplications()
    expect((await importFeedback(db)).ok).toBe(true)
    expect(storedRatings(db)).toEqual(EXPECTED_RATINGS)
  })

  it('dates each rating by completedAt (ms since 1970)', async () => {
    await importApplications()
    expect((await importFeedback(db)).ok).toBe(true)
    expect(
      db.$client
        .prepare(
          `SELECT DISTINCT s.application_id AS application, i.handle AS interviewer, s.interviewed_at
             FROM scores s JOIN interviewers i ON i.id = s.interviewer_id
            ORDER BY 1, 2`,
        )
        .all(),
    ).toEqual([
      { application: OPPORTUNITY.ada, interviewer: NIKLAUS, interviewed_at: '2025-02-17' },
      { application: OPPORTUNITY.ada, interviewer: BARBARA, interviewed_at: '2025-02-18' },
      { application: OPPORTUNITY.margaret, interviewer: NIKLAUS, interviewed_at: '2025-03-12' },
      { application: OPPORTUNITY.alan, interviewer: NIKLAUS, interviewed_at: '2025-02-24' },
      { application: OPPORTUNITY.edsger, interviewer: BARBARA, interviewed_at: '2025-02-20' },
      { application: OPPORTUNITY.frances, interviewer: NIKLAUS, interviewed_at: '2025-02-27' },
    ])
  })

  it('ignores text fields: neither ratings, notes nor unmapped attributes', async () => {
    await importApplications()
    const report = await importFeedback(db)
    expect(report.ok).toBe(true)
    // Only the score-system "Rating", which names no area; not "Notes" or "Key take-aways".
    expect(report.unmapped_attributes).toEqual([
      {
        source: 'lever',
        attribute: 'Rating',
        ratings: 6,
        file: 'feedback.json',
        path: '$.data[0].fields[0]',
      },
    ])
    expect(db.$client.prepare('SELECT note FROM scores WHERE note IS NOT NULL').all()).toEqual([])
  })

  it('a mapping for the unmapped score field takes it in on the next import', async () => {
    await importApplications()
    expect((await importFeedback(db)).ok).toBe(true)
    await mapRatingTo('traits_errors')
    const report = await importFeedback(db)
    expect(report.ok).toBe(true)
    expect(report.unmapped_attributes).toEqual([])
    expect(report.changes?.scores).toEqual({ insert: 6, update: 0, unchanged: 22, delete: 0 })
    const traits = db.$client
      .prepare(
        `SELECT s.rating FROM scores s JOIN rubric_areas a ON a.id = s.area_id
          WHERE a.key = 'traits_errors' ORDER BY s.application_id, s.interviewer_id`,
      )
      .pluck()
      .all()
    // "4 - Strong Hire", 3, "3 - Hire", "3 - Hire", "1 - Strong No Hire", 2 in file order.
    expect(traits.sort()).toEqual([1, 2, 3, 3, 3, 4])
  })

  it('names a rating after its field when the field is mapped onto an area named otherwise', async () => {
    await importApplications()
    const questions = (area: string) =>
      db.$client
        .prepare(
          `SELECT DISTINCT s.question FROM scores s JOIN rubric_areas a ON a.id = s.area_id
            WHERE a.key = ?`,
        )
        .pluck()
        .all(area)
    await mapRatingTo('traits_errors')
    expect((await importFeedback(db)).ok).toBe(true)
    expect(questions('traits_errors')).toEqual(['Rating'])
    // "Fearless concurrency" is the area's own name: the rating is the area's, no one question.
    expect(questions('concurrency')).toEqual([null])
  })

  it('averages two fields mapped onto one area into a rating that answers no one question', async () => {
    await importApplications()
    await mapRatingTo('judgment')
    expect((await importFeedback(db)).ok).toBe(true)
    const judgment = db.$client
      .prepare(
        `SELECT s.rating, s.question FROM scores s
           JOIN rubric_areas a ON a.id = s.area_id
           JOIN interviewers i ON i.id = s.interviewer_id
          WHERE a.key = 'judgment' AND s.application_id = ? AND i.handle = ?`,
      )
      .get(OPPORTUNITY.ada, BARBARA) as { rating: number; question: string | null }
    // "Rating" 3 ("3 - Hire") and "Judgment" yes (4), averaged.
    expect(judgment).toEqual({ rating: 3.5, question: null })
  })

  it('reports feedback on an unknown opportunity with its JSONPath and writes nothing', async () => {
    // Margaret's application is missing: $.data[4] is the only feedback about her.
    await importApplications(['ada', 'alan', 'edsger', 'frances'])
    const before = snapshot(db)
    const report = await importFeedback(db)
    expect(report.ok).toBe(false)
    expect(report.written).toBe(false)
    expect(report.changes).toBeNull()
    expect(report.problems).toEqual([
      {
        file: 'feedback.json',
        line: null,
        path: '$.data[4]',
        column: 'application_id',
        message: `application ${OPPORTUNITY.margaret} is neither in an applications file of this import nor in the database`,
      },
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('reports a score-system value of 7 as outside 1–4, with the path of its field', async () => {
    await importApplications()
    const before = snapshot(db)
    const feedback = feedbackFixture()
    const concurrency = feedback.data[1]!.fields[2]!
    expect(concurrency).toMatchObject({ type: 'score-system', text: 'Fearless concurrency' })
    concurrency.value = 7
    const report = await importTexts(db, { 'feedback.json': JSON.stringify(feedback) })
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual([
      {
        file: 'feedback.json',
        line: null,
        path: '$.data[1].fields[2]',
        column: 'rating',
        message: 'rating must be a number from 1 to 4 (got "7")',
      },
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('reports a score-system value that is no score, and a yes-no value that is neither', async () => {
    await importApplications()
    const before = snapshot(db)
    const feedback = feedbackFixture()
    feedback.data[2]!.fields[1]!.value = 'Strong Hire'
    feedback.data[3]!.fields[3]!.value = 'maybe'
    const report = await importTexts(db, { 'feedback.json': JSON.stringify(feedback) })
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual([
      {
        file: 'feedback.json',
        line: null,
        path: '$.data[2].fields[1].value',
        column: 'rating',
        message: 'a score-system value must be a score from 1 to 4 (got "Strong Hire")',
      },
      {
        file: 'feedback.json',
        line: null,
        path: '$.data[3].fields[3].value',
        column: 'rating',
        message: 'a yes-no value must be "yes" or "no" (got "maybe")',
      },
    ])
    expect(snapshot(db)).toEqual(before)
  })

  // Each rating is range-checked before fields of one area are averaged.
  it('reports a 7 even when another field of the same area averages it into range', async () => {
    await importApplications()
    await mapRatingTo('judgment')
    const before = snapshot(db)
    const feedback = feedbackFixture()
    feedback.data[1]!.fields[0]!.value = 7
    feedback.data[1]!.fields[4]!.value = 'no'
    const report = await importTexts(db, { 'feedback.json': JSON.stringify(feedback) })
    expect(report.ok).toBe(false)
    expect(report.problems).toContainEqual(
      expect.objectContaining({ path: '$.data[1].fields[0]', column: 'rating' }),
    )
    expect(snapshot(db)).toEqual(before)
  })

  it('is not taken for Greenhouse when the format is forced to greenhouse', async () => {
    await importApplications()
    const before = snapshot(db)
    const report = await importFeedback(db, { format: 'greenhouse' })
    expect(report.ok).toBe(false)
    expect(report.files).toEqual([{ file: 'feedback.json', format: null, kind: null, rows: 0 }])
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'feedback.json',
        path: '$.data[0]',
        message: expect.stringContaining('Unrecognised JSON records') as unknown,
      }),
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('reads the same records from a bare array as from the envelope', async () => {
    await importApplications()
    const bare = JSON.stringify(feedbackFixture().data)
    const report = await importFiles(
      db,
      [{ name: 'feedback.json', stream: Readable.from([Buffer.from(bare)]) }],
      { dryRun: false, format: 'lever' },
    )
    expect(report.problems).toEqual([])
    expect(report.files).toEqual([
      { file: 'feedback.json', format: 'lever', kind: 'feedback', rows: 6 },
    ])
    expect(storedRatings(db)).toEqual(EXPECTED_RATINGS)
  })
})
