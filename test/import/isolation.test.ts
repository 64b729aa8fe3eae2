import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../db/client'
import { importFiles } from '../../api/import/import-files'
import { applicationRow, csv, scoreRow, APPLICATION_HEADER, SCORE_HEADER } from '../helpers/csv'

const APPLICATIONS = Array.from({ length: 40 }, (_, i) =>
  applicationRow({ application_id: `APP-${i}`, candidate_id: `CAND-${i}` }),
)

/** A stream that sends its first part, then waits to be released before sending the rest. */
function heldStream(text: string) {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  const middle = text.indexOf('\n', text.length / 2) + 1
  const stream = Readable.from(
    (async function* () {
      yield Buffer.from(text.slice(0, middle))
      await released
      yield Buffer.from(text.slice(middle))
    })(),
  )
  return { stream, release }
}

const count = (db: Db, table: string) =>
  (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('an import on a database file', () => {
  let directory: string
  let db: Db
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'loopscope-import-'))
    db = openDatabase(join(directory, 'test.db'))
  })
  afterEach(() => {
    db.$client.close()
    rmSync(directory, { recursive: true, force: true })
  })

  it('is invisible to other readers until it commits', async () => {
    const held = heldStream(csv(APPLICATION_HEADER, APPLICATIONS))
    const importing = importFiles(db, [{ name: 'applications.csv', stream: held.stream }], {
      dryRun: false,
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(count(db, 'applications')).toBe(0)
    held.release()
    const report = await importing
    expect(report.written).toBe(true)
    expect(count(db, 'applications')).toBe(40)
  })

  it('leaves the file unchanged when a later row is bad, and a dry run writes nothing', async () => {
    const bad = csv(SCORE_HEADER, [scoreRow({ application_id: 'APP-1' }), scoreRow({ rating: 9 })])
    const failed = await importFiles(
      db,
      [
        {
          name: 'applications.csv',
          stream: Readable.from([csv(APPLICATION_HEADER, APPLICATIONS)]),
        },
        { name: 'scores.csv', stream: Readable.from([bad]) },
      ],
      { dryRun: false },
    )
    expect(failed.ok).toBe(false)
    expect(count(db, 'applications')).toBe(0)
    const dry = await importFiles(
      db,
      [
        {
          name: 'applications.csv',
          stream: Readable.from([csv(APPLICATION_HEADER, APPLICATIONS)]),
        },
      ],
      { dryRun: true },
    )
    expect(dry.changes?.applications.insert).toBe(40)
    expect(count(db, 'applications')).toBe(0)
    expect(count(db, 'interviewers')).toBe(0)
  })

  it('runs two imports into one file one after the other, never interleaved', async () => {
    const first = heldStream(csv(APPLICATION_HEADER, APPLICATIONS))
    const one = importFiles(db, [{ name: 'a.csv', stream: first.stream }], { dryRun: false })
    const withdrawn = APPLICATIONS.map((row) => ({ ...row, decision: 'withdrew' }))
    const two = importFiles(
      db,
      [{ name: 'b.csv', stream: Readable.from([csv(APPLICATION_HEADER, withdrawn)]) }],
      { dryRun: false },
    )
    first.release()
    const [firstReport, secondReport] = await Promise.all([one, two])
    expect(firstReport.changes?.applications.insert).toBe(40)
    expect(secondReport.changes?.applications.update).toBe(40)
    const decisions = db.$client.prepare('SELECT DISTINCT decision FROM applications').all()
    expect(decisions).toEqual([{ decision: 'withdrew' }])
  })
})
