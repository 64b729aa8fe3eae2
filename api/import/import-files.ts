import type { Db } from '../../db/client'
import {
  ProblemLog,
  parseImportFiles,
  type ImportProblem,
  type ImportSource,
  type ParsedFiles,
} from './validate-files'
import { resolveReferences, writeChanges, type ChangeSummary } from './write-import'

export interface ImportOptions {
  dryRun: boolean
  /** Problems reported in full; the rest are only counted. */
  maxProblems?: number
}

export interface ImportReport {
  ok: boolean
  dry_run: boolean
  /** True only when the changes were committed to the database. */
  written: boolean
  files: ParsedFiles['files']
  problem_count: number
  problems: ImportProblem[]
  changes: ChangeSummary | null
}

/**
 * The importer for the canonical CSV files: validate everything, then write nothing or
 * everything in one transaction. Re-importing the same ids updates them in place.
 */
export async function importFiles(
  db: Db,
  sources: readonly ImportSource[],
  { dryRun, maxProblems = 1000 }: ImportOptions,
): Promise<ImportReport> {
  const log = new ProblemLog(maxProblems)
  const parsed = await parseImportFiles(sources, log)
  let changes: ChangeSummary | null = null
  if (log.count === 0) {
    const transaction = db.$client.transaction(() => {
      const resolved = resolveReferences(db, parsed, log)
      return log.count === 0 ? writeChanges(db, parsed, resolved, dryRun) : null
    })
    changes = dryRun ? transaction.deferred() : transaction.immediate()
  }
  const ok = log.count === 0
  return {
    ok,
    dry_run: dryRun,
    written: ok && !dryRun,
    files: parsed.files,
    problem_count: log.count,
    problems: log.problems,
    changes,
  }
}
