import { Readable } from 'node:stream'
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
