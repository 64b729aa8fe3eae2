import {
  BACKGROUNDS,
  DECISIONS,
  DEPARTURES,
  HIRE_TYPES,
  LEVELS,
  RATING_MAX,
  RATING_MIN,
  type Background,
  type Decision,
  type Departure,
  type HireType,
  type Level,
} from '../../db/domain'
import { FORMULA_START } from '../../common/csv'
import { dayNumber } from '../analytics/dates'

/** What is wrong with a field. Only bad fields allocate one: good ones return their value. */
export class Invalid {
  constructor(readonly message: string) {}
}

/** The outcome of reading one field: its value, or what is wrong with it. */
export type Parsed<T> = T | Invalid

export interface Column<T> {
  required: boolean
  parse(raw: string): Parsed<T>
}

const valid = <T>(value: T): Parsed<T> => value
const invalid = (message: string): Invalid => new Invalid(message)

const required = <T>(parse: (raw: string) => Parsed<T>): Column<T> => ({ required: true, parse })
const optional = <T>(parse: (raw: string) => Parsed<T>): Column<T | null> => ({
  required: false,
  parse,
})

/** C0 control characters and DEL, other than tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const LINE_BREAK = /[\r\n]/

/** An exported cell made formula-safe (see common/csv.ts): read back without its apostrophe. */
const ESCAPED_FORMULA = new RegExp(`^'${FORMULA_START.source.slice(1)}`)

function text(maxLength: number, { multiline = false } = {}) {
  return (field: string): Parsed<string> => {
    const raw = ESCAPED_FORMULA.test(field) ? field.slice(1) : field
    if (raw.length > maxLength) return invalid(`is longer than ${maxLength} characters`)
    if (CONTROL_CHARACTERS.test(raw)) return invalid('contains control characters')
    if (!multiline && LINE_BREAK.test(raw)) return invalid('contains a line break')
    return valid(raw)
  }
}

const identifier = text(128)

function oneOf<T extends string>(values: readonly T[]) {
  const allowed = new Set<string>(values)
  return (raw: string): Parsed<T> =>
    allowed.has(raw)
      ? valid(raw as T)
      : invalid(`must be one of ${values.join(', ')} (got "${raw.slice(0, 40)}")`)
}

// Dates outside this window are almost certainly typing errors (a year 0204, 9999, ...).
const EARLIEST_DAY = dayNumber('1970-01-01')
const LATEST_DAY = dayNumber('2100-12-31')

// Files repeat the same few thousand dates; each is checked once (the window bounds the cache).
const checkedDates = new Set<string>()

function isoDate(raw: string): Parsed<string> {
  if (checkedDates.has(raw)) return raw
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw))
    return invalid(`must be a date YYYY-MM-DD (got "${raw.slice(0, 40)}")`)
  const day = dayNumber(raw)
  if (Number.isNaN(day)) return invalid(`is not a calendar date (got "${raw}")`)
  if (day < EARLIEST_DAY || day > LATEST_DAY) return invalid(`is outside 1970–2100 (got "${raw}")`)
  checkedDates.add(raw)
  return valid(raw)
}

const DECIMAL = /^\d+(\.\d+)?$/

function salary(raw: string): Parsed<number> {
  const value = Number(raw)
  if (!DECIMAL.test(raw) || !(value > 0)) {
    return invalid(
      `must be a positive number without currency signs or separators (got "${raw.slice(0, 40)}")`,
    )
  }
  if (value > 100_000_000) return invalid(`is implausibly large (got ${raw})`)
  return valid(value)
}

function rating(raw: string): Parsed<number> {
  const value = Number(raw)
  if (!DECIMAL.test(raw) || value < RATING_MIN || value > RATING_MAX) {
    return invalid(
      `must be a number from ${RATING_MIN} to ${RATING_MAX} (got "${raw.slice(0, 40)}")`,
    )
  }
  return valid(value)
}

const MAX_MINUTES = 600

function minutes(raw: string): Parsed<number> {
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value > MAX_MINUTES) {
    return invalid(
      `must be a whole number of minutes from 0 to ${MAX_MINUTES} (got "${raw.slice(0, 40)}")`,
    )
  }
  return valid(value)
}

/** `;`-separated tag keys; whether each tag exists is checked against the rubric later. */
function tagList(raw: string): Parsed<string[]> {
  const tags = [
    ...new Set(
      raw
        .split(';')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ]
  const bad = tags.find((tag) => !/^[a-z0-9_]{1,64}$/.test(tag))
  return bad === undefined ? valid(tags) : invalid(`has a malformed tag "${bad.slice(0, 40)}"`)
}

export const APPLICATION_COLUMNS = {
  application_id: required(identifier),
  candidate_id: required(identifier),
  candidate_name: optional(text(200)),
  requisition_id: required(identifier),
  requisition_title: optional(text(200)),
  level: required(oneOf<Level>(LEVELS)),
  hire_type: optional(oneOf<HireType>(HIRE_TYPES)),
  opened_at: optional(isoDate),
  applied_at: required(isoDate),
  decision: required(oneOf<Decision>(DECISIONS)),
  offer_salary: optional(salary),
  offer_accepted_at: optional(isoDate),
  start_date: optional(isoDate),
  end_date: optional(isoDate),
  departure: optional(oneOf<Departure>(DEPARTURES)),
  background: optional(oneOf<Background>(BACKGROUNDS)),
  source: optional(text(100)),
  metro: optional(text(100)),
  self_id_group: optional(text(64)),
}

/** Longest question text kept: a question names what was asked, it is not a transcript. */
export const MAX_QUESTION_LENGTH = 300

export const SCORE_COLUMNS = {
  application_id: required(identifier),
  interviewer: required(identifier),
  area: required(identifier),
  rating: required(rating),
  interviewed_at: optional(isoDate),
  minutes: optional(minutes),
  red_flags: optional(tagList),
  note: optional(text(10_000, { multiline: true })),
  question: optional(text(MAX_QUESTION_LENGTH)),
}

type ColumnSpec = Record<string, Column<unknown>>
export type RowOf<Spec extends ColumnSpec> = {
  [Name in keyof Spec]: Spec[Name] extends Column<infer T> ? T : never
}
export type ApplicationFields = RowOf<typeof APPLICATION_COLUMNS>
export type ScoreFields = RowOf<typeof SCORE_COLUMNS>

export const FILE_KINDS = {
  applications: APPLICATION_COLUMNS,
  scores: SCORE_COLUMNS,
} as const
export type FileKind = keyof typeof FILE_KINDS

/** The kind of canonical file a header row belongs to: the one whose columns it shares most. */
export function detectFileKind(header: readonly string[]): FileKind | null {
  const overlap = (kind: FileKind) =>
    header.filter((name) => Object.hasOwn(FILE_KINDS[kind], name)).length
  const applications = overlap('applications')
  const scores = overlap('scores')
  if (applications === 0 && scores === 0) return null
  // application_id is shared by both files, so it alone decides nothing.
  if (applications === scores) return null
  return applications > scores ? 'applications' : 'scores'
}

export interface FieldProblem {
  column: string | null
  message: string
}

export type RecordResult<Spec extends ColumnSpec> =
  { row: RowOf<Spec>; problems: null } | { row: null; problems: FieldProblem[] }

/**
 * A reader of records against one file's header: returns the typed row, or every problem
 * found in it (one per bad field), never both. Built once per file, used for every row.
 */
export function recordReader<Spec extends ColumnSpec>(spec: Spec, header: readonly string[]) {
  const columns = Object.entries(spec).map(([name, column]) => ({
    name,
    column,
    position: header.indexOf(name),
  }))
  return (fields: readonly string[]): RecordResult<Spec> => {
    if (fields.length !== header.length) {
      return {
        row: null,
        problems: [
          {
            column: null,
            message: `The row has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} but the header has ${header.length}`,
          },
        ],
      }
    }
    let problems: FieldProblem[] | null = null
    const row: Record<string, unknown> = {}
    for (const { name, column, position } of columns) {
      const raw = position === -1 ? '' : fields[position]!.trim()
      let problem: string | null = null
      if (raw.includes('\uFFFD')) {
        problem = `${name} is not valid UTF-8 text (or holds the replacement character \uFFFD): save the file as UTF-8`
      } else if (raw === '') {
        if (column.required) problem = `${name} is required`
        row[name] = null
      } else {
        const parsed = column.parse(raw)
        if (parsed instanceof Invalid) problem = `${name} ${parsed.message}`
        else row[name] = parsed
      }
      if (problem !== null) (problems ??= []).push({ column: name, message: problem })
    }
    return problems ? { row: null, problems } : { row: row as RowOf<Spec>, problems: null }
  }
}
