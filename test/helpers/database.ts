import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { openDatabase, type Db } from '../../db/client'
import { importFiles, type ImportReport } from '../../api/import/import-files'

/** A fresh in-memory database built from the real migrations, with the default rubric. */
export function createTestDatabase(): Db {
  return openDatabase(':memory:')
}

/** Imports CSV texts (or raw bytes) named like files, through the real importer. */
export function importTexts(
  db: Db,
  files: Record<string, string | Buffer>,
  { dryRun = false } = {},
): Promise<ImportReport> {
  return importFiles(
    db,
    Object.entries(files).map(([name, content]) => ({
      name,
      stream: Readable.from([typeof content === 'string' ? Buffer.from(content) : content]),
    })),
    { dryRun },
  )
}

/**
 * A small first import: the first `count` applications of a fixture's applications.csv and
 * the rows of its scores.csv that rate them, through the real importer.
 */
export function importFirstApplications(
  db: Db,
  fixture: { applications: Buffer; scores: Buffer },
  count: number,
): Promise<ImportReport> {
  const [applicationHeader = [], ...applications] = parse(fixture.applications)
  const [scoreHeader = [], ...scores] = parse(fixture.scores)
  const idColumn = (header: string[]) => header.indexOf('application_id')
  const kept = applications.slice(0, count)
  const ids = new Set(kept.map((row) => row[idColumn(applicationHeader)]))
  return importTexts(db, {
    'applications.csv': stringify([applicationHeader, ...kept]),
    'scores.csv': stringify([
      scoreHeader,
      ...scores.filter((row) => ids.has(row[idColumn(scoreHeader)])),
    ]),
  })
}

const DATA_TABLES = [
  'requisitions',
  'candidates',
  'applications',
  'offers',
  'employments',
  'interviewers',
  'scores',
  'app_meta',
] as const

/** Every row of every data table, to prove that a failed import changed nothing. */
export function snapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    DATA_TABLES.map((table) => [
      table,
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ]),
  )
}
