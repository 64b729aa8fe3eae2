import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { applyErasures } from '../privacy/erasure'
import {
  applications,
  interviewers,
  rubricAreas,
  rubricRedFlags,
  rubrics,
  scores,
} from '../../db/schema'
import { DEFAULT_RUBRIC_KEY } from '../../db/seed/reference-data'
import { commitDataChange } from '../dataset/data-change'
import type { ApplicationFields, FieldProblem, ScoreFields } from './canonical-format'
import { ImportLedger, type SharedFacts } from './import-ledger'
import {
  applicationLogicProblems,
  describe,
  stated,
  type CandidateFacts,
  type Located,
  type ProblemLog,
  type RequisitionFacts,
  type Where,
} from './row-checks'
import {
  prepareScoreBatch,
  prepareStatements,
  refreshAllAreaScores,
  refreshAreaScores,
  sameValues,
  type Bindings,
} from './statements'

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

interface RowStatements {
  insert: (row: Bindings) => unknown
  update: (row: Bindings) => unknown
  remove?: (key: Bindings) => unknown
}

interface ReconcileOptions {
  /** Values only a new row gets (a requisition keeps the rubric it was created with). */
  onInsert?: Bindings
  /** When the row, as it would be after the import, should not exist at all. */
  removeIf?: (values: Bindings) => boolean
}

const scoreKeyOf = (areaId: number, interviewerId: number) => areaId * 1_048_576 + interviewerId

/** An insert refused because a stored rating has the same application, area and interviewer. */
const isRepeatedKey = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Ratings claimed and written together. */
const SCORE_BATCH = 64

/** A rating checked against the rubric, waiting for its batch. */
interface PendingScore {
  applicationId: string
  where: Where
  row: Located<ScoreFields>
  areaId: number
  /** How many problems were known when it was checked: where a repeat of it is reported. */
  reportedBefore: number
}

/**
 * One import, row by row, inside the transaction the caller holds: each row is checked
 * against the file, the earlier rows and the database, and written at once (ratings with the
 * batch they join). Once any row has a problem every row is still checked, and nothing more
 * is written but ratings, whose stored keys find repeats; the caller then rolls the
 * transaction back, so a failed import leaves the database as it was.
 */
export class ImportSession {
  readonly summary: ChangeSummary = Object.fromEntries(
    CHANGED_ENTITIES.map((entity) => [entity, { insert: 0, update: 0, unchanged: 0, delete: 0 }]),
  ) as ChangeSummary
  private readonly statements: ReturnType<typeof prepareStatements>
  private readonly vocabularies: Map<number, RubricVocabulary>
  private readonly defaultRubricId: number
  /** The applications, ratings, candidates and requisitions seen so far, on disk. */
  private readonly ledger: ImportLedger
  private readonly candidates: SharedFacts<CandidateFacts>
  private readonly requisitions: SharedFacts<RequisitionFacts>
  private readonly rubricOfRequisition = new Map<string, number>()
  /** Applications whose own row failed its checks: reported there, not again by each rating. */
  private readonly rejectedApplications = new Set<string>()
  private lastRubric: { applicationId: string; rubricId: number | undefined } | null = null
  private readonly interviewerIds: Map<string, number>
  private readonly knownInterviewers = new Set<string>()
  /** Stored ratings of the application rated last, read once while its rows follow. */
  private storedScores: { applicationId: string; byKey: Map<number, Bindings> } | null = null
  private readonly fresh: Bindings = {}
  private pendingScores: PendingScore[] = []
  private readonly insertScores: ReturnType<typeof prepareScoreBatch>
  /** Whether the database held any application or rating before: if not, nothing is looked up. */
  private readonly hadApplications: boolean
  private readonly hadScores: boolean

  /**
   * `dataChange: false` for a staging copy (see postgres-import.ts): what analytics read
   * there is not brought up to date, since the store the changes go to does that itself.
   */
  constructor(
    private readonly db: Db,
    private readonly log: ProblemLog,
    private readonly options: { dataChange: boolean } = { dataChange: true },
  ) {
    this.statements = prepareStatements(db)
    this.insertScores = prepareScoreBatch(db, SCORE_BATCH)
    this.ledger = new ImportLedger(db)
    this.candidates = this.ledger.facts('Candidate')
    this.requisitions = this.ledger.facts('Requisition')
    this.vocabularies = loadRubrics(db)
    const rubric = db.select().from(rubrics).where(eq(rubrics.key, DEFAULT_RUBRIC_KEY)).get()
    if (!rubric) throw new Error(`The default rubric "${DEFAULT_RUBRIC_KEY}" is missing`)
    this.defaultRubricId = rubric.id
    this.hadApplications =
      db.select({ id: applications.id }).from(applications).limit(1).all().length > 0
    this.hadScores = db.select({ id: scores.id }).from(scores).limit(1).all().length > 0
    this.interviewerIds = new Map(
      db
        .select()
        .from(interviewers)
        .all()
        .map((interviewer) => [interviewer.handle, interviewer.id]),
    )
  }

  /** Whether rows are still written: not once any problem was found. */
  private get writing(): boolean {
    return this.log.count === 0
  }

  private report(where: Where, problems: readonly FieldProblem[]): void {
    for (const problem of problems) this.log.add({ ...where, ...problem })
  }

  /**
   * Inserts, updates, leaves or deletes one row, counting which. An `undefined` incoming
   * value means the file has no such column: the stored value stands.
   */
  private reconcile(
    entity: keyof ChangeSummary,
    table: RowStatements,
    key: Bindings,
    incoming: Bindings,
    stored: Bindings | undefined,
    { onInsert, removeIf }: ReconcileOptions = {},
  ): void {
    const count = this.summary[entity]
    const values: Bindings = {}
    for (const column in incoming) {
      const value = incoming[column]
      values[column] = value === undefined ? (stored?.[column] ?? null) : value
    }
    if (removeIf?.(values)) {
      if (!stored || !table.remove) return
      count.delete++
      table.remove(key)
    } else if (!stored) {
      count.insert++
      table.insert({ ...key, ...values, ...onInsert })
    } else if (sameValues(stored, values)) {
      count.unchanged++
    } else {
      count.update++
      table.update({ ...key, ...values })
    }
  }

  /** Notes an application whose row failed its own checks, so its ratings do not call it missing. */
  rejectApplication(id: string): void {
    if (id !== '') this.rejectedApplications.add(id)
  }

  /** Whether the application's own row failed its checks (the problem is reported there). */
  wasRejected(id: string): boolean {
    return this.rejectedApplications.has(id)
  }

  /** Checks one row of an applications file and, while all is well, writes it. */
  application(row: Located<ApplicationFields>): void {
    const where = { file: row.file, line: row.line, path: row.path }
    const { columns } = row
    const problems = applicationLogicProblems(row)
    const earlier = this.ledger.claimApplication(row.application_id, row.requisition_id, where)
    if (earlier) {
      problems.push({
        column: 'application_id',
        message: `application_id ${row.application_id} already appears on ${describe(earlier, row.file)}`,
      })
    }
    problems.push(
      ...this.candidates.check(
        row.candidate_id,
        {
          candidate_name: stated(columns, 'candidate_name', row.candidate_name),
          background: stated(columns, 'background', row.background),
        },
        where,
      ),
      ...this.requisitions.check(
        row.requisition_id,
        {
          requisition_title: stated(columns, 'requisition_title', row.requisition_title),
          level: row.level,
          hire_type: stated(columns, 'hire_type', row.hire_type),
          opened_at: stated(columns, 'opened_at', row.opened_at),
        },
        where,
      ),
    )
    if (problems.length > 0) {
      this.report(where, problems)
      this.rejectApplication(row.application_id)
      return
    }
    if (!this.writing) return
    const id = row.application_id
    const { statements } = this
    this.reconcile(
      'applications',
      statements.applications,
      { id },
      {
        candidateId: row.candidate_id,
        requisitionId: row.requisition_id,
        appliedAt: row.applied_at,
        decision: row.decision,
        source: stated(columns, 'source', row.source),
        metro: stated(columns, 'metro', row.metro),
        selfIdGroup: stated(columns, 'self_id_group', row.self_id_group),
      },
      this.hadApplications ? statements.applications.find.get({ id }) : undefined,
    )
    // A file with offer columns states the offer: empty ones mean there is none.
    if (columns.has('offer_salary') || columns.has('offer_accepted_at')) {
      this.reconcile(
        'offers',
        statements.offers,
        { applicationId: id },
        {
          salary: stated(columns, 'offer_salary', row.offer_salary),
          acceptedAt: stated(columns, 'offer_accepted_at', row.offer_accepted_at),
        },
        this.hadApplications ? statements.offers.find.get({ applicationId: id }) : undefined,
        { removeIf: (offer) => offer.salary === null && offer.acceptedAt === null },
      )
    }
    if (columns.has('start_date')) {
      this.reconcile(
        'employments',
        statements.employments,
        { applicationId: id },
        {
          startDate: row.start_date,
          endDate: stated(columns, 'end_date', row.end_date),
          departure: stated(columns, 'departure', row.departure),
        },
        this.hadApplications ? statements.employments.find.get({ applicationId: id }) : undefined,
        { removeIf: (employment) => employment.startDate === null },
      )
    }
  }

  /**
   * After every applications file: the candidates and requisitions, each written once from
   * what all its rows said. Foreign keys are checked at commit, so their applications could
   * go first.
   */
  finishApplications(): void {
    const { statements } = this
    for (const [id, facts] of this.requisitions.merged()) {
      const stored = statements.requisitions.find.get({ id })
      this.rubricOfRequisition.set(id, stored?.rubricId ?? this.defaultRubricId)
      if (!this.writing) continue
      this.reconcile(
        'requisitions',
        statements.requisitions,
        { id },
        {
          title: facts.requisition_title,
          level: facts.level,
          hireType: facts.hire_type,
          openedAt: facts.opened_at,
        },
        stored,
        { onInsert: { rubricId: this.defaultRubricId } },
      )
    }
    if (!this.writing) return
    for (const [id, facts] of this.candidates.merged()) {
      this.reconcile(
        'candidates',
        statements.candidates,
        { id },
        { name: facts.candidate_name, background: facts.background },
        statements.candidates.find.get({ id }),
      )
    }
  }

  /** The rubric of an application of the files or the database; undefined if there is none. */
  rubricOf(applicationId: string): number | undefined {
    if (this.lastRubric?.applicationId !== applicationId) {
      const requisition = this.ledger.requisitionOf(applicationId)
      const rubricId =
        requisition !== undefined
          ? this.rubricOfRequisition.get(requisition)
          : this.statements.rubricOfApplication.get({ id: applicationId })?.rubricId
      this.lastRubric = { applicationId, rubricId }
    }
    return this.lastRubric.rubricId
  }

  /**
   * Stored ratings of an application, read again when another application came between: a
   * rating this import wrote meanwhile is then among them, but its key is never asked for again.
   */
  private storedScoresOf(applicationId: string): Map<number, Bindings> {
    if (this.storedScores?.applicationId !== applicationId) {
      const rows = this.hadScores ? this.statements.scores.ofApplication.all({ applicationId }) : []
      const byKey = new Map(
        rows.map((score) => [scoreKeyOf(score.areaId, score.interviewerId), score]),
      )
      this.storedScores = { applicationId, byKey }
    }
    return this.storedScores.byKey
  }

  private interviewerIdOf(handle: string): number {
    let id = this.interviewerIds.get(handle)
    if (id === undefined) {
      id = this.statements.insertInterviewer.get({ handle }).id
      this.interviewerIds.set(handle, id)
      this.summary.interviewers.insert++
      this.knownInterviewers.add(handle)
    } else if (!this.knownInterviewers.has(handle)) {
      this.summary.interviewers.unchanged++
      this.knownInterviewers.add(handle)
    }
    return id
  }

  /**
   * Checks one row of a scores file against the applications and rubric; it is claimed and
   * written with the batch it joins (see flushScores).
   */
  score(row: Located<ScoreFields>): void {
    const where = { file: row.file, line: row.line, path: row.path }
    const rubricId = this.rubricOf(row.application_id)
    if (rubricId === undefined) {
      if (this.wasRejected(row.application_id)) return
      this.report(where, [
        {
          column: 'application_id',
          message: `application_id ${row.application_id} is neither in an applications file of this import nor in the database`,
        },
      ])
      return
    }
    const vocabulary = this.vocabularies.get(rubricId)!
    const areaId = vocabulary.areaIds.get(row.area)
    if (areaId === undefined) {
      this.report(where, [
        {
          column: 'area',
          message: `area "${row.area.slice(0, 60)}" is not in the ${vocabulary.name} rubric (${[...vocabulary.areaIds.keys()].join(', ')})`,
        },
      ])
      return
    }
    const unknownTags = (row.red_flags ?? []).filter((tag) => !vocabulary.redFlags.has(tag))
    if (unknownTags.length > 0) {
      const listed = unknownTags.map((tag) => `"${tag}"`).join(', ')
      this.report(where, [
        {
          column: 'red_flags',
          message: `red_flags has ${unknownTags.length === 1 ? 'an unknown tag' : 'unknown tags'} ${listed} (known: ${[...vocabulary.redFlags].join(', ')})`,
        },
      ])
      return
    }
    this.pendingScores.push({
      applicationId: row.application_id,
      where,
      row,
      areaId,
      reportedBefore: this.log.count,
    })
    if (this.pendingScores.length === SCORE_BATCH) this.flushScores()
  }

  /**
   * Writes the waiting ratings: a whole batch in one statement on a first import, unless two
   * share a key; else one by one, each repeat then reported in the place of its row.
   */
  flushScores(): void {
    const pending = this.pendingScores
    if (pending.length === 0) return
    this.pendingScores = []
    if (pending.length === SCORE_BATCH && !this.hadScores && this.insertBatch(pending)) return
    let repeats = 0
    for (const score of pending) {
      const earlier = this.writeScore(score)
      if (!earlier) continue
      const { row } = score
      this.log.insertAt(score.reportedBefore + repeats++, {
        ...score.where,
        column: null,
        message: `${row.interviewer} already rated ${row.area} for ${row.application_id} on ${describe(earlier, row.file)}`,
      })
    }
  }

  /** Inserts a batch of new ratings at once; false, having written none, if a key repeats. */
  private insertBatch(pending: readonly PendingScore[]): boolean {
    const batch = pending.map(({ row, areaId }) => ({
      applicationId: row.application_id,
      areaId,
      interviewerId: this.interviewerIdOf(row.interviewer),
      rating: row.rating,
      interviewedAt: row.interviewed_at,
      minutes: row.minutes,
      redFlags: row.red_flags ?? [],
      note: row.note,
      question: row.question,
    }))
    let lastId: number
    try {
      lastId = Number(this.insertScores(batch).lastInsertRowid)
    } catch (error) {
      if (isRepeatedKey(error)) return false
      throw error
    }
    // The rows of one statement get consecutive ids.
    this.ledger.noteRatings(lastId - pending.length + 1, pending)
    this.summary.scores.insert += pending.length
    return true
  }

  /**
   * Writes one rating, new or compared with the stored one of its key, unless this import
   * stated that key already: then nothing is written and the answer is where.
   */
  private writeScore({ row, areaId, where }: PendingScore): Where | undefined {
    const applicationId = row.application_id
    const interviewerId = this.interviewerIdOf(row.interviewer)
    const stored = this.storedScoresOf(applicationId).get(scoreKeyOf(areaId, interviewerId))
    const { columns } = row
    if (stored) {
      const earlier = this.ledger.ratingAt(stored.id as number)
      if (earlier) return earlier
      this.ledger.noteRating(stored.id as number, applicationId, where)
      this.reconcile(
        'scores',
        this.statements.scores,
        { applicationId, areaId, interviewerId },
        {
          rating: row.rating,
          interviewedAt: stated(columns, 'interviewed_at', row.interviewed_at),
          minutes: stated(columns, 'minutes', row.minutes),
          redFlags: stated(columns, 'red_flags', row.red_flags ?? []),
          note: stated(columns, 'note', row.note),
          question: stated(columns, 'question', row.question),
        },
        stored,
      )
      return undefined
    }
    // New ratings skip the comparison and reuse one bindings object.
    const fresh = this.fresh
    fresh.applicationId = applicationId
    fresh.areaId = areaId
    fresh.interviewerId = interviewerId
    fresh.rating = row.rating
    fresh.interviewedAt = row.interviewed_at
    fresh.minutes = row.minutes
    fresh.redFlags = row.red_flags ?? []
    fresh.note = row.note
    fresh.question = row.question
    try {
      const { lastInsertRowid } = this.statements.scores.insert(fresh)
      this.ledger.noteRating(Number(lastInsertRowid), applicationId, where)
      this.summary.scores.insert++
      return undefined
    } catch (error) {
      if (!isRepeatedKey(error)) throw error
    }
    // Written by this import since the stored ratings were read.
    const written = this.statements.scores.idOf.get({ applicationId, areaId, interviewerId })!
    const earlier = this.ledger.ratingAt(written.id)
    if (!earlier) throw new Error(`The rating ${written.id} was written by no row of the import`)
    return earlier
  }

  /** Whether any row was inserted, updated or deleted. */
  get changed(): boolean {
    return CHANGED_ENTITIES.some((entity) => {
      const count = this.summary[entity]
      return count.insert + count.update + count.delete > 0
    })
  }

  /** Drops what the import kept on the side; its transaction has ended. */
  close(): void {
    this.ledger.drop()
  }

  /** After every row: what analytics read, brought up to date. Skipped for a dry run. */
  finish(): void {
    if (!this.writing || !this.changed) return
    if (this.hadScores) {
      for (const page of this.ledger.ratedApplications()) refreshAreaScores(this.db, page)
    } else {
      refreshAllAreaScores(this.db)
    }
    applyErasures(this.db)
    if (this.options.dataChange) commitDataChange(this.db, 'applications')
  }
}
