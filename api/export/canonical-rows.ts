import { asc, eq } from 'drizzle-orm'
import type { SnapshotReader } from '../../db/store'
import { inByteOrder } from '../lib/paging'
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

/** Rows read per batch: an export of a million applications never sits in memory. */
const BATCH = 2000

/** The rows of a query as arrays, a batch at a time, from the reader's snapshot. */
async function* eachRow(
  reader: SnapshotReader,
  query: { toSQL(): { sql: string; params: unknown[] } },
): AsyncGenerator<unknown[]> {
  for await (const batch of reader.batches(query, BATCH)) yield* batch
}

/** Every application as a row of the canonical applications.csv, in id order, a few at a time. */
export async function* applicationRecords(
  reader: SnapshotReader,
): AsyncGenerator<ApplicationRecord> {
  const { db, tables, dialect } = reader.queries
  const { applications, candidates, employments, offers, requisitions } = tables
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
    .orderBy(inByteOrder(dialect, applications.id))
  // The select lists the columns in the header's order.
  for await (const row of eachRow(reader, query)) {
    yield Object.fromEntries(
      APPLICATION_HEADER.map((column, index) => [column, text(row[index])]),
    ) as ApplicationRecord
  }
}

/** Every rating as a row of the canonical scores.csv, in application order. */
export async function* scoreRecords(reader: SnapshotReader): AsyncGenerator<ScoreRecord> {
  const { db, tables, dialect } = reader.queries
  const { interviewers, rubricAreas, scores } = tables
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
    .orderBy(
      inByteOrder(dialect, scores.applicationId),
      asc(rubricAreas.position),
      inByteOrder(dialect, interviewers.handle),
    )
  for await (const [
    application,
    interviewer,
    area,
    rating,
    interviewedAt,
    minutes,
    redFlags,
    note,
    question,
  ] of eachRow(reader, query)) {
    yield {
      application_id: text(application),
      interviewer: text(interviewer),
      area: text(area),
      rating: text(rating),
      interviewed_at: text(interviewedAt),
      minutes: text(minutes),
      // SQLite hands JSON over as its text; PostgreSQL parsed.
      red_flags: (Array.isArray(redFlags)
        ? (redFlags as string[])
        : (JSON.parse(text(redFlags) || '[]') as string[])
      ).join(';'),
      note: text(note),
      question: text(question),
    }
  }
}
