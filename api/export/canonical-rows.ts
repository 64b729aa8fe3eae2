import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  applications,
  candidates,
  employments,
  interviewers,
  offers,
  requisitions,
  rubricAreas,
  scores,
} from '../../db/schema'
import {
  APPLICATION_COLUMNS,
  SCORE_COLUMNS,
  type ApplicationFields,
  type ScoreFields,
} from '../import/canonical-format'

export type ApplicationRecord = Record<keyof ApplicationFields, string>
export type ScoreRecord = Record<keyof ScoreFields, string>

export const APPLICATION_HEADER = Object.keys(APPLICATION_COLUMNS) as (keyof ApplicationFields)[]
export const SCORE_HEADER = Object.keys(SCORE_COLUMNS) as (keyof ScoreFields)[]

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''

/**
 * Rows of a drizzle query as arrays, one at a time (better-sqlite3's iterate): an export of a
 * million applications never sits in memory. The connection is busy until the rows are read.
 */
function* iterateRows(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql, params } = query.toSQL()
  yield* db.$client
    .prepare(sql)
    .raw(true)
    .iterate(...params) as IterableIterator<unknown[]>
}

/** Every application as a row of the canonical applications.csv, in id order, a few at a time. */
export function* applicationRecords(db: Db): Generator<ApplicationRecord> {
  const query = db
    .select({
      application_id: applications.id,
      candidate_id: applications.candidateId,
      candidate_name: candidates.name,
      requisition_id: applications.requisitionId,
      requisition_title: requisitions.title,
      level: requisitions.level,
      hire_type: requisitions.hireType,
      opened_at: requisitions.openedAt,
      applied_at: applications.appliedAt,
      decision: applications.decision,
      offer_salary: offers.salary,
      offer_accepted_at: offers.acceptedAt,
      start_date: employments.startDate,
      end_date: employments.endDate,
      departure: employments.departure,
      background: candidates.background,
      source: applications.source,
      metro: applications.metro,
      self_id_group: applications.selfIdGroup,
    })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .leftJoin(offers, eq(offers.applicationId, applications.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .orderBy(asc(applications.id))
  // The select lists the columns in the header's order.
  for (const row of iterateRows(db, query)) {
    yield Object.fromEntries(
      APPLICATION_HEADER.map((column, index) => [column, text(row[index])]),
    ) as ApplicationRecord
  }
}

/** Every rating as a row of the canonical scores.csv, in application order. */
export function* scoreRecords(db: Db): Generator<ScoreRecord> {
  const query = db
    .select({
      application_id: scores.applicationId,
      interviewer: interviewers.handle,
      area: rubricAreas.key,
      rating: scores.rating,
      interviewed_at: scores.interviewedAt,
      minutes: scores.minutes,
      red_flags: scores.redFlags,
      note: scores.note,
      question: scores.question,
    })
    .from(scores)
    .innerJoin(interviewers, eq(interviewers.id, scores.interviewerId))
    .innerJoin(rubricAreas, eq(rubricAreas.id, scores.areaId))
    .orderBy(asc(scores.applicationId), asc(rubricAreas.position), asc(interviewers.handle))
  for (const [
    application,
    interviewer,
    area,
    rating,
    interviewedAt,
    minutes,
    redFlags,
    note,
    question,
  ] of iterateRows(db, query)) {
    yield {
      application_id: text(application),
      interviewer: text(interviewer),
      area: text(area),
      rating: text(rating),
      interviewed_at: text(interviewedAt),
      minutes: text(minutes),
      red_flags: (JSON.parse(text(redFlags) || '[]') as string[]).join(';'),
      note: text(note),
      question: text(question),
    }
  }
}
