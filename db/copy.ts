import { getTableColumns, getTableName, type Table } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import type { Db } from './client'
import * as sqliteTables from './schema'
import * as pgTables from './schema-pg'
import { openPostgresStore } from './store'

/**
 * The tables copied, each after the tables it references. The analytics snapshots are not:
 * they are rebuilt from these.
 */
const COPIED = [
  'rubrics',
  'rubricAreas',
  'rubricLevelWeights',
  'rubricRedFlags',
  'attributeMappings',
  'users',
  'sessions',
  'apiTokens',
  'auditLog',
  'requisitions',
  'candidates',
  'applications',
  'interviewers',
  'scores',
  'applicationAreaScores',
  'offers',
  'employments',
  'benchmarks',
  'loginAttempts',
  'appMeta',
] as const satisfies readonly (keyof typeof sqliteTables & keyof typeof pgTables)[]

/** Tables whose ids PostgreSQL numbers itself: its counter continues after the copied ids. */
const NUMBERED = COPIED.filter((name) =>
  Object.values(getTableColumns(pgTables[name] as Table)).some(
    (column) =>
      column.name === 'id' &&
      (column as { generatedIdentity?: unknown }).generatedIdentity !== undefined,
  ),
)

/** What someone made in a database, which a copy must never overwrite. */
const MADE = ['users', 'requisitions', 'applications', 'scores'] as const

/** Rows inserted per statement (PostgreSQL takes at most 65,535 parameters in one). */
const ROWS_PER_INSERT = 1000

export class CopyRefused extends Error {}

export interface CopyReport {
  /** Rows copied, by table. */
  rows: Record<string, number>
}

/**
 * Copies a SQLite database into a PostgreSQL one, for a team moving to several instances on
 * one database: every table but the analytics snapshots, with the same ids, in one
 * transaction (an error or a stop writes nothing). The PostgreSQL database is migrated first
 * and must hold no users, requisitions, applications or ratings.
 */
export async function copyIntoPostgres(source: Db, url: string): Promise<CopyReport> {
  await (await openPostgresStore(url, { max: 1 })).close()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')
    for (const name of MADE) {
      const table = getTableName(pgTables[name])
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM "${table}") AS any`,
      )
      if (rows[0]!.any) {
        throw new CopyRefused(
          `The PostgreSQL database already holds ${table}: copy into an empty database`,
        )
      }
    }
    // What migrations seed (the default rubric, benchmarks) gives way to the copy's own.
    const names = COPIED.map((name) => `"${getTableName(pgTables[name])}"`)
    await client.query(`TRUNCATE ${names.join(', ')} RESTART IDENTITY CASCADE`)
    const target = drizzlePg(client)
    const rows: Record<string, number> = {}
    for (const name of COPIED) {
      rows[getTableName(pgTables[name])] = await copyTable(source, sqliteTables[name], (batch) =>
        target.insert(pgTables[name]).values(batch),
      )
    }
    for (const name of NUMBERED) {
      const table = getTableName(pgTables[name])
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce(max(id), 0) + 1, false) FROM "${table}"`,
      )
    }
    await client.query('COMMIT')
    return { rows }
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    await client.end()
  }
}

/**
 * Every row of a SQLite table, read one at a time as the schema maps it (JSON parsed, flags as
 * booleans), inserted a batch at a time; the number of rows.
 */
async function copyTable(
  source: Db,
  table: SQLiteTable,
  insert: (batch: Record<string, unknown>[]) => PromiseLike<unknown>,
): Promise<number> {
  const columns = Object.entries(getTableColumns(table))
  const { sql: text, params } = source.select().from(table).toSQL()
  const read = source.$client
    .prepare(text)
    .raw(true)
    .iterate(...params) as IterableIterator<unknown[]>
  let batch: Record<string, unknown>[] = []
  let copied = 0
  for (const values of read) {
    const row: Record<string, unknown> = {}
    columns.forEach(([key, column], at) => {
      const value = values[at]
      row[key] = value === null ? null : column.mapFromDriverValue(value)
    })
    batch.push(row)
    if (batch.length === ROWS_PER_INSERT) {
      await insert(batch)
      copied += batch.length
      batch = []
    }
  }
  if (batch.length > 0) await insert(batch)
  return copied + batch.length
}
