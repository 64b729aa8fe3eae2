import { Readable } from 'node:stream'
import type { Db } from '../../db/client'
import { recordAudit, type Actor } from '../auth/audit'
import { RATING_MAX, RATING_MIN, type AtsSource } from '../../db/domain'
import { AttributeMapper } from './attribute-mapping'
import {
  FILE_KINDS,
  detectFileKind,
  recordReader,
  type FieldProblem,
  type RowOf,
} from './canonical-format'
import { CsvReadError, readCsvRecords } from './csv-records'
import {
  GREENHOUSE_APPLICATION_COLUMNS,
  emptyLookups,
  greenhouseApplication,
  greenhouseKind,
  greenhouseScorecard,
  rememberLookup,
  type ConvertedScorecard,
  type GreenhouseLookups,
} from './formats/greenhouse'
import { isLeverFeedback, leverFeedback } from './formats/lever'
import { oneImportAtATime } from './import-lock'
import { ImportSession, type ChangeSummary } from './import-session'
import { importInWorker } from './import-thread'
import { JsonReadError, readJsonRecords } from './json-records'
import { ProblemLog, headerProblems, type ImportProblem, type ImportSource } from './row-checks'

export const IMPORT_FORMATS = ['canonical', 'greenhouse', 'lever'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** What a file holds, once its header or first record has been read. */
export type FileKind =
  'applications' | 'scores' | 'jobs' | 'offers' | 'candidates' | 'scorecards' | 'feedback'

export interface ImportProgress {
  file: string
  rows: number
  bytes: number
  /** Size of the file when known, for a percentage. */
  totalBytes: number | null
}

export interface ImportOptions {
  dryRun: boolean
  /** Problems reported in full; the rest are only counted. */
  maxProblems?: number
  /** Skips detection: every file is of this format. */
  format?: ImportFormat
  /** Who imports: an audit entry, written in the import's transaction if it commits. */
  audit?: ImportAudit
  onProgress?: (progress: ImportProgress) => void
}

export interface ImportAudit {
  actor: Actor
  /** When it was asked for; by default, when it commits. */
  at?: Date
}

export interface FileSummary {
  file: string
  format: ImportFormat | null
  kind: FileKind | null
  rows: number
}

export interface UnmappedAttribute {
  source: AtsSource
  attribute: string
  ratings: number
  /** Where it first appears. */
  file: string
  path: string
}

export interface ImportReport {
  ok: boolean
  dry_run: boolean
  /** True only when the changes were committed to the database. */
  written: boolean
  files: FileSummary[]
  problem_count: number
  problems: ImportProblem[]
  /** Attributes of Greenhouse or Lever that map to no rubric area: their ratings were not imported. */
  unmapped_attributes: UnmappedAttribute[]
  changes: ChangeSummary | null
}

/** What the pipeline hands each checked row to: the import session, or a stand-in for it. */
export type ImportRows = Pick<
  ImportSession,
  | 'application'
  | 'rejectApplication'
  | 'wasRejected'
  | 'finishApplications'
  | 'rubricOf'
  | 'score'
  | 'flushScores'
  | 'finish'
  | 'summary'
  | 'close'
>

/**
 * An import run on a SQLite staging copy of the rows it touches (see postgres-import.ts):
 * the session the rows go to, and where the checked changes are written instead of committing
 * the copy (which is then rolled back).
 */
export interface ImportStage {
  session: (connection: Db, log: ProblemLog) => ImportRows
  /** `target` names the files, as the audit entry does. */
  publish?: (connection: Db, changes: ChangeSummary, target: string) => Promise<void>
}

type Item = { line: number | null; path: string | null; fields?: string[]; value?: unknown }

interface OpenFile {
  summary: FileSummary
  header: string[]
  items: AsyncGenerator<Item>
  /** Tells the caller's progress callback the rows and bytes read so far. */
  reportProgress: () => void
}

/** Rows between progress reports while a file is read, besides one per chunk of bytes. */
const PROGRESS_ROWS = 1024

/** The stream again with its first chunk read, counting bytes as they pass. */
async function peekStream(
  source: ImportSource,
  onBytes: (bytes: number) => void,
): Promise<{ head: string; stream: Readable }> {
  const iterator = (source.stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]()
  const first = await iterator.next()
  const head = first.done ? '' : first.value.toString().slice(0, 64)
  const stream = Readable.from(
    (async function* () {
      let step = first
      while (!step.done) {
        onBytes(step.value.length)
        yield typeof step.value === 'string' ? Buffer.from(step.value) : step.value
        step = await iterator.next()
      }
    })(),
  )
  return { head, stream }
}

const looksLikeJson = (head: string) => /^[\uFEFF\s]*[[{]/.test(head)

async function* csvItems(stream: Readable): AsyncGenerator<Item> {
  for await (const record of readCsvRecords(stream)) {
    yield { line: record.line, path: null, fields: record.fields }
  }
}

async function* jsonItems(stream: Readable): AsyncGenerator<Item> {
  for await (const record of readJsonRecords(stream)) {
    yield { line: null, path: record.path, value: record.value }
  }
}

/** An item first, then the rest of a generator. */
async function* prepend(first: Item, rest: AsyncGenerator<Item>): AsyncGenerator<Item> {
  yield first
  yield* rest
}

function readProblem(file: string, error: unknown): ImportProblem | null {
  if (error instanceof CsvReadError) {
    return {
      file,
      line: error.line,
      path: null,
      column: null,
      message: `Cannot read the file: ${error.message}`,
    }
  }
  if (error instanceof JsonReadError) {
    return {
      file,
      line: null,
      path: error.path,
      column: null,
      message: `Cannot read the file: ${error.message}`,
    }
  }
  return null
}

function jsonKind(
  value: unknown,
  format: ImportFormat | undefined,
): { format: ImportFormat; kind: FileKind } | null {
  if (format !== 'lever') {
    const kind = greenhouseKind(value)
    if (kind) return { format: 'greenhouse', kind }
  }
  if (format !== 'greenhouse' && isLeverFeedback(value))
    return { format: 'lever', kind: 'feedback' }
  return null
}

/** Opens every file and reads its header or first record to learn what it is. */
async function openFiles(
  sources: readonly ImportSource[],
  options: ImportOptions,
  log: ProblemLog,
): Promise<OpenFile[]> {
  const opened: OpenFile[] = []
  for (const source of sources) {
    const summary: FileSummary = { file: source.name, format: null, kind: null, rows: 0 }
    let bytes = 0
    const reportProgress = () =>
      options.onProgress?.({
        file: source.name,
        rows: summary.rows,
        bytes,
        totalBytes: source.size ?? null,
      })
    const { head, stream } = await peekStream(source, (count) => {
      bytes += count
      reportProgress()
    })
    const json = options.format ? options.format !== 'canonical' : looksLikeJson(head)
    const items = json ? jsonItems(stream) : csvItems(stream)
    const close = () => items.return(undefined)
    try {
      const first = await items.next()
      if (first.done) {
        if (!json) {
          log.add({
            file: source.name,
            line: 1,
            path: null,
            column: null,
            message: 'The file is empty: expected a header row and one row per record',
          })
        }
        await close()
        opened.push({ summary, header: [], items: (async function* () {})(), reportProgress })
        continue
      }
      if (!json) {
        const header = first.value.fields!.map((name) => name.trim())
        const kind = detectFileKind(header)
        summary.format = 'canonical'
        summary.kind = kind
        const problems = headerProblems(source.name, header, kind)
        problems.forEach((problem) => log.add(problem))
        if (problems.length === 0) {
          opened.push({ summary, header, items, reportProgress })
          continue
        }
      } else {
        const detected = jsonKind(first.value.value, options.format)
        if (detected) {
          summary.format = detected.format
          summary.kind = detected.kind
          opened.push({ summary, header: [], items: prepend(first.value, items), reportProgress })
          continue
        }
        log.add({
          file: source.name,
          line: null,
          path: first.value.path,
          column: null,
          message:
            'Unrecognised JSON records: expected Greenhouse Harvest applications, jobs, offers, candidates or scorecards, or Lever feedback',
        })
      }
    } catch (error) {
      const problem = readProblem(source.name, error)
      if (!problem) throw error
      log.add(problem)
    }
    await close()
    opened.push({ summary, header: [], items: (async function* () {})(), reportProgress })
  }
  return opened
}

/** Goes through a file's items, reporting a file that cannot be read to the end. */
async function eachItem(
  file: OpenFile,
  log: ProblemLog,
  visit: (item: Item) => void,
): Promise<void> {
  try {
    for await (const item of file.items) {
      file.summary.rows++
      visit(item)
      if (file.summary.rows % PROGRESS_ROWS === 0) file.reportProgress()
    }
    file.reportProgress()
  } catch (error) {
    const problem = readProblem(file.summary.file, error)
    if (!problem) throw error
    log.add(problem)
  }
}

/** Checks text values of canonical columns as a CSV row would be checked. */
function canonicalRow<Spec extends (typeof FILE_KINDS)[keyof typeof FILE_KINDS]>(
  spec: Spec,
  columns: readonly string[],
): (values: Record<string, string>) => {
  row: RowOf<Spec> | null
  problems: FieldProblem[] | null
} {
  const read = recordReader(spec, columns)
  return (values) => read(columns.map((column) => values[column] ?? ''))
}

const CANONICAL_SCORE_COLUMNS = [
  'application_id',
  'interviewer',
  'area',
  'rating',
  'interviewed_at',
  'note',
  'question',
]

/**
 * Imports the files into the database, one import at a time per database file. A database
 * file is written by a worker thread on a connection of its own, so this thread only passes
 * on the files' bytes and the progress; an in-memory database, which no other thread can
 * open, is written here by the same code.
 */
export async function importFiles(
  db: Db,
  sources: readonly ImportSource[],
  options: ImportOptions,
): Promise<ImportReport> {
  return oneImportAtATime(db, () =>
    db.$client.memory ? runImport(db, sources, options) : importInWorker(db, sources, options),
  )
}

/**
 * Imports the files into the SQLite file (see importFiles) or, given its address, PostgreSQL:
 * there too in a worker thread, one import at a time across every instance (see
 * postgres-import.ts).
 */
export function importInto(
  into: Db | { postgres: string },
  sources: readonly ImportSource[],
  options: ImportOptions,
): Promise<ImportReport> {
  return 'postgres' in into
    ? importInWorker(into, sources, options)
    : importFiles(into, sources, options)
}

/**
 * The import pipeline for every format: canonical CSV, Greenhouse Harvest JSON and Lever
 * feedback JSON. It streams every file once, checks and writes row by row inside one
 * transaction on the connection it is given, and commits only if no row had a problem (and it
 * is not a dry run): otherwise it rolls back and the database is unchanged. Re-importing the
 * same ids updates them in place.
 */
export async function runImport(
  connection: Db,
  sources: readonly ImportSource[],
  options: ImportOptions,
  stage: ImportStage | null = null,
): Promise<ImportReport> {
  const log = new ProblemLog(options.maxProblems ?? 1000)
  const files = await openFiles(sources, options, log)
  const ofKind = (...kinds: FileKind[]) =>
    files.filter((file) => file.summary.kind !== null && kinds.includes(file.summary.kind))
  const unmapped = new Map<string, UnmappedAttribute>()
  let changes: ChangeSummary | null = null
  let closeSession: () => void = () => undefined
  try {
    connection.$client.exec('BEGIN IMMEDIATE')
    connection.$client.pragma('defer_foreign_keys = ON')
    const session: ImportRows = stage
      ? stage.session(connection, log)
      : new ImportSession(connection, log)
    closeSession = () => session.close()
    const mapper = new AttributeMapper(connection)
    const report = (
      file: string,
      item: Item,
      problems: readonly FieldProblem[] | null,
      path = item.path,
    ) => {
      for (const problem of problems ?? []) log.add({ file, line: item.line, path, ...problem })
    }

    const lookups: GreenhouseLookups = emptyLookups()
    const lookupFiles = ofKind('jobs', 'offers', 'candidates')
    const greenhouseApplications = ofKind('applications').filter(
      (file) => file.summary.format === 'greenhouse',
    )
    for (const file of lookupFiles) {
      const kind = file.summary.kind as 'jobs' | 'offers' | 'candidates'
      const name = file.summary.file
      // Nothing of it would be imported: refuse it rather than drop it (unless a file that
      // could not be read was meant to be the applications, which is already reported).
      const unread = files.some((other) => other.summary.kind === null)
      if (greenhouseApplications.length === 0 && !unread) {
        log.add({
          file: name,
          line: null,
          path: '$',
          column: null,
          message: `Greenhouse ${kind} are read with the applications they belong to: import this file together with the Greenhouse applications export`,
        })
        continue
      }
      await eachItem(file, log, (item) => {
        const problem = rememberLookup(lookups, kind, item.value, name, item.path!)
        if (problem) log.add({ file: name, line: null, ...problem })
      })
    }
    const greenhouseApplicationIds = new Set<string>()

    const readApplicationValues = canonicalRow(
      FILE_KINDS.applications,
      GREENHOUSE_APPLICATION_COLUMNS,
    )
    const greenhouseColumns: ReadonlySet<string> = new Set(GREENHOUSE_APPLICATION_COLUMNS)
    for (const file of ofKind('applications')) {
      const name = file.summary.file
      if (file.summary.format === 'canonical') {
        const read = recordReader(FILE_KINDS.applications, file.header)
        const columns: ReadonlySet<string> = new Set(file.header)
        const idColumn = file.header.indexOf('application_id')
        await eachItem(file, log, (item) => {
          const result = read(item.fields!)
          if (result.problems) {
            report(name, item, result.problems)
            session.rejectApplication(item.fields![idColumn]?.trim() ?? '')
          } else
            session.application(
              Object.assign(result.row, { file: name, line: item.line, path: null, columns }),
            )
        })
        continue
      }
      await eachItem(file, log, (item) => {
        const converted = greenhouseApplication(item.value, item.path!, lookups)
        if (converted.values) greenhouseApplicationIds.add(converted.values.application_id!)
        for (const problem of converted.problems) log.add({ file: name, line: null, ...problem })
        if (!converted.values || converted.problems.length > 0) {
          session.rejectApplication(converted.values?.application_id ?? '')
          return
        }
        const result = readApplicationValues(converted.values)
        if (result.problems) {
          report(name, item, result.problems)
          session.rejectApplication(converted.values.application_id ?? '')
        } else
          session.application(
            Object.assign(result.row!, {
              file: name,
              line: null,
              path: item.path,
              columns: greenhouseColumns,
            }),
          )
      })
    }
    for (const [applicationId, { file, path }] of lookups.offers) {
      if (greenhouseApplicationIds.has(applicationId)) continue
      log.add({
        file,
        line: null,
        path: `${path}.application_id`,
        column: 'offer_salary',
        message: `the offer is for application ${applicationId.slice(0, 60)}, which is in no Greenhouse applications file of this import: its salary and dates would be lost`,
      })
    }
    session.finishApplications()

    const readScoreValues = canonicalRow(FILE_KINDS.scores, CANONICAL_SCORE_COLUMNS)
    const jsonScoreColumns: ReadonlySet<string> = new Set(CANONICAL_SCORE_COLUMNS)
    /**
     * One rating per area of a scorecard: attributes mapped to the same area are averaged, and
     * the names of those that are questions of the area (not the area itself) name the rating.
     */
    const scorecard = (name: string, item: Item, source: AtsSource, card: ConvertedScorecard) => {
      for (const problem of card.problems) log.add({ file: name, line: null, ...problem })
      const rubricId = session.rubricOf(card.applicationId)
      if (rubricId === undefined) {
        if (session.wasRejected(card.applicationId)) return
        log.add({
          file: name,
          line: null,
          path: item.path,
          column: 'application_id',
          message: `application ${card.applicationId || '(none)'} is neither in an applications file of this import nor in the database`,
        })
        return
      }
      const byArea = new Map<
        string,
        { sum: number; count: number; notes: string[]; questions: string[] | null; path: string }
      >()
      for (const rating of card.ratings) {
        // Each rating is checked before any averaging could hide one off the scale.
        if (!(rating.rating >= RATING_MIN && rating.rating <= RATING_MAX)) {
          log.add({
            file: name,
            line: null,
            path: rating.path,
            column: 'rating',
            message: `rating must be a number from ${RATING_MIN} to ${RATING_MAX} (got "${rating.rating}")`,
          })
          continue
        }
        const target = mapper.resolve(rubricId, source, rating.attribute)
        if (target === null) {
          const key = `${source}|${rating.attribute.toLowerCase()}`
          const entry = unmapped.get(key)
          if (entry) entry.ratings++
          else
            unmapped.set(key, {
              source,
              attribute: rating.attribute,
              ratings: 1,
              file: name,
              path: rating.path,
            })
          continue
        }
        if ('ignored' in target) continue
        const entry = byArea.get(target.area) ?? {
          sum: 0,
          count: 0,
          notes: [],
          questions: [],
          path: rating.path,
        }
        entry.sum += rating.rating
        entry.count++
        // A rating of the area itself among them: the average answers no one question.
        if (target.question === null) entry.questions = null
        else if (entry.questions && !entry.questions.includes(target.question)) {
          entry.questions.push(target.question)
        }
        if (rating.note) entry.notes.push(rating.note)
        byArea.set(target.area, entry)
      }
      for (const [area, entry] of byArea) {
        const result = readScoreValues({
          application_id: card.applicationId,
          interviewer: card.interviewer,
          area,
          rating: String(entry.sum / entry.count),
          interviewed_at: card.interviewedAt,
          note: entry.notes.join('\n'),
          question: entry.questions?.join(' / ') ?? '',
        })
        if (result.problems) report(name, item, result.problems, entry.path)
        else
          session.score(
            Object.assign(result.row!, {
              file: name,
              line: null,
              path: entry.path,
              columns: jsonScoreColumns,
            }),
          )
      }
    }
    for (const file of ofKind('scores', 'scorecards', 'feedback')) {
      const name = file.summary.file
      const { format } = file.summary
      if (format === 'canonical') {
        const read = recordReader(FILE_KINDS.scores, file.header)
        const columns: ReadonlySet<string> = new Set(file.header)
        await eachItem(file, log, (item) => {
          const result = read(item.fields!)
          if (result.problems) report(name, item, result.problems)
          else
            session.score(
              Object.assign(result.row, { file: name, line: item.line, path: null, columns }),
            )
        })
      } else if (format === 'greenhouse') {
        await eachItem(file, log, (item) =>
          scorecard(name, item, 'greenhouse', greenhouseScorecard(item.value, item.path!)),
        )
      } else {
        await eachItem(file, log, (item) =>
          scorecard(name, item, 'lever', leverFeedback(item.value, item.path!)),
        )
      }
    }
    session.flushScores()
    if (log.count === 0 && !options.dryRun) session.finish()
    if (log.count === 0) changes = session.summary
    if (changes && stage?.publish && !options.dryRun) {
      await stage.publish(connection, changes, sources.map((source) => source.name).join(', '))
    } else if (changes && options.audit && !options.dryRun) {
      recordAudit(
        connection,
        {
          actor: options.audit.actor,
          action: 'import',
          target: sources.map((source) => source.name).join(', '),
          details: { changes },
        },
        options.audit.at,
      )
    }
    connection.$client.exec(log.count === 0 && !options.dryRun ? 'COMMIT' : 'ROLLBACK')
  } finally {
    if (connection.$client.inTransaction) connection.$client.exec('ROLLBACK')
    closeSession()
    await Promise.all(files.map((file) => file.items.return(undefined)))
  }
  const ok = log.count === 0
  return {
    ok,
    dry_run: options.dryRun,
    written: ok && !options.dryRun,
    files: files.map((file) => file.summary),
    problem_count: log.count,
    problems: log.problems,
    unmapped_attributes: [...unmapped.values()],
    changes,
  }
}
