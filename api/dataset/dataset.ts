import { asc, eq, gt, is, ne, Placeholder, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { RatingTable } from '../analytics/rating-table'
import { loadQuestionRatings, type QuestionRatings } from './question-ratings'
import type { Background, Decision, Departure, HireType, Level } from '../../db/domain'
import {
  applicationAreaScores,
  applications,
  benchmarks,
  candidates,
  employments,
  interviewers,
  offers,
  requisitions,
  rubricAreas,
  rubricLevelWeights,
  rubrics,
  scores,
} from '../../db/schema'

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

type Query = { toSQL(): { sql: string; params: unknown[] } }

/**
 * A query's rows as arrays, one at a time, straight from better-sqlite3: the SQL comes from
 * drizzle, but a row object per application of a large company is too many to hold.
 */
function eachRow(db: Db, query: Query): IterableIterator<unknown[]> {
  const { sql: text, params } = query.toSQL()
  return db.$client
    .prepare(text)
    .raw(true)
    .iterate(...params) as IterableIterator<unknown[]>
}

/** How many rows a query answers, counted by SQLite. */
function countRows(db: Db, query: Query): number {
  const { sql: text, params } = query.toSQL()
  return db.$client
    .prepare(`SELECT count(*) FROM (${text})`)
    .pluck(true)
    .get(...params) as number
}

export interface RubricFrame {
  rubric: AnalyticsDataset['rubric']
  areas: DatasetArea[]
  benchmarks: AnalyticsDataset['benchmarks']
}

/** The rubric, its areas with their level weights, and the benchmarks; null for no such rubric. */
export function loadRubricFrame(db: Db, rubricKey: string): RubricFrame | null {
  const rubric = db.select().from(rubrics).where(eq(rubrics.key, rubricKey)).get()
  if (!rubric) return null
  const areaRows = db
    .select()
    .from(rubricAreas)
    .where(eq(rubricAreas.rubricId, rubric.id))
    .orderBy(asc(rubricAreas.position))
    .all()
  const areas: DatasetArea[] = areaRows.map((area) => ({
    id: area.id,
    key: area.key,
    name: area.name,
    weights: {},
  }))
  const areaIndex = new Map(areaRows.map((area, index) => [area.id, index]))
  for (const weight of db.select().from(rubricLevelWeights).all()) {
    const index = areaIndex.get(weight.areaId)
    if (index !== undefined) areas[index]!.weights[weight.level] = weight.weight
  }
  return {
    rubric: { id: rubric.id, key: rubric.key, name: rubric.name },
    areas,
    benchmarks: db.select().from(benchmarks).all(),
  }
}

/**
 * Reads every application of the rubric, with its area scores and ratings, from the tables.
 * Each query is read a row at a time straight into typed arrays sized by a count first, so
 * the memory it takes is about that of the columns it answers, whatever the company's size.
 */
export function loadColumns(db: Db, frame: RubricFrame): ApplicationColumns {
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
      rowid: sql<number>`${applications}.rowid`,
    })
    .from(applications)
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(offers, eq(offers.applicationId, applications.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(eq(requisitions.rubricId, frame.rubric.id))
  const size = countRows(db, query)
  const builders = TEXT_FIELDS.map(() => new TextColumnBuilder(size))
  const offerSalary = new Float64Array(size)
  const largestRowid = db.$client.prepare('SELECT max(rowid) FROM applications').pluck().get()
  // Each application's row by its rowid (−1: not of this rubric), as the ratings name it.
  const rowOfRowid = new Int32Array(((largestRowid as number | null) ?? 0) + 1).fill(-1)
  let row = 0
  for (const values of eachRow(db, query)) {
    // The select lists the text fields first, in TEXT_FIELDS order, then salary and rowid.
    for (let field = 0; field < TEXT_FIELDS.length; field++) {
      builders[field]!.set(row, values[field] as string | null)
    }
    offerSalary[row] = (values[TEXT_FIELDS.length] as number | null) ?? NaN
    rowOfRowid[values[TEXT_FIELDS.length + 1] as number] = row
    row++
  }
  if (row !== size) throw new Error('The applications changed while they were read')
  const ids = builders[TEXT_FIELDS.indexOf('id')]!
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field, position) => [field, builders[position]!.build()]),
  ) as Record<TextField, TextColumn>

  const areaScores = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaRatings = frame.areas.map(() => new Int32Array(size))
  const areaMinutes = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaIndex = new Map(frame.areas.map((area, index) => [area.id, index]))
  // Ids are unique, so an id's code is its row.
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
  for (const [applicationId, areaId, ratingSum, ratings, minutes] of eachRow(db, totals)) {
    const at = ids.codeOf(applicationId as string)
    const k = areaIndex.get(areaId as number)
    if (at === undefined || k === undefined) continue
    areaScores[k]![at] = (ratingSum as number) / (ratings as number)
    areaRatings[k]![at] = ratings as number
    areaMinutes[k]![at] = (minutes as number | null) ?? Number.NaN
  }
  return {
    size,
    text,
    offerSalary,
    areaScores,
    areaRatings,
    areaMinutes,
    ...loadRatingColumns(db, frame, size, rowOfRowid, areaRatings),
    questions: loadQuestionRatings(db, frame.areas, size, (id) => ids.codeOf(id)),
  }
}

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

/** Ratings are read this many at a time, in the order of their ids. */
const RATING_PAGE = 16_384

/**
 * Every rating of the rubric's areas and the red flags of each application, by row, read a
 * page at a time. Each row's ratings are as many as its area totals count, so each rating is
 * written straight into its place: no copy of every rating is held besides the columns.
 */
function loadRatingColumns(
  db: Db,
  frame: RubricFrame,
  size: number,
  rowOfRowid: Int32Array,
  areaRatings: readonly Int32Array[],
): Pick<ApplicationColumns, 'ratings' | 'redFlags'> {
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
  const { sql: text, params } = db
    .select({
      id: scores.id,
      rowid: sql<number>`${applications}.rowid`,
      interviewerId: scores.interviewerId,
      areaId: scores.areaId,
      rating: scores.rating,
    })
    .from(scores)
    .innerJoin(applications, eq(applications.id, scores.applicationId))
    .where(gt(scores.id, sql.placeholder('after')))
    .orderBy(asc(scores.id))
    .limit(RATING_PAGE)
    .toSQL()
  const page = db.$client.prepare(text).raw(true)
  const afterAt = params.findIndex((param) => is(param, Placeholder))
  let after = 0
  for (;;) {
    const rows = page.all(
      ...params.map((param, at) => (at === afterAt ? after : param)),
    ) as number[][]
    if (rows.length === 0) break
    for (const [, rowid, interviewerId, areaId, rating] of rows) {
      const k = areaIndex.get(areaId!)
      const row = rowOfRowid[rowid!] ?? -1
      if (k === undefined || row < 0) continue
      const slot = next[row]!++
      if (slot >= start[row + 1]!)
        throw new Error('The area totals are out of step with the ratings')
      interviewerCodes[slot] = interviewerId!
      area[slot] = k
      value[slot] = rating!
    }
    after = rows[rows.length - 1]![0]!
  }
  // Interviewers are coded by first appearance, row by row: the slots now hold their ids.
  const handles = new Map(
    db
      .select({ id: interviewers.id, handle: interviewers.handle })
      .from(interviewers)
      .all()
      .map((interviewer) => [interviewer.id, interviewer.handle]),
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
    .select({ rowid: sql<number>`${applications}.rowid`, flags: scores.redFlags })
    .from(scores)
    .innerJoin(applications, eq(applications.id, scores.applicationId))
    .where(ne(scores.redFlags, sql`'[]'`))
  for (const [rowid, flags] of eachRow(db, flagged)) {
    const row = rowOfRowid[rowid as number] ?? -1
    if (row < 0) continue
    for (const tag of JSON.parse(flags as string) as string[]) {
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
