import { asc, count, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { Background, Decision, Departure, HireType, Level } from '../../db/domain'
import type { benchmarks } from '../../db/schema'
import {
  eachBatch,
  first,
  rows,
  runOnSqlite,
  type Operation,
  type Queries,
  type Store,
} from '../../db/store'
import type { RatingTable } from '../analytics/rating-table'
import { inByteOrder } from '../lib/paging'
import { questionRatingsOf, type QuestionRatings } from './question-ratings'

export interface DatasetArea {
  id: number
  key: string
  name: string
  weights: Partial<Record<Level, number>>
}

/** A text column as a dictionary of its distinct values and one code per row (−1: null). */
export interface TextColumn {
  values: string[]
  codes: Int32Array
}

export const TEXT_FIELDS = [
  'id',
  'requisitionId',
  'level',
  'hireType',
  'openedAt',
  'appliedAt',
  'decision',
  'background',
  'metro',
  'source',
  'selfIdGroup',
  'offerAcceptedAt',
  'startDate',
  'endDate',
  'departure',
] as const
export type TextField = (typeof TEXT_FIELDS)[number]

/**
 * Every application of a rubric as columns: typed arrays and dictionary-coded text load,
 * store and scan far faster than an object per application, which matters at a million.
 */
export interface ApplicationColumns {
  size: number
  text: Record<TextField, TextColumn>
  /** NaN where there is no offer salary. */
  offerSalary: Float64Array
  /** Per area: mean rating of the loop (NaN where not rated), rating count, minutes (NaN: unknown). */
  areaScores: Float64Array[]
  areaRatings: Int32Array[]
  areaMinutes: Float64Array[]
  ratings: RatingColumns
  redFlags: RowLists
  /** The ratings that name a question, per loop and question. */
  questions: QuestionRatings
}

/**
 * Lists per application row, stored flat: the items of row r are items[start[r] … start[r + 1]),
 * codes into `names`.
 */
export interface RowLists {
  start: Int32Array
  items: Int32Array
  names: string[]
}

/**
 * Every rating of the rubric's areas, grouped by application row (see RowLists): for each, the
 * interviewer (a code into `interviewers.names`), the area's index and the rating.
 */
export interface RatingColumns {
  interviewers: RowLists
  area: Int32Array
  value: Float64Array
}

export interface AnalyticsDataset extends ApplicationColumns {
  rubric: { id: number; key: string; name: string }
  areas: DatasetArea[]
  benchmarks: (typeof benchmarks.$inferSelect)[]
}

/** One application as an object, for the analyses that look at a few thousand of them. */
export interface DatasetApplication {
  id: string
  requisitionId: string
  level: Level
  hireType: HireType | null
  openedAt: string | null
  appliedAt: string
  decision: Decision
  background: Background | null
  metro: string | null
  selfIdGroup: string | null
  offerSalary: number | null
  offerAcceptedAt: string | null
  startDate: string | null
  endDate: string | null
  departure: Departure | null
  areaScores: (number | null)[]
}

export function textAt(column: TextColumn, row: number): string | null {
  const code = column.codes[row]!
  return code === -1 ? null : column.values[code]!
}

const numberOrNull = (value: number) => (Number.isNaN(value) ? null : value)

export function scoresAt(dataset: ApplicationColumns, row: number): (number | null)[] {
  return dataset.areaScores.map((column) => numberOrNull(column[row]!))
}

export function applicationAt(dataset: ApplicationColumns, row: number): DatasetApplication {
  const text = (field: TextField) => textAt(dataset.text[field], row)
  return {
    id: text('id')!,
    requisitionId: text('requisitionId')!,
    level: text('level') as Level,
    hireType: text('hireType') as HireType | null,
    openedAt: text('openedAt'),
    appliedAt: text('appliedAt')!,
    decision: text('decision') as Decision,
    background: text('background') as Background | null,
    metro: text('metro'),
    selfIdGroup: text('selfIdGroup'),
    offerSalary: numberOrNull(dataset.offerSalary[row]!),
    offerAcceptedAt: text('offerAcceptedAt'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    departure: text('departure') as Departure | null,
    areaScores: scoresAt(dataset, row),
  }
}

/**
 * A text column written row by row: each distinct value gets a code in order of first
 * appearance, so no array of every row's value is ever held.
 */
class TextColumnBuilder {
  private readonly dictionary = new Map<string, number>()
  private readonly values: string[] = []
  readonly codes: Int32Array

  constructor(size: number) {
    this.codes = new Int32Array(size)
  }

  set(row: number, value: string | null): void {
    if (value === null) {
      this.codes[row] = -1
      return
    }
    let code = this.dictionary.get(value)
    if (code === undefined) {
      code = this.values.length
      this.dictionary.set(value, code)
      this.values.push(value)
    }
    this.codes[row] = code
  }

  /** The code of a value, or undefined if no row has it. */
  codeOf(value: string): number | undefined {
    return this.dictionary.get(value)
  }

  build(): TextColumn {
    return { values: this.values, codes: this.codes }
  }
}

/** Rows are read from the tables this many at a time. */
const BATCH = 16_384

export interface RubricFrame {
  rubric: AnalyticsDataset['rubric']
  areas: DatasetArea[]
  benchmarks: AnalyticsDataset['benchmarks']
}

/** The rubric, its areas with their level weights, and the benchmarks; null for no such rubric. */
export function* rubricFrameOf(queries: Queries, rubricKey: string): Operation<RubricFrame | null> {
  const { db, tables } = queries
  const rubric = yield* first(
    db.select().from(tables.rubrics).where(eq(tables.rubrics.key, rubricKey)),
  )
  if (!rubric) return null
  const areaRows = yield* rows(
    db
      .select()
      .from(tables.rubricAreas)
      .where(eq(tables.rubricAreas.rubricId, rubric.id))
      .orderBy(asc(tables.rubricAreas.position)),
  )
  const areas: DatasetArea[] = areaRows.map((area) => ({
    id: area.id,
    key: area.key,
    name: area.name,
    weights: {},
  }))
  const areaIndex = new Map(areaRows.map((area, index) => [area.id, index]))
  for (const weight of yield* rows(db.select().from(tables.rubricLevelWeights))) {
    const index = areaIndex.get(weight.areaId)
    if (index !== undefined) areas[index]!.weights[weight.level] = weight.weight
  }
  return {
    rubric: { id: rubric.id, key: rubric.key, name: rubric.name },
    areas,
    benchmarks: yield* rows(db.select().from(tables.benchmarks).orderBy(asc(tables.benchmarks.id))),
  }
}

/** As `rubricFrameOf`, on a SQLite connection now. */
export const loadRubricFrame = (db: Db, rubricKey: string): RubricFrame | null =>
  runOnSqlite(db, (queries) => rubricFrameOf(queries, rubricKey))

/**
 * Reads every application of the rubric, with its area scores and ratings, from the tables,
 * in the order of their ids. Each query is read a batch of rows at a time straight into
 * typed arrays sized by a count first, so the memory it takes is about that of the columns it
 * answers, whatever the company's size. Run it in one snapshot transaction, so that the
 * queries agree.
 */
export function* columnsOf(queries: Queries, frame: RubricFrame): Operation<ApplicationColumns> {
  const { db, tables } = queries
  const { applications, requisitions, candidates, offers, employments } = tables
  const { size } = (yield* first(
    db
      .select({ size: count() })
      .from(applications)
      .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .where(eq(requisitions.rubricId, frame.rubric.id)),
  ))!
  const query = db
    .select({
      id: applications.id,
      requisitionId: applications.requisitionId,
      level: requisitions.level,
      hireType: requisitions.hireType,
      openedAt: requisitions.openedAt,
      appliedAt: applications.appliedAt,
      decision: applications.decision,
      background: candidates.background,
      metro: applications.metro,
      source: applications.source,
      selfIdGroup: applications.selfIdGroup,
      offerAcceptedAt: offers.acceptedAt,
      startDate: employments.startDate,
      endDate: employments.endDate,
      departure: employments.departure,
      offerSalary: offers.salary,
    })
    .from(applications)
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(offers, eq(offers.applicationId, applications.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(eq(requisitions.rubricId, frame.rubric.id))
    .orderBy(inByteOrder(queries.dialect, applications.id))
  const builders = TEXT_FIELDS.map(() => new TextColumnBuilder(size))
  const offerSalary = new Float64Array(size)
  let row = 0
  yield* eachBatch(query, BATCH, (batch) => {
    for (const values of batch) {
      if (row === size) throw new Error('The applications changed while they were read')
      // The select lists the text fields first, in TEXT_FIELDS order, then the salary.
      for (let field = 0; field < TEXT_FIELDS.length; field++) {
        builders[field]!.set(row, values[field] as string | null)
      }
      offerSalary[row] = (values[TEXT_FIELDS.length] as number | null) ?? NaN
      row++
    }
  })
  if (row !== size) throw new Error('The applications changed while they were read')
  const ids = builders[TEXT_FIELDS.indexOf('id')]!
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field, position) => [field, builders[position]!.build()]),
  ) as Record<TextField, TextColumn>
  // Ids are unique, so an id's code is its row.
  const rowOf = (id: string) => ids.codeOf(id)

  const areaScores = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaRatings = frame.areas.map(() => new Int32Array(size))
  const areaMinutes = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaIndex = new Map(frame.areas.map((area, index) => [area.id, index]))
  const { applicationAreaScores, rubricAreas } = tables
  const totals = db
    .select({
      applicationId: applicationAreaScores.applicationId,
      areaId: applicationAreaScores.areaId,
      ratingSum: applicationAreaScores.ratingSum,
      ratings: applicationAreaScores.ratings,
      minutes: applicationAreaScores.minutes,
    })
    .from(applicationAreaScores)
    .innerJoin(rubricAreas, eq(rubricAreas.id, applicationAreaScores.areaId))
    .where(eq(rubricAreas.rubricId, frame.rubric.id))
  yield* eachBatch(totals, BATCH, (batch) => {
    for (const [applicationId, areaId, ratingSum, ratings, minutes] of batch) {
      const at = rowOf(applicationId as string)
      const k = areaIndex.get(areaId as number)
      if (at === undefined || k === undefined) continue
      areaScores[k]![at] = (ratingSum as number) / (ratings as number)
      areaRatings[k]![at] = ratings as number
      areaMinutes[k]![at] = (minutes as number | null) ?? Number.NaN
    }
  })
  return {
    size,
    text,
    offerSalary,
    areaScores,
    areaRatings,
    areaMinutes,
    ...(yield* ratingColumnsOf(queries, frame, size, rowOf, areaRatings)),
    questions: yield* questionRatingsOf(queries, frame.areas, size, rowOf),
  }
}

/** As `columnsOf`, on a SQLite connection now (inside a transaction of the caller's if any). */
export const loadColumns = (db: Db, frame: RubricFrame): ApplicationColumns =>
  runOnSqlite(db, (queries) => columnsOf(queries, frame))

/**
 * The rubric's dataset read from the tables, in one snapshot transaction; null for no such
 * rubric.
 */
export const readDatasetFrom = (store: Store, rubricKey: string) =>
  store.transaction(
    function* (queries): Operation<AnalyticsDataset | null> {
      const frame = yield* rubricFrameOf(queries, rubricKey)
      return frame && { ...frame, ...(yield* columnsOf(queries, frame)) }
    },
    { snapshot: true },
  )

export interface ApplicationFilters {
  level?: Level | undefined
  requisition_id?: string | undefined
  hire_type?: HireType | undefined
  from?: string | undefined
  to?: string | undefined
}

/** For each code of a text column, whether the value passes a test. */
function passingCodes(column: TextColumn, test: (value: string) => boolean): Uint8Array {
  return Uint8Array.from(column.values, (value) => (test(value) ? 1 : 0))
}

/** Rows of the applications within the filters (level, requisition, hire type, dates). */
export function selectRows(dataset: ApplicationColumns, filters: ApplicationFilters): Int32Array {
  const tests: { column: TextColumn; passing: Uint8Array }[] = []
  const require = (field: TextField, test: (value: string) => boolean) => {
    tests.push({ column: dataset.text[field], passing: passingCodes(dataset.text[field], test) })
  }
  if (filters.level !== undefined) require('level', (value) => value === filters.level)
  if (filters.requisition_id !== undefined) {
    require('requisitionId', (value) => value === filters.requisition_id)
  }
  if (filters.hire_type !== undefined) require('hireType', (value) => value === filters.hire_type)
  const { from, to } = filters
  if (from !== undefined || to !== undefined) {
    require('appliedAt', (value) =>
      (from === undefined || value >= from) && (to === undefined || value <= to))
  }
  const selected = new Int32Array(dataset.size)
  let count = 0
  for (let row = 0; row < dataset.size; row++) {
    let keep = true
    for (const { column, passing } of tests) {
      const code = column.codes[row]!
      if (code === -1 || passing[code] === 0) {
        keep = false
        break
      }
    }
    if (keep) selected[count++] = row
  }
  return selected.slice(0, count)
}

/**
 * The ratings of the given rows as a rating table: applications coded by their place in
 * `rows`, interviewers by first appearance (only those who rated one of them).
 */
export function ratingTableOfRows(dataset: AnalyticsDataset, rows: ArrayLike<number>): RatingTable {
  const { interviewers: raters, area, value } = dataset.ratings
  let total = 0
  for (let i = 0; i < rows.length; i++) {
    total += raters.start[rows[i]! + 1]! - raters.start[rows[i]!]!
  }
  const table = {
    interviewer: new Int32Array(total),
    application: new Int32Array(total),
    area: new Int32Array(total),
    value: new Float64Array(total),
  }
  const localCode = new Int32Array(raters.names.length).fill(-1)
  const interviewerNames: string[] = []
  let at = 0
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    for (let slot = raters.start[row]!; slot < raters.start[row + 1]!; slot++, at++) {
      const code = raters.items[slot]!
      if (localCode[code] === -1) {
        localCode[code] = interviewerNames.length
        interviewerNames.push(raters.names[code]!)
      }
      table.interviewer[at] = localCode[code]!
      table.application[at] = i
      table.area[at] = area[slot]!
      table.value[at] = value[slot]!
    }
  }
  return {
    ...table,
    interviewerNames,
    applicationCount: rows.length,
    areaNames: dataset.areas.map((entry) => entry.key),
  }
}

/** Where each row's items start in a flat list, from the number of items of each row. */
function startsOf(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length + 1)
  for (let row = 0; row < counts.length; row++) start[row + 1] = start[row]! + counts[row]!
  return start
}

/** A list of whole numbers that grows as it is written, kept in a typed array. */
class IntList {
  private items = new Int32Array(1024)
  length = 0

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2)
      grown.set(this.items)
      this.items = grown
    }
    this.items[this.length++] = value
  }

  at(index: number): number {
    return this.items[index]!
  }
}

/**
 * Every rating of the rubric's areas and the red flags of each application, by row, read in
 * the order of their ids. Each row's ratings are as many as its area totals count, so each
 * rating is written straight into its place: no copy of every rating is held besides the
 * columns.
 */
function* ratingColumnsOf(
  queries: Queries,
  frame: RubricFrame,
  size: number,
  rowOf: (applicationId: string) => number | undefined,
  areaRatings: readonly Int32Array[],
): Operation<Pick<ApplicationColumns, 'ratings' | 'redFlags'>> {
  const { db, tables } = queries
  const { scores, interviewers } = tables
  const counts = new Int32Array(size)
  for (const ratings of areaRatings)
    for (let row = 0; row < size; row++) counts[row]! += ratings[row]!
  const start = startsOf(counts)
  const next = start.slice(0, size)
  const total = start[size]!
  const interviewerCodes = new Int32Array(total)
  const area = new Int32Array(total)
  const value = new Float64Array(total)
  const areaIndex = new Map(frame.areas.map((entry, index) => [entry.id, index]))
  const ratingsRead = db
    .select({
      applicationId: scores.applicationId,
      interviewerId: scores.interviewerId,
      areaId: scores.areaId,
      rating: scores.rating,
    })
    .from(scores)
    .orderBy(asc(scores.id))
  yield* eachBatch(ratingsRead, BATCH, (batch) => {
    for (const [applicationId, interviewerId, areaId, rating] of batch) {
      const k = areaIndex.get(areaId as number)
      if (k === undefined) continue
      const row = rowOf(applicationId as string)
      if (row === undefined) continue
      const slot = next[row]!++
      if (slot >= start[row + 1]!)
        throw new Error('The area totals are out of step with the ratings')
      interviewerCodes[slot] = interviewerId as number
      area[slot] = k
      value[slot] = rating as number
    }
  })
  // Interviewers are coded by first appearance, row by row: the slots now hold their ids.
  const handles = new Map(
    (yield* rows(
      db.select({ id: interviewers.id, handle: interviewers.handle }).from(interviewers),
    )).map((interviewer) => [interviewer.id, interviewer.handle]),
  )
  const names: string[] = []
  const codes = new Map<number, number>()
  for (let slot = 0; slot < total; slot++) {
    const id = interviewerCodes[slot]!
    let code = codes.get(id)
    if (code === undefined) {
      code = names.length
      codes.set(id, code)
      names.push(handles.get(id)!)
    }
    interviewerCodes[slot] = code
  }

  // Each application's tags in the order first seen; codes into the sorted tag names.
  const flaggedRows = new IntList()
  const flaggedTags = new IntList()
  const tagsSeen: string[] = []
  const tagSeen = new Map<string, number>()
  const flagged = db
    .select({ applicationId: scores.applicationId, flags: scores.redFlags })
    .from(scores)
    .where(ne(scores.redFlags, sql`'[]'`))
    .orderBy(asc(scores.id))
  yield* eachBatch(flagged, BATCH, (batch) => {
    for (const [applicationId, flags] of batch) {
      const row = rowOf(applicationId as string)
      if (row === undefined) continue
      // SQLite hands JSON over as its text; PostgreSQL parsed.
      const tags = (typeof flags === 'string' ? JSON.parse(flags) : flags) as string[]
      for (const tag of tags) {
        let seen = tagSeen.get(tag)
        if (seen === undefined) {
          seen = tagsSeen.length
          tagSeen.set(tag, seen)
          tagsSeen.push(tag)
        }
        flaggedRows.push(row)
        flaggedTags.push(seen)
      }
    }
  })
  const tagNames = [...tagsSeen].sort()
  const sortedCode = Int32Array.from(tagsSeen, (tag) => tagNames.indexOf(tag))
  // The pairs grouped by row (stably), then each row's repeats dropped in place.
  const pairCounts = new Int32Array(size)
  for (let pair = 0; pair < flaggedRows.length; pair++) pairCounts[flaggedRows.at(pair)]!++
  const pairStart = startsOf(pairCounts)
  const pairNext = pairStart.slice(0, size)
  const grouped = new Int32Array(flaggedRows.length)
  for (let pair = 0; pair < flaggedRows.length; pair++) {
    grouped[pairNext[flaggedRows.at(pair)]!++] = flaggedTags.at(pair)
  }
  const lastRowOfTag = new Int32Array(tagsSeen.length).fill(-1)
  const tagCounts = new Int32Array(size)
  let kept = 0
  for (let row = 0; row < size; row++) {
    for (let pair = pairStart[row]!; pair < pairStart[row + 1]!; pair++) {
      const tag = grouped[pair]!
      if (lastRowOfTag[tag] === row) continue
      lastRowOfTag[tag] = row
      grouped[kept++] = sortedCode[tag]!
      tagCounts[row]!++
    }
  }
  return {
    ratings: { interviewers: { start, items: interviewerCodes, names }, area, value },
    redFlags: { start: startsOf(tagCounts), items: grouped.slice(0, kept), names: tagNames },
  }
}
