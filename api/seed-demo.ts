import { Readable, Writable } from 'node:stream'
import { count, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client'
import { DEMO_DATA_KEY, metaValue, setMeta } from '../db/meta'
import { rows, sqliteStore, write, type Store } from '../db/store'
import { DEMO_APPLICATIONS, DEMO_SEED, writeDemoCsv } from './demo/demo-csv'
import { DEMO_SALARY_BANDS } from './demo/demo-data'
import { importInto } from './import/import-files'

function collect(into: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      into.push(chunk)
      done()
    },
  })
}

/**
 * Fills a database that has no applications with the demo data set, through the same
 * importer users use, with a salary band for every level, and marks it as demo data.
 * Returns whether it seeded. `into` is the SQLite connection, or PostgreSQL's address; of
 * several instances starting at once on an empty database, one seeds.
 */
export async function seedDemoInto(
  store: Store,
  into: Db | { postgres: string },
  until: string,
): Promise<boolean> {
  const claimed = await store.transaction(
    function* (queries) {
      const { db, tables } = queries
      const [stored] = yield* rows(db.select({ n: count() }).from(tables.applications))
      if ((stored?.n ?? 0) > 0 || (yield* metaValue(queries, DEMO_DATA_KEY)) !== null) return false
      // Before the import, whose data change makes the analytics read the bands too.
      const bands = yield* rows(
        db
          .insert(tables.benchmarks)
          .values(DEMO_SALARY_BANDS)
          .returning({ id: tables.benchmarks.id }),
      )
      yield* setMeta(queries, DEMO_DATA_KEY, 'true')
      return bands.map((band) => band.id)
    },
    { exclusive: true },
  )
  if (claimed === false) return false
  try {
    await importDemo(into, until)
  } catch (error) {
    // As it was, so that the next start tries again.
    await store.transaction(function* ({ db, tables }) {
      yield* write(db.delete(tables.benchmarks).where(inArray(tables.benchmarks.id, claimed)))
      yield* write(db.delete(tables.appMeta).where(eq(tables.appMeta.key, DEMO_DATA_KEY)))
    })
    throw error
  }
  return true
}

/** The demo data set, generated and imported. */
async function importDemo(into: Db | { postgres: string }, until: string): Promise<void> {
  const applicationChunks: Buffer[] = []
  const scoreChunks: Buffer[] = []
  await writeDemoCsv(
    { applications: DEMO_APPLICATIONS, seed: DEMO_SEED, until },
    collect(applicationChunks),
    collect(scoreChunks),
  )
  const report = await importInto(
    into,
    [
      { name: 'demo applications.csv', stream: Readable.from([Buffer.concat(applicationChunks)]) },
      { name: 'demo scores.csv', stream: Readable.from([Buffer.concat(scoreChunks)]) },
    ],
    { dryRun: false },
  )
  if (!report.ok) {
    const first = report.problems[0]
    throw new Error(
      `The demo data did not import: ${first?.file} line ${first?.line}: ${first?.message}`,
    )
  }
}

/** As seedDemoInto, for a SQLite connection. */
export const seedDemoIfEmpty = (db: Db, until: string): Promise<boolean> =>
  seedDemoInto(sqliteStore(db), db, until)
