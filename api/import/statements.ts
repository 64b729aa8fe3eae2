import type { RunResult } from 'better-sqlite3'
import { and, eq, getTableName, is, Param, Placeholder, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  applicationAreaScores,
  applications,
  candidates,
  employments,
  interviewers,
  offers,
  requisitions,
  scores,
} from '../../db/schema'

export type Bindings = Record<string, unknown>

export function sameValues(stored: Bindings, incoming: Bindings): boolean {
  for (const column in incoming) {
    const value = incoming[column]
    const current = stored[column]
    if (
      Array.isArray(value) ? JSON.stringify(current) !== JSON.stringify(value) : current !== value
    ) {
      return false
    }
  }
  return true
}

/**
 * `{ a: sql.placeholder('a'), … }`: the values of a prepared insert or update. Typed as SQL
 * because drizzle's value types omit placeholders, which it binds through each column's
 * encoder all the same (JSON columns included).
 */
function placeholders<Name extends string>(names: readonly Name[]): Record<Name, SQL> {
  return Object.fromEntries(
    names.map((name) => [name, sql.placeholder(name)]),
  ) as unknown as Record<Name, SQL>
}

/**
 * A drizzle write compiled once to a better-sqlite3 statement: the SQL and each column's
 * encoder come from the schema, without drizzle's per-call placeholder handling, which
 * dominates the cost of a million-row import.
 */
function compile(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }) {
  const { sql: text, params } = query.toSQL()
  const statement = db.$client.prepare(text)
  // Each parameter is a placeholder to fill, or a constant (a column default) bound as is.
  const binders = params.map((param): ((bindings: Bindings) => unknown) => {
    const value: unknown = is(param, Param) ? param.value : param
    const encode = (raw: unknown) =>
      raw === null || raw === undefined
        ? null
        : is(param, Param)
          ? param.encoder.mapToDriverValue(raw)
          : raw
    if (is(value, Placeholder)) return (bindings) => encode(bindings[value.name])
    const constant = encode(value)
    return () => constant
  })
  const values = new Array<unknown>(binders.length)
  return (bindings: Bindings) => {
    for (let i = 0; i < binders.length; i++) values[i] = binders[i]!(bindings)
    return statement.run(values)
  }
}

const REQUISITION_COLUMNS = ['title', 'level', 'hireType', 'openedAt'] as const
const CANDIDATE_COLUMNS = ['name', 'background'] as const
const APPLICATION_COLUMNS = [
  'candidateId',
  'requisitionId',
  'appliedAt',
  'decision',
  'source',
  'metro',
  'selfIdGroup',
] as const
const OFFER_COLUMNS = ['salary', 'acceptedAt'] as const
const EMPLOYMENT_COLUMNS = ['startDate', 'endDate', 'departure'] as const
const SCORE_COLUMNS = [
  'rating',
  'interviewedAt',
  'minutes',
  'redFlags',
  'note',
  'question',
] as const

/**
 * The columns an import sets, by table (besides each row's key and, for a new requisition, its
 * rubric): all it updates, and all a candidate's erasure clears again after it.
 */
export const IMPORTED_COLUMNS = {
  requisitions: REQUISITION_COLUMNS,
  candidates: CANDIDATE_COLUMNS,
  applications: APPLICATION_COLUMNS,
  offers: OFFER_COLUMNS,
  employments: EMPLOYMENT_COLUMNS,
  scores: SCORE_COLUMNS,
} as const

/** Compiled statements for every row the importer may read, insert, update or delete. */
export function prepareStatements(db: Db) {
  const byId = (table: typeof requisitions | typeof candidates | typeof applications) =>
    eq(table.id, sql.placeholder('id'))
  const byApplication = (table: typeof offers | typeof employments) =>
    eq(table.applicationId, sql.placeholder('applicationId'))
  const scoreKey = and(
    eq(scores.applicationId, sql.placeholder('applicationId')),
    eq(scores.areaId, sql.placeholder('areaId')),
    eq(scores.interviewerId, sql.placeholder('interviewerId')),
  )
  return {
    requisitions: {
      find: db.select().from(requisitions).where(byId(requisitions)).prepare(),
      insert: compile(
        db,
        db.insert(requisitions).values(placeholders(['id', 'rubricId', ...REQUISITION_COLUMNS])),
      ),
      update: compile(
        db,
        db.update(requisitions).set(placeholders(REQUISITION_COLUMNS)).where(byId(requisitions)),
      ),
    },
    candidates: {
      find: db.select().from(candidates).where(byId(candidates)).prepare(),
      insert: compile(db, db.insert(candidates).values(placeholders(['id', ...CANDIDATE_COLUMNS]))),
      update: compile(
        db,
        db.update(candidates).set(placeholders(CANDIDATE_COLUMNS)).where(byId(candidates)),
      ),
    },
    applications: {
      find: db.select().from(applications).where(byId(applications)).prepare(),
      insert: compile(
        db,
        db.insert(applications).values(placeholders(['id', ...APPLICATION_COLUMNS])),
      ),
      update: compile(
        db,
        db.update(applications).set(placeholders(APPLICATION_COLUMNS)).where(byId(applications)),
      ),
    },
    offers: {
      find: db.select().from(offers).where(byApplication(offers)).prepare(),
      insert: compile(
        db,
        db.insert(offers).values(placeholders(['applicationId', ...OFFER_COLUMNS])),
      ),
      update: compile(
        db,
        db.update(offers).set(placeholders(OFFER_COLUMNS)).where(byApplication(offers)),
      ),
      remove: compile(db, db.delete(offers).where(byApplication(offers))),
    },
    employments: {
      find: db.select().from(employments).where(byApplication(employments)).prepare(),
      insert: compile(
        db,
        db.insert(employments).values(placeholders(['applicationId', ...EMPLOYMENT_COLUMNS])),
      ),
      update: compile(
        db,
        db
          .update(employments)
          .set(placeholders(EMPLOYMENT_COLUMNS))
          .where(byApplication(employments)),
      ),
      remove: compile(db, db.delete(employments).where(byApplication(employments))),
    },
    scores: {
      ofApplication: db
        .select()
        .from(scores)
        .where(eq(scores.applicationId, sql.placeholder('applicationId')))
        .prepare(),
      insert: compile(
        db,
        db
          .insert(scores)
          .values(placeholders(['applicationId', 'areaId', 'interviewerId', ...SCORE_COLUMNS])),
      ),
      update: compile(db, db.update(scores).set(placeholders(SCORE_COLUMNS)).where(scoreKey)),
      idOf: db.select({ id: scores.id }).from(scores).where(scoreKey).prepare(),
    },
    rubricOfApplication: db
      .select({ rubricId: requisitions.rubricId })
      .from(applications)
      .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
      .where(eq(applications.id, sql.placeholder('id')))
      .prepare(),
    rubricOfRequisition: db
      .select({ rubricId: requisitions.rubricId })
      .from(requisitions)
      .where(byId(requisitions))
      .prepare(),
    insertInterviewer: db
      .insert(interviewers)
      .values({ handle: sql.placeholder('handle') })
      .returning({ id: interviewers.id })
      .prepare(),
  }
}

/** A rating of this import for a key no stored rating has. */
export interface NewScore {
  applicationId: string
  areaId: number
  interviewerId: number
  rating: number
  interviewedAt: string | null
  minutes: number | null
  redFlags: string[]
  note: string | null
  question: string | null
}

const NEW_SCORE_COLUMNS = [
  scores.applicationId,
  scores.areaId,
  scores.interviewerId,
  scores.rating,
  scores.interviewedAt,
  scores.minutes,
  scores.redFlags,
  scores.note,
  scores.question,
] as const

/**
 * Inserts `count` new ratings in one statement, binding values as they are (the red flags as
 * their JSON column stores them): a statement per rating would cost twice as much.
 */
export function prepareScoreBatch(
  db: Db,
  count: number,
): (batch: readonly NewScore[]) => RunResult {
  const columns = NEW_SCORE_COLUMNS.map((column) => `"${column.name}"`).join(', ')
  const row = `(${NEW_SCORE_COLUMNS.map(() => '?').join(', ')})`
  const statement = db.$client.prepare(
    `INSERT INTO "${getTableName(scores)}" (${columns}) VALUES ${Array.from({ length: count }, () => row).join(', ')}`,
  )
  const values = new Array<unknown>(count * NEW_SCORE_COLUMNS.length)
  return (batch) => {
    let at = 0
    for (const score of batch) {
      values[at++] = score.applicationId
      values[at++] = score.areaId
      values[at++] = score.interviewerId
      values[at++] = score.rating
      values[at++] = score.interviewedAt
      values[at++] = score.minutes
      values[at++] = scores.redFlags.mapToDriverValue(score.redFlags)
      values[at++] = score.note
      values[at++] = score.question
    }
    return statement.run(values)
  }
}

const ID_CHUNK = 5_000
const inJsonArray = (idsJson: string) => sql`(SELECT value FROM json_each(${idsJson}))`

/** The per-application area sums that analytics read, from every rating. */
function areaTotals(db: Db) {
  return db
    .select({
      applicationId: scores.applicationId,
      areaId: scores.areaId,
      ratingSum: sql<number>`sum(${scores.rating})`.as('rating_sum'),
      ratings: sql<number>`count(*)`.as('ratings'),
      minutes: sql<number | null>`sum(${scores.minutes})`.as('minutes'),
    })
    .from(scores)
}

/** Computes the area sums of every application, into a table that has none yet. */
export function refreshAllAreaScores(db: Db): void {
  db.insert(applicationAreaScores)
    .select(areaTotals(db).groupBy(scores.applicationId, scores.areaId))
    .run()
}

/** Recomputes the per-application area sums that analytics read, for these applications. */
export function refreshAreaScores(db: Db, applicationIds: readonly string[]): void {
  for (let start = 0; start < applicationIds.length; start += ID_CHUNK) {
    const idsJson = JSON.stringify(applicationIds.slice(start, start + ID_CHUNK))
    db.delete(applicationAreaScores)
      .where(sql`${applicationAreaScores.applicationId} IN ${inJsonArray(idsJson)}`)
      .run()
    db.insert(applicationAreaScores)
      .select(
        areaTotals(db)
          .where(sql`${scores.applicationId} IN ${inJsonArray(idsJson)}`)
          .groupBy(scores.applicationId, scores.areaId),
      )
      .run()
  }
}
