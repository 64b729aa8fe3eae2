import { asc, eq, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { RatingTable } from '../analytics/rating-table'
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

export function encodeText(values: readonly (string | null)[]): TextColumn {
  const dictionary = new Map<string, number>()
  const codes = new Int32Array(values.length)
  values.forEach((value, i) => {
    if (value === null) {
      codes[i] = -1
      return
    }
    let code = dictionary.get(value)
    if (code === undefined) {
      code = dictionary.size
      dictionary.set(value, code)
    }
    codes[i] = code
  })
  return { values: [...dictionary.keys()], codes }
}

/**
 * Rows as arrays, straight from better-sqlite3: the SQL comes from drizzle, but a row per
 * application of a large company is too many for its object mapping.
 */
function rawRows(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }): unknown[][] {
  const { sql, params } = query.toSQL()
  return db.$client
    .prepare(sql)
    .raw(true)
    .all(...params) as unknown[][]
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

/** Reads every application of the rubric, with its area scores, from the tables. */
export function loadColumns(db: Db, frame: RubricFrame): ApplicationColumns {
  const rows = rawRows(
    db,
    db
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
      .where(eq(requisitions.rubricId, frame.rubric.id)),
  )
  const size = rows.length
  // The select lists the text fields first, in TEXT_FIELDS order, then the salary.
  const text = Object.fromEntries(
    TEXT_FIELDS.map((field, position) => [
      field,
      encodeText(rows.map((row) => row[position] as string | null)),
    ]),
  ) as Record<TextField, TextColumn>
  const offerSalary = Float64Array.from(
    rows,
    (row) => (row[TEXT_FIELDS.length] as number | null) ?? NaN,
  )
  const rowids = rows.map((row) => row[TEXT_FIELDS.length + 1] as number)
  const rowOf = new Map(rowids.map((rowid, row) => [rowid, row]))
  const rowOfId = new Map(text.id.values.map((id, row) => [id, row]))
  const areaScores = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaRatings = frame.areas.map(() => new Int32Array(size))
  const areaMinutes = frame.areas.map(() => new Float64Array(size).fill(Number.NaN))
  const areaIndex = new Map(frame.areas.map((area, index) => [area.id, index]))
  const totals = rawRows(
    db,
    db
      .select({
        applicationId: applicationAreaScores.applicationId,
        areaId: applicationAreaScores.areaId,
        ratingSum: applicationAreaScores.ratingSum,
        ratings: applicationAreaScores.ratings,
        minutes: applicationAreaScores.minutes,
      })
      .from(applicationAreaScores)
      .innerJoin(rubricAreas, eq(rubricAreas.id, applicationAreaScores.areaId))
      .where(eq(rubricAreas.rubricId, frame.rubric.id)),
  )
  for (const [applicationId, areaId, ratingSum, ratings, minutes] of totals) {
    const row = rowOfId.get(applicationId as string)
    const k = areaIndex.get(areaId as number)
    if (row === undefined || k === undefined) continue
    areaScores[k]![row] = (ratingSum as number) / (ratings as number)
    areaRatings[k]![row] = ratings as number
    areaMinutes[k]![row] = (minutes as number | null) ?? Number.NaN
  }
  return {
    size,
    text,
    offerSalary,
    areaScores,
    areaRatings,
    areaMinutes,
    ...loadRatingColumns(db, frame, (rowid) => rowOf.get(rowid) ?? -1, size),
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

/** Single values of a query, straight from better-sqlite3, in the query's order. */
function plucked(db: Db, query: { toSQL(): { sql: string; params: unknown[] } }): unknown[] {
  const { sql: text, params } = query.toSQL()
  return db.$client
    .prepare(text)
    .pluck(true)
    .all(...params)
}

/** Where each row's items start once grouped by row, and the items in that order. */
function groupByRow(size: number, rowOfItem: Int32Array): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(size + 1)
  for (const row of rowOfItem) if (row >= 0) start[row + 1]!++
  for (let row = 0; row < size; row++) start[row + 1]! += start[row]!
  const next = start.slice(0, size)
  const order = new Int32Array(start[size]!)
  rowOfItem.forEach((row, item) => {
    if (row >= 0) order[next[row]!++] = item
  })
  return { start, order }
}

/**
 * Every rating of the rubric's areas and the red flags of each application, by row. Read
 * column by column as plain values: a million ratings as row objects would take seconds.
 */
function loadRatingColumns(
  db: Db,
  frame: RubricFrame,
  rowOfRowid: (rowid: number) => number,
  size: number,
): Pick<ApplicationColumns, 'ratings' | 'redFlags'> {
  const column = (value: SQL<number> | typeof scores.rating) =>
    plucked(db, db.select({ value }).from(scores).orderBy(asc(scores.id))) as number[]
  const rowids = plucked(
    db,
    db
      .select({ rowid: sql<number>`${applications}.rowid` })
      .from(scores)
      .innerJoin(applications, eq(applications.id, scores.applicationId))
      .orderBy(asc(scores.id)),
  ) as number[]
  const interviewerIds = column(sql<number>`${scores.interviewerId}`)
  const areaIds = column(sql<number>`${scores.areaId}`)
  const values = column(scores.rating)
  const areaIndex = new Map(frame.areas.map((area, index) => [area.id, index]))
  const handles = new Map(
    db
      .select({ id: interviewers.id, handle: interviewers.handle })
      .from(interviewers)
      .all()
      .map((interviewer) => [interviewer.id, interviewer.handle]),
  )
  const rowOfRating = Int32Array.from(rowids, (rowid, i) =>
    areaIndex.has(areaIds[i]!) ? rowOfRowid(rowid) : -1,
  )
  const { start, order } = groupByRow(size, rowOfRating)
  const names: string[] = []
  const codes = new Map<number, number>()
  const interviewerCodes = new Int32Array(order.length)
  const area = new Int32Array(order.length)
  const value = new Float64Array(order.length)
  order.forEach((rating, slot) => {
    const id = interviewerIds[rating]!
    let code = codes.get(id)
    if (code === undefined) {
      code = names.length
      codes.set(id, code)
      names.push(handles.get(id)!)
    }
    interviewerCodes[slot] = code
    area[slot] = areaIndex.get(areaIds[rating]!)!
    value[slot] = values[rating]!
  })

  const flagged = rawRows(
    db,
    db
      .select({ rowid: sql<number>`${applications}.rowid`, flags: scores.redFlags })
      .from(scores)
      .innerJoin(applications, eq(applications.id, scores.applicationId))
      .where(ne(scores.redFlags, sql`'[]'`)),
  )
  const tagsOfRow = new Map<number, Set<string>>()
  for (const [rowid, flags] of flagged) {
    const row = rowOfRowid(rowid as number)
    if (row < 0) continue
    const tags = tagsOfRow.get(row) ?? new Set<string>()
    for (const tag of JSON.parse(flags as string) as string[]) tags.add(tag)
    tagsOfRow.set(row, tags)
  }
  const tagNames = [...new Set([...tagsOfRow.values()].flatMap((tags) => [...tags]))].sort()
  const tagCode = new Map(tagNames.map((tag, code) => [tag, code]))
  const flags = [...tagsOfRow].flatMap(([row, tags]) => [...tags].map((tag) => ({ row, tag })))
  const byRow = groupByRow(
    size,
    Int32Array.from(flags, (flag) => flag.row),
  )
  return {
    ratings: { interviewers: { start, items: interviewerCodes, names }, area, value },
    redFlags: {
      start: byRow.start,
      items: Int32Array.from(byRow.order, (flag) => tagCode.get(flags[flag]!.tag)!),
      names: tagNames,
    },
  }
}
