import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client'
import { copyIntoPostgres, CopyRefused } from '../../db/copy'
import { openPostgresStore, rows, sqliteStore, type PostgresStore } from '../../db/store'
import { readDatasetFrom } from '../../api/dataset/dataset'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { exportCsv } from '../helpers/export'
import { temporaryDatabase } from './temporary-database'

const TODAY = '2026-06-30'

describe('a SQLite database copied into PostgreSQL', () => {
  let sqlite: Db
  let database: Awaited<ReturnType<typeof temporaryDatabase>>
  let postgres: PostgresStore
  let copied: Record<string, number>

  beforeAll(async () => {
    sqlite = openDatabase(':memory:')
    await seedDemoIfEmpty(sqlite, TODAY)
    database = await temporaryDatabase()
    copied = (await copyIntoPostgres(sqlite, database.url)).rows
    postgres = await openPostgresStore(database.url)
  }, 120_000)

  afterAll(async () => {
    await postgres.close()
    await database.drop()
    sqlite.$client.close()
  })

  it('holds every row of every table', () => {
    const counted = sqlite.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[]
    for (const [table, count] of Object.entries(copied)) {
      expect(counted).toContain(table)
      const inSqlite = sqlite.$client.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()
      expect(count, table).toBe(inSqlite)
    }
    expect(copied.applications).toBeGreaterThan(1000)
    expect(copied.scores).toBeGreaterThan(10_000)
  })

  it('reads the analytics columns of each rubric exactly as SQLite does', async () => {
    const keys = sqlite.$client.prepare('SELECT key FROM rubrics').pluck().all() as string[]
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) {
      const fromSqlite = await readDatasetFrom(sqliteStore(sqlite), key)
      const fromPostgres = await readDatasetFrom(postgres.store, key)
      expect(fromSqlite!.size, key).toBeGreaterThan(0)
      // Every part of the columns is there to compare: ratings, red flags, questions.
      expect(fromSqlite!.ratings.value.length, key).toBeGreaterThan(fromSqlite!.size)
      expect(fromSqlite!.redFlags.items.length, key).toBeGreaterThan(0)
      expect(fromSqlite!.questions.questions.length, key).toBeGreaterThan(0)
      expect(fromPostgres, key).toEqual(fromSqlite)
    }
    expect(await readDatasetFrom(postgres.store, 'no-such-rubric')).toBeNull()
  })

  it('exports the same files as SQLite, byte for byte', async () => {
    const fromSqlite = await exportCsv(sqlite)
    expect(fromSqlite['scores.csv']!.split('\n').length).toBeGreaterThan(10_000)
    expect(await exportCsv(postgres.store)).toEqual(fromSqlite)
  })

  it('numbers new rows after the copied ones', async () => {
    const [added] = await postgres.store.run(function* ({ db, tables }) {
      return yield* rows(
        db.insert(tables.interviewers).values({ handle: 'new-after-copy' }).returning(),
      )
    })
    const largest = sqlite.$client.prepare('SELECT max(id) FROM interviewers').pluck().get()
    expect(added!.id).toBe((largest as number) + 1)
  })

  it('refuses to copy into a database that holds data, and writes nothing', async () => {
    const before = await postgres.store.run(function* ({ db, tables }) {
      return (yield* rows(db.select().from(tables.applications))).length
    })
    await expect(copyIntoPostgres(sqlite, database.url)).rejects.toThrow(CopyRefused)
    await expect(copyIntoPostgres(sqlite, database.url)).rejects.toThrow(
      /already holds \w+: copy into an empty database/,
    )
    const after = await postgres.store.run(function* ({ db, tables }) {
      return (yield* rows(db.select().from(tables.applications))).length
    })
    expect(after).toBe(before)
  })
})
