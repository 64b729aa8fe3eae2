import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import { APPLICATION_COLUMNS, SCORE_COLUMNS } from '../import/canonical-format'
import { generateDemoData, type DemoOptions } from './demo-data'

/** The demo settings `npm start` seeds an empty database with. */
export const DEMO_APPLICATIONS = 1500
export const DEMO_SEED = 49

async function write(stream: ReturnType<typeof stringify>, record: object): Promise<void> {
  if (!stream.write(record)) await once(stream, 'drain')
}

async function finish(stream: ReturnType<typeof stringify>, target: Writable): Promise<void> {
  stream.end()
  if (!target.writableFinished) await once(target, 'finish')
}

/** Writes generated demo data as the two canonical CSV files, streaming (any size fits). */
export async function writeDemoCsv(
  options: DemoOptions,
  applicationsOut: Writable,
  scoresOut: Writable,
): Promise<{ applications: number; scores: number }> {
  const applications = stringify({ header: true, columns: Object.keys(APPLICATION_COLUMNS) })
  const scores = stringify({ header: true, columns: Object.keys(SCORE_COLUMNS) })
  applications.pipe(applicationsOut)
  scores.pipe(scoresOut)
  const counts = { applications: 0, scores: 0 }
  for (const entry of generateDemoData(options)) {
    await write(applications, entry.application)
    counts.applications++
    for (const score of entry.scores) {
      await write(scores, score)
      counts.scores++
    }
  }
  await Promise.all([finish(applications, applicationsOut), finish(scores, scoresOut)])
  return counts
}
