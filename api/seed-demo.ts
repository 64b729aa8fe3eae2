import { Readable, Writable } from 'node:stream'
import { count } from 'drizzle-orm'
import type { Db } from '../db/client'
import { DEMO_DATA_KEY, writeMeta } from '../db/meta'
import { applications, benchmarks } from '../db/schema'
import { DEMO_APPLICATIONS, DEMO_SEED, writeDemoCsv } from './demo/demo-csv'
import { DEMO_SALARY_BANDS } from './demo/demo-data'
import { importFiles } from './import/import-files'

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
 * Returns whether it seeded.
 */
export async function seedDemoIfEmpty(db: Db, until: string): Promise<boolean> {
  const [stored] = db.select({ n: count() }).from(applications).all()
  if ((stored?.n ?? 0) > 0) return false
  // Before the import, whose data change makes the analytics read the bands too.
  db.insert(benchmarks).values(DEMO_SALARY_BANDS).run()
  const applicationChunks: Buffer[] = []
  const scoreChunks: Buffer[] = []
  await writeDemoCsv(
    { applications: DEMO_APPLICATIONS, seed: DEMO_SEED, until },
    collect(applicationChunks),
    collect(scoreChunks),
  )
  const report = await importFiles(
    db,
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
  writeMeta(db, DEMO_DATA_KEY, 'true')
  return true
}
