import { join } from 'node:path'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client'
import { temporaryDatabase } from './temporary-database'

/**
 * The PostgreSQL migrations on a real server (`TEST_DATABASE_URL`, a role that may create
 * databases; `scripts/pg-test-server` starts one): they apply to an empty database and again
 * to a migrated one, and leave the same tables, columns, keys, indexes and checks that the
 * SQLite migrations leave, enforcing the same rules.
 */

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'db', 'migrations-pg')

let database: Awaited<ReturnType<typeof temporaryDatabase>>
let pool: pg.Pool
let sqlite: Db

beforeAll(async () => {
  database = await temporaryDatabase()
  pool = new pg.Pool({ connectionString: database.url, max: 2 })
  sqlite = openDatabase(':memory:')
})

afterAll(async () => {
  await pool.end()
  await database.drop()
  sqlite.$client.close()
})

const query = async <Row>(text: string, values: unknown[] = []) =>
  (await pool.query(text, values)).rows as Row[]

interface ColumnShape {
  name: string
  notNull: boolean
  primaryKeyPosition: number
}

function sqliteTables(): string[] {
  return (
    sqlite.$client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).sort()
}

function sqliteColumns(table: string): ColumnShape[] {
  const rows = sqlite.$client.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string
    notnull: number
    pk: number
  }[]
  return rows.map((row) => ({
    name: row.name,
    // A primary key column cannot hold null in either database, declared or not.
    notNull: row.notnull === 1 || row.pk > 0,
    primaryKeyPosition: row.pk,
  }))
}

async function pgColumns(table: string): Promise<ColumnShape[]> {
  const rows = await query<{ name: string; not_null: boolean; key_position: number | null }>(
    `SELECT a.attname AS name, a.attnotnull AS not_null,
            array_position(c.conkey, a.attnum) AS key_position
       FROM pg_attribute a
       LEFT JOIN pg_constraint c ON c.conrelid = a.attrelid AND c.contype = 'p'
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [table],
  )
  return rows.map((row) => ({
    name: row.name,
    notNull: row.not_null,
    primaryKeyPosition: row.key_position ?? 0,
  }))
}

describe('the PostgreSQL migrations', () => {
  it('apply to an empty database, and again to a migrated one without change', async () => {
    const db = drizzle(pool)
    await migrate(db, { migrationsFolder: MIGRATIONS })
    const applied = await query<{ id: number }>('SELECT id FROM drizzle.__drizzle_migrations')
    await migrate(db, { migrationsFolder: MIGRATIONS })
    expect(await query('SELECT id FROM drizzle.__drizzle_migrations')).toEqual(applied)
    expect(applied.length).toBeGreaterThan(0)
  })

  it('make the tables the SQLite migrations make, column for column', async () => {
    const tables = (
      await query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    ).map((row) => row.name)
    expect(tables).toEqual(sqliteTables())
    for (const table of tables) {
      expect(await pgColumns(table), table).toEqual(sqliteColumns(table))
    }
  })

  // A unique column is a unique index in SQLite and a unique constraint, with its index of the
  // same name, in PostgreSQL.
  it('make the same named indexes, unique where SQLite has them unique', async () => {
    const inPg = await query<{ name: string; table: string; unique: boolean }>(
      `SELECT i.relname AS name, t.relname AS table, x.indisunique AS unique
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND NOT x.indisprimary
        ORDER BY i.relname`,
    )
    const inSqlite = sqlite.$client
      .prepare(
        'SELECT name, tbl_name AS "table" FROM sqlite_master WHERE type = \'index\' AND sql IS NOT NULL ORDER BY name',
      )
      .all() as { name: string; table: string }[]
    expect(inPg.map(({ name, table }) => ({ name, table }))).toEqual(inSqlite)
    for (const index of inPg) {
      const sql = sqlite.$client
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
        .pluck()
        .get(index.name) as string
      expect(index.unique, index.name).toBe(/^CREATE UNIQUE INDEX/i.test(sql))
    }
  })

  it('make the same foreign keys, with the same deletes', async () => {
    const inPg = await query<{ table: string; column: string; references: string; action: string }>(
      `SELECT t.relname AS table, a.attname AS column, f.relname AS references,
              c.confdeltype AS action
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class f ON f.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f'
        ORDER BY 1, 2`,
    )
    const actionOf: Record<string, string> = {
      a: 'NO ACTION',
      c: 'CASCADE',
      n: 'SET NULL',
      r: 'RESTRICT',
    }
    const inSqlite = sqliteTables()
      .flatMap((table) =>
        (
          sqlite.$client.prepare(`PRAGMA foreign_key_list(${table})`).all() as {
            table: string
            from: string
            on_delete: string
          }[]
        ).map((key) => ({
          table,
          column: key.from,
          references: key.table,
          action: key.on_delete,
        })),
      )
      .sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column))
    expect(inPg.map((key) => ({ ...key, action: actionOf[key.action] }))).toEqual(inSqlite)
  })

  it('enforce the checks and cascades the application relies on', async () => {
    await query("INSERT INTO rubrics (key, name) VALUES ('rust', 'Rust')")
    const [area] = await query<{ id: number }>(
      "INSERT INTO rubric_areas (rubric_id, key, name, position) SELECT id, 'ownership', 'Ownership', 1 FROM rubrics RETURNING id",
    )
    await query(
      "INSERT INTO requisitions (id, level, rubric_id) SELECT 'REQ-1', 'senior', id FROM rubrics",
    )
    await query("INSERT INTO candidates (id) VALUES ('CAND-1')")
    await query(
      "INSERT INTO applications (id, candidate_id, requisition_id, applied_at, decision) VALUES ('APP-1', 'CAND-1', 'REQ-1', '2026-01-05', 'hired')",
    )
    const [interviewer] = await query<{ id: number }>(
      "INSERT INTO interviewers (handle) VALUES ('ana') RETURNING id",
    )
    const score = (rating: number) =>
      query(
        'INSERT INTO scores (application_id, area_id, interviewer_id, rating) VALUES ($1, $2, $3, $4)',
        ['APP-1', area!.id, interviewer!.id, rating],
      )
    await expect(score(9)).rejects.toThrow(/scores_rating_range/)
    await score(3)
    const [stored] = await query<{ red_flags: unknown; rating: number }>(
      'SELECT red_flags, rating FROM scores',
    )
    expect(stored).toEqual({ red_flags: [], rating: 3 })
    await expect(
      query(
        "INSERT INTO employments (application_id, start_date, end_date) VALUES ('APP-1', '2026-02-01', '2026-01-01')",
      ),
    ).rejects.toThrow(/employments_end_after_start/)
    await expect(
      query("INSERT INTO offers (application_id, salary) VALUES ('APP-1', 0)"),
    ).rejects.toThrow(/offers_salary_positive/)

    await query("DELETE FROM applications WHERE id = 'APP-1'")
    expect(await query('SELECT * FROM scores')).toEqual([])
  })

  it('keep a sign-in time in milliseconds, which a 32-bit integer cannot hold', async () => {
    const at = Date.UTC(2026, 11, 5, 12, 0, 0, 123)
    await query("INSERT INTO login_attempts (key, state, at) VALUES ('account:a', 'failed', $1)", [
      at,
    ])
    const [row] = await query<{ at: string }>('SELECT at FROM login_attempts')
    expect(Number(row!.at)).toBe(at)
  })

  it('give a new user the creation time in the format SQLite gives it', async () => {
    await query("INSERT INTO users (email, role) VALUES ('a@example.com', 'admin')")
    const [inPg] = await query<{ created_at: string }>('SELECT created_at FROM users')
    sqlite.$client
      .prepare("INSERT INTO users (email, role) VALUES ('a@example.com', 'admin')")
      .run()
    const inSqlite = sqlite.$client.prepare('SELECT created_at FROM users').pluck().get() as string
    const format = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
    expect(inSqlite).toMatch(format)
    expect(inPg!.created_at).toMatch(format)
  })
})
