import { and, eq, is, Param, Placeholder, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { bumpDataVersion } from '../../db/meta'
import { rebuildAllSnapshots } from '../dataset/snapshot'
import {
  applicationAreaScores,
  applications,
  candidates,
  employments,
  interviewers,
  offers,
  requisitions,
  rubricAreas,
  rubricRedFlags,
  rubrics,
  scores,
} from '../../db/schema'
import { DEFAULT_RUBRIC_KEY } from '../../db/seed/reference-data'
import { stated, type ImportProblem, type ParsedFiles, type ProblemLog } from './validate-files'

export interface ChangeCount {
  insert: number
  update: number
  unchanged: number
  delete: number
}

export const CHANGED_ENTITIES = [
  'requisitions',
  'candidates',
  'applications',
  'offers',
  'employments',
  'interviewers',
  'scores',
] as const
export type ChangeSummary = Record<(typeof CHANGED_ENTITIES)[number], ChangeCount>

const ID_CHUNK = 5_000

/** Runs `query` over the ids in chunks passed as one JSON array, so any number of ids fits. */
function lookUpByIds<Row>(ids: readonly string[], query: (idsJson: string) => Row[]): Row[] {
  const rows: Row[] = []
  for (let start = 0; start < ids.length; start += ID_CHUNK) {
    rows.push(...query(JSON.stringify(ids.slice(start, start + ID_CHUNK))))
  }
  return rows
}

const inJsonArray = (idsJson: string) => sql`(SELECT value FROM json_each(${idsJson}))`

interface RubricVocabulary {
  name: string
  areaIds: Map<string, number>
  redFlags: Set<string>
}

function loadRubrics(db: Db): Map<number, RubricVocabulary> {
  const vocabularies = new Map<number, RubricVocabulary>()
  for (const rubric of db.select().from(rubrics).all()) {
    vocabularies.set(rubric.id, { name: rubric.name, areaIds: new Map(), redFlags: new Set() })
  }
  for (const area of db.select().from(rubricAreas).all()) {
    vocabularies.get(area.rubricId)?.areaIds.set(area.key, area.id)
  }
  for (const flag of db.select().from(rubricRedFlags).all()) {
    vocabularies.get(flag.rubricId)?.redFlags.add(flag.key)
  }
  return vocabularies
}

export interface ResolvedScore {
  index: number
  areaId: number
}

interface ResolvedBatch {
  rubricOfRequisition: Map<string, number>
  scores: ResolvedScore[]
}

/**
 * Checks what the files refer to against the database: each score's application (in the
 * files or already stored), its area and red-flag tags in that application's rubric.
 */
export function resolveReferences(db: Db, parsed: ParsedFiles, log: ProblemLog): ResolvedBatch {
  const vocabularies = loadRubrics(db)
  const defaultRubric = db.select().from(rubrics).where(eq(rubrics.key, DEFAULT_RUBRIC_KEY)).get()
  if (!defaultRubric) throw new Error(`The default rubric "${DEFAULT_RUBRIC_KEY}" is missing`)

  const rubricOfRequisition = new Map<string, number>()
  const storedRequisitions = lookUpByIds([...parsed.requisitions.keys()], (idsJson) =>
    db
      .select({ id: requisitions.id, rubricId: requisitions.rubricId })
      .from(requisitions)
      .where(sql`${requisitions.id} IN ${inJsonArray(idsJson)}`)
      .all(),
  )
  for (const requisition of storedRequisitions) {
    rubricOfRequisition.set(requisition.id, requisition.rubricId)
  }
  for (const id of parsed.requisitions.keys()) {
    if (!rubricOfRequisition.has(id)) rubricOfRequisition.set(id, defaultRubric.id)
  }

  const rubricOfApplication = new Map<string, number>()
  for (const application of parsed.applications) {
    rubricOfApplication.set(
      application.application_id,
      rubricOfRequisition.get(application.requisition_id)!,
    )
  }
  const elsewhere = [
    ...new Set(
      parsed.scores
        .map((score) => score.application_id)
        .filter((id) => !rubricOfApplication.has(id)),
    ),
  ]
  const stored = lookUpByIds(elsewhere, (idsJson) =>
    db
      .select({ id: applications.id, rubricId: requisitions.rubricId })
      .from(applications)
      .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
      .where(sql`${applications.id} IN ${inJsonArray(idsJson)}`)
      .all(),
  )
  for (const application of stored) rubricOfApplication.set(application.id, application.rubricId)

  const resolved: ResolvedScore[] = []
  parsed.scores.forEach((score, index) => {
    const problem = (column: string, message: string): ImportProblem => ({
      file: score.file,
      line: score.line,
      column,
      message,
    })
    const rubricId = rubricOfApplication.get(score.application_id)
    if (rubricId === undefined) {
      log.add(
        problem(
          'application_id',
          `application_id ${score.application_id} is neither in an applications file of this import nor in the database`,
        ),
      )
      return
    }
    const vocabulary = vocabularies.get(rubricId)!
    const areaId = vocabulary.areaIds.get(score.area)
    if (areaId === undefined) {
      log.add(
        problem(
          'area',
          `area "${score.area.slice(0, 60)}" is not in the ${vocabulary.name} rubric (${[...vocabulary.areaIds.keys()].join(', ')})`,
        ),
      )
      return
    }
    const unknownTags = (score.red_flags ?? []).filter((tag) => !vocabulary.redFlags.has(tag))
    if (unknownTags.length > 0) {
      const listed = unknownTags.map((tag) => `"${tag}"`).join(', ')
      log.add(
        problem(
          'red_flags',
          `red_flags has ${unknownTags.length === 1 ? 'an unknown tag' : 'unknown tags'} ${listed} (known: ${[...vocabulary.redFlags].join(', ')})`,
        ),
      )
      return
    }
    resolved.push({ index, areaId })
  })
  return { rubricOfRequisition, scores: resolved }
}

const emptyCount = (): ChangeCount => ({ insert: 0, update: 0, unchanged: 0, delete: 0 })

type Bindings = Record<string, unknown>

function sameValues(stored: Bindings, incoming: Bindings): boolean {
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
const SCORE_COLUMNS = ['rating', 'interviewedAt', 'minutes', 'redFlags', 'note'] as const

/** Compiled statements for every row the importer may insert, update or delete. */
function prepareStatements(db: Db) {
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
      insert: compile(db, db.insert(candidates).values(placeholders(['id', ...CANDIDATE_COLUMNS]))),
      update: compile(
        db,
        db.update(candidates).set(placeholders(CANDIDATE_COLUMNS)).where(byId(candidates)),
      ),
    },
    applications: {
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
      insert: compile(
        db,
        db
          .insert(scores)
          .values(placeholders(['applicationId', 'areaId', 'interviewerId', ...SCORE_COLUMNS])),
      ),
      update: compile(db, db.update(scores).set(placeholders(SCORE_COLUMNS)).where(scoreKey)),
    },
    insertInterviewer: db
      .insert(interviewers)
      .values({ handle: sql.placeholder('handle') })
      .returning({ id: interviewers.id })
      .prepare(),
  }
}

/** The stored rows for these ids, read in chunks and keyed, instead of one query per row. */
function storedRows<Row>(
  ids: readonly string[],
  query: (idsJson: string) => Row[],
  keyOf: (row: Row) => string,
): Map<string, Row> {
  return new Map(lookUpByIds(ids, query).map((row) => [keyOf(row), row]))
}

const scoreKeyOf = (applicationId: string, areaId: number, interviewerId: number) =>
  `${applicationId}\u0000${areaId}\u0000${interviewerId}`

/** Recomputes the per-application area sums that analytics read, for these applications. */
function refreshAreaScores(db: Db, applicationIds: readonly string[]): void {
  for (let start = 0; start < applicationIds.length; start += ID_CHUNK) {
    const idsJson = JSON.stringify(applicationIds.slice(start, start + ID_CHUNK))
    db.delete(applicationAreaScores)
      .where(sql`${applicationAreaScores.applicationId} IN ${inJsonArray(idsJson)}`)
      .run()
    db.insert(applicationAreaScores)
      .select(
        db
          .select({
            applicationId: scores.applicationId,
            areaId: scores.areaId,
            ratingSum: sql<number>`sum(${scores.rating})`.as('rating_sum'),
            ratings: sql<number>`count(*)`.as('ratings'),
            minutes: sql<number | null>`sum(${scores.minutes})`.as('minutes'),
          })
          .from(scores)
          .where(sql`${scores.applicationId} IN ${inJsonArray(idsJson)}`)
          .groupBy(scores.applicationId, scores.areaId),
      )
      .run()
  }
}

interface RowStatements {
  insert: (row: Bindings) => unknown
  update: (row: Bindings) => unknown
  remove?: (key: Bindings) => unknown
}

/**
 * Compares every incoming row with what is stored and, unless `dryRun`, writes the
 * differences. Call it inside a transaction: either the whole import lands or nothing does.
 */
export function writeChanges(
  db: Db,
  parsed: ParsedFiles,
  resolved: ResolvedBatch,
  dryRun: boolean,
): ChangeSummary {
  const summary = Object.fromEntries(
    CHANGED_ENTITIES.map((entity) => [entity, emptyCount()]),
  ) as ChangeSummary
  const statements = prepareStatements(db)

  interface ReconcileOptions {
    /** Values only a new row gets (a requisition keeps the rubric it was created with). */
    onInsert?: Bindings
    /** When the row, as it would be after the import, should not exist at all. */
    removeIf?: (values: Bindings) => boolean
  }

  /**
   * Inserts, updates, leaves or deletes one row, counting which. An `undefined` incoming
   * value means the file has no such column: the stored value stands.
   */
  function reconcile(
    entity: keyof ChangeSummary,
    table: RowStatements,
    key: Bindings,
    incoming: Bindings,
    stored: Bindings | undefined,
    { onInsert, removeIf }: ReconcileOptions = {},
  ): void {
    const count = summary[entity]
    const values: Bindings = {}
    for (const column in incoming) {
      const value = incoming[column]
      values[column] = value === undefined ? (stored?.[column] ?? null) : value
    }
    if (removeIf?.(values)) {
      if (!stored || !table.remove) return
      count.delete++
      if (!dryRun) table.remove(key)
    } else if (!stored) {
      count.insert++
      if (!dryRun) table.insert({ ...key, ...values, ...onInsert })
    } else if (sameValues(stored, values)) {
      count.unchanged++
    } else {
      count.update++
      if (!dryRun) table.update({ ...key, ...values })
    }
  }

  const requisitionIds = [...parsed.requisitions.keys()]
  const storedRequisitions = storedRows(
    requisitionIds,
    (idsJson) =>
      db
        .select()
        .from(requisitions)
        .where(sql`${requisitions.id} IN ${inJsonArray(idsJson)}`)
        .all(),
    (row) => row.id,
  )
  for (const [id, facts] of parsed.requisitions) {
    reconcile(
      'requisitions',
      statements.requisitions,
      { id },
      {
        title: facts.requisition_title,
        level: facts.level,
        hireType: facts.hire_type,
        openedAt: facts.opened_at,
      },
      storedRequisitions.get(id),
      { onInsert: { rubricId: resolved.rubricOfRequisition.get(id)! } },
    )
  }
  const storedCandidates = storedRows(
    [...parsed.candidates.keys()],
    (idsJson) =>
      db
        .select()
        .from(candidates)
        .where(sql`${candidates.id} IN ${inJsonArray(idsJson)}`)
        .all(),
    (row) => row.id,
  )
  for (const [id, facts] of parsed.candidates) {
    const values = { name: facts.candidate_name, background: facts.background }
    reconcile('candidates', statements.candidates, { id }, values, storedCandidates.get(id))
  }

  const applicationIds = parsed.applications.map((row) => row.application_id)
  const stored = {
    applications: storedRows(
      applicationIds,
      (idsJson) =>
        db
          .select()
          .from(applications)
          .where(sql`${applications.id} IN ${inJsonArray(idsJson)}`)
          .all(),
      (row) => row.id,
    ),
    offers: storedRows(
      applicationIds,
      (idsJson) =>
        db
          .select()
          .from(offers)
          .where(sql`${offers.applicationId} IN ${inJsonArray(idsJson)}`)
          .all(),
      (row) => row.applicationId,
    ),
    employments: storedRows(
      applicationIds,
      (idsJson) =>
        db
          .select()
          .from(employments)
          .where(sql`${employments.applicationId} IN ${inJsonArray(idsJson)}`)
          .all(),
      (row) => row.applicationId,
    ),
  }
  for (const row of parsed.applications) {
    const id = row.application_id
    reconcile(
      'applications',
      statements.applications,
      { id },
      {
        candidateId: row.candidate_id,
        requisitionId: row.requisition_id,
        appliedAt: row.applied_at,
        decision: row.decision,
        source: stated(row.columns, 'source', row.source),
        metro: stated(row.columns, 'metro', row.metro),
        selfIdGroup: stated(row.columns, 'self_id_group', row.self_id_group),
      },
      stored.applications.get(id),
    )
    // A file with offer columns states the offer: empty ones mean there is none.
    if (row.columns.has('offer_salary') || row.columns.has('offer_accepted_at')) {
      reconcile(
        'offers',
        statements.offers,
        { applicationId: id },
        {
          salary: stated(row.columns, 'offer_salary', row.offer_salary),
          acceptedAt: stated(row.columns, 'offer_accepted_at', row.offer_accepted_at),
        },
        stored.offers.get(id),
        { removeIf: (offer) => offer.salary === null && offer.acceptedAt === null },
      )
    }
    if (row.columns.has('start_date')) {
      reconcile(
        'employments',
        statements.employments,
        { applicationId: id },
        {
          startDate: row.start_date,
          endDate: stated(row.columns, 'end_date', row.end_date),
          departure: stated(row.columns, 'departure', row.departure),
        },
        stored.employments.get(id),
        { removeIf: (employment) => employment.startDate === null },
      )
    }
  }

  const interviewerIds = new Map(
    db
      .select()
      .from(interviewers)
      .all()
      .map((interviewer) => [interviewer.handle, interviewer.id]),
  )
  const handles = new Set(resolved.scores.map(({ index }) => parsed.scores[index]!.interviewer))
  for (const handle of handles) {
    if (interviewerIds.has(handle)) {
      summary.interviewers.unchanged++
      continue
    }
    summary.interviewers.insert++
    // A dry run writes no interviewer, so new ones get stand-in ids that match no score.
    interviewerIds.set(
      handle,
      dryRun ? -summary.interviewers.insert : statements.insertInterviewer.get({ handle }).id,
    )
  }
  const scoredApplications = [...new Set(parsed.scores.map((score) => score.application_id))]
  const storedScores = storedRows(
    scoredApplications,
    (idsJson) =>
      db
        .select()
        .from(scores)
        .where(sql`${scores.applicationId} IN ${inJsonArray(idsJson)}`)
        .all(),
    (row) => scoreKeyOf(row.applicationId, row.areaId, row.interviewerId),
  )
  // New ratings, most of a first import, skip the comparison and reuse one bindings object.
  const fresh: Bindings = {}
  for (const { index, areaId } of resolved.scores) {
    const row = parsed.scores[index]!
    const interviewerId = interviewerIds.get(row.interviewer)!
    const stored =
      storedScores.size === 0
        ? undefined
        : storedScores.get(scoreKeyOf(row.application_id, areaId, interviewerId))
    const columns = row.columns
    if (stored) {
      reconcile(
        'scores',
        statements.scores,
        { applicationId: row.application_id, areaId, interviewerId },
        {
          rating: row.rating,
          interviewedAt: stated(columns, 'interviewed_at', row.interviewed_at),
          minutes: stated(columns, 'minutes', row.minutes),
          redFlags: stated(columns, 'red_flags', row.red_flags ?? []),
          note: stated(columns, 'note', row.note),
        },
        stored,
      )
      continue
    }
    summary.scores.insert++
    if (dryRun) continue
    fresh.applicationId = row.application_id
    fresh.areaId = areaId
    fresh.interviewerId = interviewerId
    fresh.rating = row.rating
    fresh.interviewedAt = row.interviewed_at
    fresh.minutes = row.minutes
    fresh.redFlags = row.red_flags ?? []
    fresh.note = row.note
    statements.scores.insert(fresh)
  }
  const changed = CHANGED_ENTITIES.some((entity) => {
    const count = summary[entity]
    return count.insert + count.update + count.delete > 0
  })
  if (changed && !dryRun) {
    refreshAreaScores(db, scoredApplications)
    bumpDataVersion(db)
    rebuildAllSnapshots(db)
  }
  return summary
}
