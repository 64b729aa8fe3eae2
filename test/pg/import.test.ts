import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import pg from 'pg'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDatasetFrom } from '../../api/dataset/dataset'
import type { ImportOptions, ImportReport } from '../../api/import/import-files'
import { importIntoPostgres, POSTGRES_IMPORT_LOCK } from '../../api/import/postgres-import'
import { busyDatabase } from '../../api/lib/errors'
import { eraseCandidate } from '../../api/privacy/erasure'
import { openDatabase, type Db } from '../../db/client'
import { copyIntoPostgres } from '../../db/copy'
import { DATA_VERSION_KEY, metaValue } from '../../db/meta'
import {
  openPostgresStore,
  rows,
  sqliteStore,
  type PostgresStore,
  type Store,
} from '../../db/store'
import { importTexts } from '../helpers/database'
import { referenceFile } from '../helpers/reference'
import { temporaryDatabase } from './temporary-database'

type Files = Record<string, string>

const csvRows = (name: string): string[][] => parse(referenceFile(name))
const [applicationHeader, ...applicationRows] = csvRows('applications.csv')
const [scoreHeader, ...scoreRows] = csvRows('scores.csv')

/** The reference files cut to the first `count` applications, with a change made to rows. */
function referenceFiles(
  count: number,
  change: (row: string[], header: string[]) => string[] = (row) => row,
): Files {
  const kept = applicationRows.slice(0, count).map((row) => change([...row], applicationHeader!))
  const ids = new Set(kept.map((row) => row[0]))
  return {
    'applications.csv': stringify([applicationHeader, ...kept]),
    'scores.csv': stringify([
      scoreHeader,
      ...scoreRows.filter((row) => ids.has(row[0])).map((row) => change([...row], scoreHeader!)),
    ]),
  }
}

const sourcesOf = (files: Files) => () =>
  Object.entries(files).map(([name, text]) => ({
    name,
    stream: Readable.from([Buffer.from(text)]),
  }))

describe('an import into PostgreSQL', () => {
  let sqlite: Db
  let database: Awaited<ReturnType<typeof temporaryDatabase>>
  let postgres: PostgresStore
  let onSqlite: Store

  /** The same files imported into both; the two reports. */
  async function importBoth(files: Files, options: Partial<ImportOptions> = {}) {
    const fromSqlite = await importTexts(sqlite, files, { dryRun: options.dryRun ?? false })
    const fromPostgres = await importIntoPostgres(postgres.store, database.url, sourcesOf(files), {
      dryRun: false,
      ...options,
    })
    return { fromSqlite, fromPostgres }
  }

  /** Each store's analytics columns, the data version and the stored row counts. */
  async function stateOf(store: Store) {
    return {
      dataset: await readDatasetFrom(store, 'rust'),
      version: await store.run((queries) => metaValue(queries, DATA_VERSION_KEY)),
      scores: (await store.run(({ db, tables }) => rows(db.select().from(tables.scores)))).length,
    }
  }

  beforeAll(async () => {
    sqlite = openDatabase(':memory:')
    onSqlite = sqliteStore(sqlite)
    database = await temporaryDatabase()
    // The same starting point: the rubric and benchmarks a new database is given.
    await copyIntoPostgres(sqlite, database.url)
    postgres = await openPostgresStore(database.url)
  }, 60_000)

  afterAll(async () => {
    await postgres.close()
    await database.drop()
    sqlite.$client.close()
  })

  const expectSame = ({ fromSqlite, fromPostgres }: Record<string, ImportReport>) => {
    expect(fromPostgres).toEqual(fromSqlite)
  }

  it('writes a first import as SQLite does: the same report, the same columns', async () => {
    const both = await importBoth(referenceFiles(300))
    expect(both.fromSqlite.written).toBe(true)
    expect(both.fromSqlite.changes!.scores.insert).toBeGreaterThan(3000)
    expectSame(both)
    const [a, b] = [await stateOf(onSqlite), await stateOf(postgres.store)]
    expect(b.dataset!.size).toBe(300)
    expect(b).toEqual(a)
  })

  it('updates, adds and leaves rows in a second import as SQLite does', async () => {
    // Every application again and as many more; a decision and a rating changed.
    const both = await importBoth(
      referenceFiles(620, (row, header) => {
        if (row[0] === 'APP-000002' && header.includes('decision')) {
          row[header.indexOf('decision')] = 'withdrew'
        }
        if (row[0] === 'APP-000001' && header.includes('rating') && row[2] === 'ownership') {
          row[header.indexOf('rating')] = '4'
        }
        return row
      }),
    )
    expect(both.fromSqlite.written).toBe(true)
    const { applications, scores } = both.fromSqlite.changes!
    expect(applications.update).toBeGreaterThanOrEqual(1)
    expect(applications.unchanged).toBeGreaterThan(250)
    expect(applications.insert).toBeGreaterThan(250)
    expect(scores.update).toBeGreaterThanOrEqual(1)
    expectSame(both)
    const [a, b] = [await stateOf(onSqlite), await stateOf(postgres.store)]
    expect(b.dataset!.size).toBe(620)
    expect(b).toEqual(a)
  })

  it('writes nothing for an import with a problem, and reports it as SQLite does', async () => {
    const before = await stateOf(postgres.store)
    const files = referenceFiles(620, (row, header) => {
      if (row[0] === 'APP-000400' && header.includes('rating')) row[header.indexOf('rating')] = '9'
      if (row[0] === 'APP-000003' && header.includes('decision')) {
        row[header.indexOf('decision')] = 'hired'
      }
      return row
    })
    const both = await importBoth(files)
    expect(both.fromSqlite.ok).toBe(false)
    expect(both.fromSqlite.problem_count).toBeGreaterThan(0)
    expectSame(both)
    expect(await stateOf(postgres.store)).toEqual(before)
  })

  it('writes nothing in a dry run', async () => {
    const before = await stateOf(postgres.store)
    const files = referenceFiles(620, (row, header) => {
      if (row[0] === 'APP-000003' && header.includes('decision')) {
        row[header.indexOf('decision')] = 'withdrew'
      }
      return row
    })
    const both = await importBoth(files, { dryRun: true })
    expect(both.fromSqlite.ok).toBe(true)
    expect(both.fromSqlite.written).toBe(false)
    expect(both.fromSqlite.changes!.applications.update).toBeGreaterThanOrEqual(1)
    expectSame(both)
    expect(await stateOf(postgres.store)).toEqual(before)
  })

  it('adds ratings by new interviewers to stored applications from a scores file alone', async () => {
    const files = referenceFiles(5, (row, header) => {
      const at = header.indexOf('interviewer')
      if (at >= 0) row[at] = `new.${row[at]}`
      return row
    })
    const both = await importBoth({ 'scores.csv': files['scores.csv']! })
    expect(both.fromSqlite.problems).toEqual([])
    expect(both.fromSqlite.written).toBe(true)
    expect(both.fromSqlite.changes!.interviewers.insert).toBeGreaterThan(1)
    expectSame(both)
    expect(await stateOf(postgres.store)).toEqual(await stateOf(onSqlite))
  })

  it('waits at most 2 s for another import, then answers 503 and writes nothing', async () => {
    const before = await stateOf(postgres.store)
    // Another instance's import, holding the lock.
    const other = new pg.Client({ connectionString: database.url })
    await other.connect()
    try {
      await other.query('SELECT pg_advisory_lock($1)', [POSTGRES_IMPORT_LOCK])
      const refused = await importIntoPostgres(
        postgres.store,
        database.url,
        sourcesOf(referenceFiles(10)),
        { dryRun: false },
      ).catch((error: unknown) => error)
      expect(busyDatabase(refused)?.status).toBe(503)
    } finally {
      await other.end()
    }
    expect(await stateOf(postgres.store)).toEqual(before)
  })

  it('keeps an erased candidate erased when the files name them again, as SQLite does', async () => {
    const candidate = applicationRows[0]![applicationHeader!.indexOf('candidate_id')]!
    const at = new Date('2026-03-01T00:00:00Z')
    for (const store of [onSqlite, postgres.store]) {
      await eraseCandidate(store, candidate, { command: 'test' }, at)
    }
    const both = await importBoth(referenceFiles(620))
    expect(both.fromSqlite.written).toBe(true)
    expectSame(both)
    const nameOf = (store: Store) =>
      store.run(({ db, tables }) =>
        rows(db.select().from(tables.candidates).where(eq(tables.candidates.id, candidate))),
      )
    const [stored] = await nameOf(postgres.store)
    expect(stored!.name).toBeNull()
    expect(stored!.erasedAt).not.toBeNull()
    expect(await stateOf(postgres.store)).toEqual(await stateOf(onSqlite))
  })

  it('writes an audit entry naming the files', async () => {
    await importIntoPostgres(postgres.store, database.url, sourcesOf(referenceFiles(10)), {
      dryRun: false,
      audit: { actor: { command: 'import' } },
    })
    const entries = await postgres.store.run(({ db, tables }) =>
      rows(db.select().from(tables.auditLog)),
    )
    const last = entries.at(-1)!
    expect(last.action).toBe('import')
    expect(last.target).toBe('applications.csv, scores.csv')
  })
})
