import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { bumpDataVersion } from '../../db/meta'
import {
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

function sameValues(stored: object, incoming: object): boolean {
  return Object.entries(incoming).every(([column, value]) => {
    const current = (stored as Record<string, unknown>)[column]
    return Array.isArray(value)
      ? JSON.stringify(current) === JSON.stringify(value)
      : current === value
  })
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

const REQUISITION_COLUMNS = ['title', 'level', 'hireType', 'openedAt'] as const
const CANDIDATE_COLUMNS = ['name', 'background'] as const
const APPLICATION_COLUMNS = [
  'candidateId',
  'requisitionId',
  'appliedAt',
  'decision',
  'source',
  'metro',
] as const
const OFFER_COLUMNS = ['salary', 'acceptedAt'] as const
const EMPLOYMENT_COLUMNS = ['startDate', 'endDate', 'departure'] as const
const SCORE_COLUMNS = ['rating', 'interviewedAt', 'minutes', 'redFlags', 'note'] as const

/** Prepared statements for every row the importer may read, insert, update or delete. */
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
      find: db.select().from(requisitions).where(byId(requisitions)).prepare(),
      insert: db
        .insert(requisitions)
        .values({ ...placeholders(['id', 'rubricId', ...REQUISITION_COLUMNS]) })
        .prepare(),
      update: db
        .update(requisitions)
        .set(placeholders(REQUISITION_COLUMNS))
        .where(byId(requisitions))
        .prepare(),
    },
    candidates: {
      find: db.select().from(candidates).where(byId(candidates)).prepare(),
      insert: db
        .insert(candidates)
        .values(placeholders(['id', ...CANDIDATE_COLUMNS]))
        .prepare(),
      update: db
        .update(candidates)
        .set(placeholders(CANDIDATE_COLUMNS))
        .where(byId(candidates))
        .prepare(),
    },
    applications: {
      find: db.select().from(applications).where(byId(applications)).prepare(),
      insert: db
        .insert(applications)
        .values(placeholders(['id', ...APPLICATION_COLUMNS]))
        .prepare(),
      update: db
        .update(applications)
        .set(placeholders(APPLICATION_COLUMNS))
        .where(byId(applications))
        .prepare(),
    },
    offers: {
      find: db.select().from(offers).where(byApplication(offers)).prepare(),
      insert: db
        .insert(offers)
        .values(placeholders(['applicationId', ...OFFER_COLUMNS]))
        .prepare(),
      update: db
        .update(offers)
        .set(placeholders(OFFER_COLUMNS))
        .where(byApplication(offers))
        .prepare(),
      remove: db.delete(offers).where(byApplication(offers)).prepare(),
    },
    employments: {
      find: db.select().from(employments).where(byApplication(employments)).prepare(),
      insert: db
        .insert(employments)
        .values(placeholders(['applicationId', ...EMPLOYMENT_COLUMNS]))
        .prepare(),
      update: db
        .update(employments)
        .set(placeholders(EMPLOYMENT_COLUMNS))
        .where(byApplication(employments))
        .prepare(),
      remove: db.delete(employments).where(byApplication(employments)).prepare(),
    },
    scores: {
      find: db.select().from(scores).where(scoreKey).prepare(),
      insert: db
        .insert(scores)
        .values(placeholders(['applicationId', 'areaId', 'interviewerId', ...SCORE_COLUMNS]))
        .prepare(),
      update: db.update(scores).set(placeholders(SCORE_COLUMNS)).where(scoreKey).prepare(),
    },
    insertInterviewer: db
      .insert(interviewers)
      .values({ handle: sql.placeholder('handle') })
      .returning({ id: interviewers.id })
      .prepare(),
  }
}

type Bindings = Record<string, unknown>

interface RowStatements {
  find: { get(key: Bindings): object | undefined }
  insert: { run(row: Bindings): unknown }
  update: { run(row: Bindings): unknown }
  remove?: { run(key: Bindings): unknown }
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
    stored?: Bindings | undefined
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
    {
      stored = table.find.get(key) as Bindings | undefined,
      onInsert,
      removeIf,
    }: ReconcileOptions = {},
  ): void {
    const count = summary[entity]
    const values = Object.fromEntries(
      Object.entries(incoming).map(([column, value]) => [
        column,
        value === undefined ? (stored?.[column] ?? null) : value,
      ]),
    )
    if (removeIf?.(values)) {
      if (!stored || !table.remove) return
      count.delete++
      if (!dryRun) table.remove.run(key)
    } else if (!stored) {
      count.insert++
      if (!dryRun) table.insert.run({ ...key, ...values, ...onInsert })
    } else if (sameValues(stored, values)) {
      count.unchanged++
    } else {
      count.update++
      if (!dryRun) table.update.run({ ...key, ...values })
    }
  }

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
      { onInsert: { rubricId: resolved.rubricOfRequisition.get(id)! } },
    )
  }
  for (const [id, facts] of parsed.candidates) {
    const values = { name: facts.candidate_name, background: facts.background }
    reconcile('candidates', statements.candidates, { id }, values)
  }
  for (const row of parsed.applications) {
    const id = row.application_id
    const given = <Value>(column: string, value: Value) => stated(row.columns, column, value)
    reconcile(
      'applications',
      statements.applications,
      { id },
      {
        candidateId: row.candidate_id,
        requisitionId: row.requisition_id,
        appliedAt: row.applied_at,
        decision: row.decision,
        source: given('source', row.source),
        metro: given('metro', row.metro),
      },
    )
    // A file with offer columns states the offer: empty ones mean there is none.
    if (row.columns.has('offer_salary') || row.columns.has('offer_accepted_at')) {
      reconcile(
        'offers',
        statements.offers,
        { applicationId: id },
        {
          salary: given('offer_salary', row.offer_salary),
          acceptedAt: given('offer_accepted_at', row.offer_accepted_at),
        },
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
          endDate: given('end_date', row.end_date),
          departure: given('departure', row.departure),
        },
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
  for (const { index, areaId } of resolved.scores) {
    const row = parsed.scores[index]!
    const interviewerId = interviewerIds.get(row.interviewer)!
    const given = <Value>(column: string, value: Value) => stated(row.columns, column, value)
    reconcile(
      'scores',
      statements.scores,
      { applicationId: row.application_id, areaId, interviewerId },
      {
        rating: row.rating,
        interviewedAt: given('interviewed_at', row.interviewed_at),
        minutes: given('minutes', row.minutes),
        redFlags: given('red_flags', row.red_flags ?? []),
        note: given('note', row.note),
      },
    )
  }
  const changed = CHANGED_ENTITIES.some((entity) => {
    const count = summary[entity]
    return count.insert + count.update + count.delete > 0
  })
  if (changed && !dryRun) bumpDataVersion(db)
  return summary
}
