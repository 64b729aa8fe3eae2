import { openDatabase, type Db } from '../../db/client'
import {
  FILE_KINDS,
  detectFileKind,
  recordReader,
  type FileKind,
  type RowOf,
} from './canonical-format'
import { CsvReadError, readCsvRecords, type CsvRecord } from './csv-records'
import { ImportSession, type ChangeSummary } from './import-session'
import {
  ProblemLog,
  headerProblems,
  type ImportProblem,
  type ImportSource,
  type Located,
} from './row-checks'

export interface ImportOptions {
  dryRun: boolean
  /** Problems reported in full; the rest are only counted. */
  maxProblems?: number
}

export interface FileSummary {
  file: string
  kind: FileKind | null
  rows: number
}

export interface ImportReport {
  ok: boolean
  dry_run: boolean
  /** True only when the changes were committed to the database. */
  written: boolean
  files: FileSummary[]
  problem_count: number
  problems: ImportProblem[]
  changes: ChangeSummary | null
}

interface OpenFile {
  summary: FileSummary
  header: string[]
  records: AsyncGenerator<CsvRecord>
}

/** Reads each file's header to learn its kind; files with a bad header are reported and closed. */
async function openFiles(sources: readonly ImportSource[], log: ProblemLog): Promise<OpenFile[]> {
  const opened: OpenFile[] = []
  for (const source of sources) {
    const summary: FileSummary = { file: source.name, kind: null, rows: 0 }
    const records = readCsvRecords(source.stream)
    try {
      const first = await records.next()
      if (first.done) {
        log.add({
          file: source.name,
          line: 1,
          column: null,
          message: 'The file is empty: expected a header row and one row per record',
        })
      } else {
        const header = first.value.fields.map((name) => name.trim())
        summary.kind = detectFileKind(header)
        const problems = headerProblems(source.name, header, summary.kind)
        problems.forEach((problem) => log.add(problem))
        if (problems.length === 0) {
          opened.push({ summary, header, records })
          continue
        }
      }
    } catch (error) {
      if (!(error instanceof CsvReadError)) throw error
      log.add({
        file: source.name,
        line: error.line,
        column: null,
        message: `Cannot read the file: ${error.message}`,
      })
    }
    await records.return(undefined)
    opened.push({ summary, header: [], records: (async function* () {})() })
  }
  return opened
}

/** Streams one file's rows through `accept`, reporting every row that cannot be read. */
async function importRows<Spec extends (typeof FILE_KINDS)[FileKind]>(
  file: OpenFile,
  spec: Spec,
  accept: (row: Located<RowOf<Spec>>) => void,
  log: ProblemLog,
): Promise<void> {
  const { summary, header } = file
  const columns: ReadonlySet<string> = new Set(header)
  const read = recordReader(spec, header)
  try {
    for await (const record of file.records) {
      summary.rows++
      const result = read(record.fields)
      if (result.problems === null) {
        accept(Object.assign(result.row, { file: summary.file, line: record.line, columns }))
      } else {
        for (const problem of result.problems) {
          log.add({ file: summary.file, line: record.line, ...problem })
        }
      }
    }
  } catch (error) {
    if (!(error instanceof CsvReadError)) throw error
    log.add({
      file: summary.file,
      line: error.line,
      column: null,
      message: `Cannot read the file: ${error.message}`,
    })
  }
}

// One import at a time per database file in this process: they would only wait on the lock.
const running = new Map<string, Promise<unknown>>()

/**
 * The importer for the canonical CSV files. It streams every file once, checking and writing
 * row by row inside one transaction on a connection of its own, and commits only if no row had
 * a problem (and it is not a dry run): otherwise it rolls back and the database is unchanged.
 * Re-importing the same ids updates them in place.
 */
export async function importFiles(
  db: Db,
  sources: readonly ImportSource[],
  options: ImportOptions,
): Promise<ImportReport> {
  const path = db.$client.name
  const previous = running.get(path) ?? Promise.resolve()
  const current = previous.catch(() => undefined).then(() => runImport(db, sources, options))
  running.set(path, current)
  try {
    return await current
  } finally {
    if (running.get(path) === current) running.delete(path)
  }
}

async function runImport(
  db: Db,
  sources: readonly ImportSource[],
  { dryRun, maxProblems = 1000 }: ImportOptions,
): Promise<ImportReport> {
  const log = new ProblemLog(maxProblems)
  const files = await openFiles(sources, log)
  // Its own connection, so the server's readers keep seeing the last committed data meanwhile.
  const connection = db.$client.memory ? db : openDatabase(db.$client.name)
  let changes: ChangeSummary | null = null
  try {
    connection.$client.exec('BEGIN IMMEDIATE')
    connection.$client.pragma('defer_foreign_keys = ON')
    const session = new ImportSession(connection, log)
    const ofKind = (kind: FileKind) => files.filter((file) => file.summary.kind === kind)
    for (const file of ofKind('applications')) {
      await importRows(file, FILE_KINDS.applications, (row) => session.application(row), log)
    }
    session.finishApplications()
    for (const file of ofKind('scores')) {
      await importRows(file, FILE_KINDS.scores, (row) => session.score(row), log)
    }
    if (log.count === 0 && !dryRun) session.finish()
    if (log.count === 0) changes = session.summary
    connection.$client.exec(log.count === 0 && !dryRun ? 'COMMIT' : 'ROLLBACK')
  } finally {
    if (connection.$client.inTransaction) connection.$client.exec('ROLLBACK')
    if (connection !== db) connection.$client.close()
    await Promise.all(files.map((file) => file.records.return(undefined)))
  }
  const ok = log.count === 0
  return {
    ok,
    dry_run: dryRun,
    written: ok && !dryRun,
    files: files.map((file) => file.summary),
    problem_count: log.count,
    problems: log.problems,
    changes,
  }
}
