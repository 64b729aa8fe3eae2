import { eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { first, rows, runOnSqlite, write, type Queries } from './store'

export const DEMO_DATA_KEY = 'demo_data'
export const DATA_VERSION_KEY = 'data_version'

export function* metaValue({ db, tables: { appMeta } }: Queries, key: string) {
  const found = yield* first(db.select().from(appMeta).where(eq(appMeta.key, key)))
  return found?.value ?? null
}

export function* setMeta({ db, tables: { appMeta } }: Queries, key: string, value: string) {
  yield* write(
    db
      .insert(appMeta)
      .values({ key, value })
      .onConflictDoUpdate({ target: appMeta.key, set: { value } }),
  )
}

/** Every write bumps this, so anything cached from the data can tell it is stale; the new one. */
export function* nextDataVersion({ db, tables: { appMeta } }: Queries) {
  const [bumped] = yield* rows(
    db
      .insert(appMeta)
      .values({ key: DATA_VERSION_KEY, value: '1' })
      .onConflictDoUpdate({
        target: appMeta.key,
        set: { value: sql`CAST(CAST(${appMeta.value} AS INTEGER) + 1 AS TEXT)` },
      })
      .returning({ value: appMeta.value }),
  )
  return bumped!.value
}

export const readMeta = (db: Db, key: string): string | null =>
  runOnSqlite(db, (queries) => metaValue(queries, key))

export const writeMeta = (db: Db, key: string, value: string): void =>
  runOnSqlite(db, (queries) => setMeta(queries, key, value))
