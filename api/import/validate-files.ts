import type { Readable } from 'node:stream'
import {
  FILE_KINDS,
  detectFileKind,
  recordReader,
  type ApplicationFields,
  type FieldProblem,
  type FileKind,
  type ScoreFields,
} from './canonical-format'
import { CsvReadError, readCsvRecords } from './csv-records'

export interface ImportSource {
  /** The name problems are reported under, usually the file name. */
  name: string
  stream: Readable
}

export interface ImportProblem {
  file: string
  line: number | null
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
}

/** A row with where it came from and the columns its file has. */
export type Located<Row> = Row & { file: string; line: number; columns: ReadonlySet<string> }

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

/** The value of an optional column, or undefined when the file does not have the column. */
export function stated<Value>(
  columns: ReadonlySet<string>,
  column: string,
  value: Value,
): Value | undefined {
  return columns.has(column) ? value : undefined
}

export interface ParsedFiles {
  files: { file: string; kind: FileKind | null; rows: number }[]
  applications: Located<ApplicationFields>[]
  scores: Located<ScoreFields>[]
  candidates: Map<string, CandidateFacts>
  requisitions: Map<string, RequisitionFacts>
}

type Where = { file: string; line: number }
const describe = (where: Where, current: string) =>
  where.file === current ? `line ${where.line}` : `${where.file} line ${where.line}`

function applicationLogicProblems(row: ApplicationFields): FieldProblem[] {
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

/** Facts that several rows state about one candidate or requisition must agree. */
class SharedFacts<Fact extends object> {
  private readonly seen = new Map<string, { fact: Fact; where: Where }>()

  constructor(private readonly entity: string) {}

  /** Each id's facts, merged over the rows that state them. */
  merged(): Map<string, Fact> {
    return new Map([...this.seen].map(([id, entry]) => [id, entry.fact]))
  }

  check(id: string, fact: Fact, where: Where): FieldProblem[] {
    const earlier = this.seen.get(id)
    if (!earlier) {
      this.seen.set(id, { fact, where })
      return []
    }
    const problems: FieldProblem[] = []
    for (const [column, value] of Object.entries(fact) as [string, string | null | undefined][]) {
      const known = (earlier.fact as Record<string, string | null | undefined>)[column]
      if (value === null || value === undefined) continue
      if (known === null || known === undefined) {
        ;(earlier.fact as Record<string, unknown>)[column] = value
      } else if (known !== value) {
        problems.push({
          column,
          message: `${this.entity} ${id} has ${column} "${value}" here but "${known}" on ${describe(earlier.where, where.file)}`,
        })
      }
    }
    return problems
  }
}

/**
 * Which (application, area, interviewer) triples the files rated, keyed by one number built
 * from small per-import indexes: a million string keys would dominate the import's time.
 */
class ScoreKeys {
  private readonly seen = new Map<number, Where>()
  private readonly applications = new Map<string, number>()
  private readonly areas = new Map<string, number>()
  private readonly interviewers = new Map<string, number>()

  private static indexOf(indexes: Map<string, number>, value: string): number {
    let index = indexes.get(value)
    if (index === undefined) {
      index = indexes.size
      indexes.set(value, index)
    }
    return index
  }

  /** Records the triple; returns where it was rated before, if it was. */
  claim(application: string, area: string, interviewer: string, where: Where): Where | undefined {
    const key =
      (ScoreKeys.indexOf(this.applications, application) * 1024 +
        ScoreKeys.indexOf(this.areas, area)) *
        1_048_576 +
      ScoreKeys.indexOf(this.interviewers, interviewer)
    const earlier = this.seen.get(key)
    if (earlier) return earlier
    this.seen.set(key, where)
    return undefined
  }

  /** False once any index outgrows its share of the 53 bits a key may use. */
  get exact(): boolean {
    return (
      this.applications.size < 2 ** 23 &&
      this.areas.size < 1024 &&
      this.interviewers.size < 1_048_576
    )
  }
}

interface FileState {
  applicationLines: Map<string, Where>
  scoreKeys: ScoreKeys
  candidates: SharedFacts<CandidateFacts>
  requisitions: SharedFacts<RequisitionFacts>
}

function headerProblems(file: string, header: string[], kind: FileKind | null): ImportProblem[] {
  if (kind === null) {
    return [
      {
        file,
        line: 1,
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
      problems.push({ file, line: 1, column: null, message: `Column ${index + 1} has no name` })
    } else if (seen.has(name)) {
      problems.push({ file, line: 1, column: name, message: `Column ${name} appears twice` })
    } else if (!Object.hasOwn(spec, name)) {
      problems.push({
        file,
        line: 1,
        column: name.slice(0, 100),
        message: `Unknown column "${name.slice(0, 100)}": it is not a column of ${kind}.csv`,
      })
    }
    seen.add(name)
  })
  for (const [name, column] of Object.entries(spec)) {
    if (column.required && !seen.has(name)) {
      problems.push({ file, line: 1, column: name, message: `Required column ${name} is missing` })
    }
  }
  return problems
}

async function readOneFile(
  source: ImportSource,
  state: FileState,
  parsed: ParsedFiles,
  log: ProblemLog,
): Promise<void> {
  const file = source.name
  const summary: ParsedFiles['files'][number] = { file, kind: null, rows: 0 }
  parsed.files.push(summary)
  let header: string[] | null = null
  let readApplication = recordReader(FILE_KINDS.applications, [])
  let readScore = recordReader(FILE_KINDS.scores, [])
  let columns: ReadonlySet<string> = new Set()
  const report = (line: number, problems: FieldProblem[]) =>
    problems.forEach((problem) => log.add({ file, line, ...problem }))
  try {
    for await (const record of readCsvRecords(source.stream)) {
      if (header === null) {
        header = record.fields.map((name) => name.trim())
        summary.kind = detectFileKind(header)
        const problems = headerProblems(file, header, summary.kind)
        if (problems.length > 0) {
          problems.forEach((problem) => log.add(problem))
          source.stream.destroy()
          return
        }
        readApplication = recordReader(FILE_KINDS.applications, header)
        readScore = recordReader(FILE_KINDS.scores, header)
        columns = new Set(header)
        continue
      }
      summary.rows++
      if (summary.kind === 'applications') {
        const where = { file, line: record.line }
        const result = readApplication(record.fields)
        if (!result.row) {
          report(record.line, result.problems)
          continue
        }
        const row = result.row
        const problems = applicationLogicProblems(row)
        const earlier = state.applicationLines.get(row.application_id)
        if (earlier) {
          problems.push({
            column: 'application_id',
            message: `application_id ${row.application_id} already appears on ${describe(earlier, file)}`,
          })
        } else {
          state.applicationLines.set(row.application_id, where)
        }
        problems.push(
          ...state.candidates.check(
            row.candidate_id,
            {
              candidate_name: stated(columns, 'candidate_name', row.candidate_name),
              background: stated(columns, 'background', row.background),
            },
            where,
          ),
          ...state.requisitions.check(
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
        if (problems.length > 0) report(record.line, problems)
        else parsed.applications.push({ ...row, file, line: record.line, columns })
      } else {
        const result = readScore(record.fields)
        if (!result.row) {
          report(record.line, result.problems)
          continue
        }
        const row = result.row
        // The row itself carries its location: no second object per rating.
        const located = row as Located<ScoreFields>
        located.file = file
        located.line = record.line
        located.columns = columns
        const earlier = state.scoreKeys.claim(
          row.application_id,
          row.area,
          row.interviewer,
          located,
        )
        if (earlier) {
          report(record.line, [
            {
              column: null,
              message: `${row.interviewer} already rated ${row.area} for ${row.application_id} on ${describe(earlier, file)}`,
            },
          ])
          continue
        }
        parsed.scores.push(located)
      }
    }
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error
    log.add({
      file,
      line: error.line,
      column: null,
      message: `Cannot read the file: ${error.message}`,
    })
    return
  }
  if (header === null) {
    log.add({
      file,
      line: 1,
      column: null,
      message: 'The file is empty: expected a header row and one row per record',
    })
  }
}

/**
 * Streams and checks every file: header, each field, and the facts rows share within and
 * across files. References to the database are checked later, by the writer.
 */
export async function parseImportFiles(
  sources: readonly ImportSource[],
  log: ProblemLog,
): Promise<ParsedFiles> {
  const state: FileState = {
    applicationLines: new Map(),
    scoreKeys: new ScoreKeys(),
    candidates: new SharedFacts('Candidate'),
    requisitions: new SharedFacts('Requisition'),
  }
  const parsed: ParsedFiles = {
    files: [],
    applications: [],
    scores: [],
    candidates: new Map(),
    requisitions: new Map(),
  }
  for (const source of sources) await readOneFile(source, state, parsed, log)
  parsed.candidates = state.candidates.merged()
  parsed.requisitions = state.requisitions.merged()
  return parsed
}
