import { eq, sql } from 'drizzle-orm'
import type { Db } from './client'
import { appMeta } from './schema'

export const DEMO_DATA_KEY = 'demo_data'
export const DATA_VERSION_KEY = 'data_version'

export function readMeta(db: Db, key: string): string | null {
  return db.select().from(appMeta).where(eq(appMeta.key, key)).get()?.value ?? null
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.insert(appMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: appMeta.key, set: { value } })
    .run()
}

/** Every write bumps this, so anything cached from the data can tell it is stale. */
export function bumpDataVersion(db: Db): void {
  db.insert(appMeta)
    .values({ key: DATA_VERSION_KEY, value: '1' })
    .onConflictDoUpdate({
      target: appMeta.key,
      set: { value: sql`CAST(CAST(${appMeta.value} AS INTEGER) + 1 AS TEXT)` },
    })
    .run()
}
