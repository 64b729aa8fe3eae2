import type { Readable } from 'node:stream'
import {
  FILE_KINDS,
  type ApplicationFields,
  type FieldProblem,
  type FileKind,
} from './canonical-format'

export interface ImportSource {
  /** The name problems are reported under, usually the file name. */
  name: string
  stream: Readable
  /** Bytes in the file, when known: progress is then reported as a share. */
  size?: number
}

/** A problem and where it is: a line of a CSV file or a JSONPath into a JSON export. */
export interface ImportProblem {
  file: string
  line: number | null
  path: string | null
  column: string | null
  message: string
}

/** Keeps the first problems in full and counts the rest, so a hostile file cannot exhaust memory. */
export class ProblemLog {
  readonly problems: ImportProblem[] = []
  count = 0

  constructor(private readonly limit: number) {}

  add(problem: ImportProblem): void {
    this.count++
    if (this.problems.length < this.limit) this.problems.push(problem)
  }

  /**
   * Adds a problem found late, in its place: as if it had been added when `position` problems
   * were known (a row checked with a batch of others, after later rows were reported).
   */
  insertAt(position: number, problem: ImportProblem): void {
    this.count++
    if (position >= this.limit) return
    this.problems.splice(position, 0, problem)
    if (this.problems.length > this.limit) this.problems.pop()
  }
}

export interface Where {
  file: string
  line: number | null
  path: string | null
}

/** A row with where it came from and the columns its file has. */
export type Located<Row> = Row & Where & { columns: ReadonlySet<string> }

const position = (where: Where) => (where.line !== null ? `line ${where.line}` : (where.path ?? ''))

/** Where an earlier row was, as seen from a row of `current`: "line 4" or "other.csv line 4". */
export const describe = (where: Where, current: string) =>
  where.file === current ? position(where) : `${where.file} ${position(where)}`

/** The value of an optional column, or undefined when the file does not have the column. */
export function stated<Value>(
  columns: ReadonlySet<string>,
  column: string,
  value: Value,
): Value | undefined {
  return columns.has(column) ? value : undefined
}

/** What is wrong with a header row: unknown, repeated, unnamed or missing columns. */
export function headerProblems(
  file: string,
  header: readonly string[],
  kind: FileKind | null,
): ImportProblem[] {
  if (kind === null) {
    return [
      {
        file,
        line: 1,
        path: null,
        column: null,
        message: `Unrecognised header: expected the columns of applications.csv (${Object.keys(FILE_KINDS.applications).join(', ')}) or of scores.csv (${Object.keys(FILE_KINDS.scores).join(', ')})`,
      },
    ]
  }
  const spec = FILE_KINDS[kind]
  const problems: ImportProblem[] = []
  const seen = new Set<string>()
  header.forEach((name, index) => {
    if (name === '') {
      problems.push({
        file,
        line: 1,
        path: null,
        column: null,
        message: `Column ${index + 1} has no name`,
      })
    } else if (seen.has(name)) {
      problems.push({
        file,
        line: 1,
        path: null,
        column: name,
        message: `Column ${name} appears twice`,
      })
    } else if (!Object.hasOwn(spec, name)) {
      problems.push({
        file,
        line: 1,
        path: null,
        column: name.slice(0, 100),
        message: `Unknown column "${name.slice(0, 100)}": it is not a column of ${kind}.csv`,
      })
    }
    seen.add(name)
  })
  for (const [name, column] of Object.entries(spec)) {
    if (column.required && !seen.has(name)) {
      problems.push({
        file,
        line: 1,
        path: null,
        column: name,
        message: `Required column ${name} is missing`,
      })
    }
  }
  return problems
}

/** Dates and outcome fields of one application that contradict each other. */
export function applicationLogicProblems(row: ApplicationFields): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (row.decision !== 'hired') {
    for (const column of ['start_date', 'end_date', 'departure'] as const) {
      if (row[column] !== null) {
        problems.push({
          column,
          message: `${column} is set but decision is "${row.decision}": only hires have one`,
        })
      }
    }
  }
  if (row.end_date !== null && row.start_date === null) {
    problems.push({ column: 'end_date', message: 'end_date is set without a start_date' })
  }
  if (row.departure !== null && row.end_date === null) {
    problems.push({ column: 'departure', message: 'departure is set without an end_date' })
  }
  if (row.offer_accepted_at !== null && row.offer_accepted_at < row.applied_at) {
    problems.push({
      column: 'offer_accepted_at',
      message: `offer_accepted_at ${row.offer_accepted_at} is before applied_at ${row.applied_at}`,
    })
  }
  if (row.start_date !== null) {
    const [column, earliest] =
      row.offer_accepted_at !== null
        ? ['offer_accepted_at', row.offer_accepted_at]
        : ['applied_at', row.applied_at]
    if (row.start_date < earliest) {
      problems.push({
        column: 'start_date',
        message: `start_date ${row.start_date} is before ${column} ${earliest}`,
      })
    }
  }
  if (row.end_date !== null && row.start_date !== null && row.end_date < row.start_date) {
    problems.push({
      column: 'end_date',
      message: `end_date ${row.end_date} is before start_date ${row.start_date}`,
    })
  }
  return problems
}

/**
 * What the rows say of a candidate or requisition. `undefined`: no file of the import has
 * the column, so the stored value stands; `null`: the column is there and empty.
 */
export interface CandidateFacts {
  candidate_name: string | null | undefined
  background: ApplicationFields['background'] | undefined
}

export interface RequisitionFacts {
  requisition_title: string | null | undefined
  level: ApplicationFields['level']
  hire_type: ApplicationFields['hire_type'] | undefined
  opened_at: string | null | undefined
}
