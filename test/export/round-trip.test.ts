import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import { exportCsv, sink } from '../helpers/export'
import { exportJson, exportZip } from '../../api/export/write-export'
import { sqliteStore } from '../../db/store'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { openDatabase, type Db } from '../../db/client'
import { createTestDatabase, importTexts } from '../helpers/database'
import { applicationRow, csv, scoreRow, APPLICATION_HEADER, SCORE_HEADER } from '../helpers/csv'

const AS_OF = '2026-11-24'

async function validityOf(db: Db, query = '') {
  const { app } = createTestApp(db, { today: () => AS_OF })
  const response = await app.request(`/api/analytics/validity?as_of=${AS_OF}${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as unknown
}

describe('export and import again', () => {
  it('reproduces the demo data exactly: identical validity responses', async () => {
    const original = createTestDatabase()
    await seedDemoIfEmpty(original, AS_OF)
    const files = await exportCsv(original)
    const copy = createTestDatabase()
    const report = await importTexts(copy, files)
    expect(report.ok, JSON.stringify(report.problems.slice(0, 3))).toBe(true)
    expect(await validityOf(copy)).toEqual(await validityOf(original))
    expect(await validityOf(copy, '&level=senior')).toEqual(
      await validityOf(original, '&level=senior'),
    )
    // And a second export of the copy is the same files, byte for byte.
    expect(await exportCsv(copy)).toEqual(files)
  }, 60_000)

  it('zips the two CSV files, and writes one JSON document with every row', async () => {
    const db = createTestDatabase()
    await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [
        applicationRow(),
        applicationRow({ application_id: 'APP-2' }),
      ]),
      'scores.csv': csv(SCORE_HEADER, [
        scoreRow(),
        scoreRow({ area: 'judgment', red_flags: 'rewrite_everything;unwrap_everywhere' }),
      ]),
    })
    const zipped = sink()
    await exportZip(sqliteStore(db), zipped.stream)
    const entries = unzipSync(new Uint8Array(zipped.bytes()))
    expect(Object.keys(entries).sort()).toEqual(['applications.csv', 'scores.csv'])
    expect(strFromU8(entries['scores.csv']!)).toContain('rewrite_everything;unwrap_everywhere')

    const json = sink()
    await exportJson(sqliteStore(db), json.stream, '2026-11-24T00:00:00.000Z')
    const document = JSON.parse(json.text()) as {
      format: string
      applications: { application_id: string }[]
      scores: unknown[]
    }
    expect(document.format).toBe('loopscope')
    expect(document.applications.map((row) => row.application_id)).toEqual(['APP-1', 'APP-2'])
    expect(document.scores).toHaveLength(2)
  })

  it('writes formula-like cells as text for spreadsheets, and reads them back unchanged', async () => {
    const db = createTestDatabase()
    const name = '=HYPERLINK("http://evil.example","click")'
    await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [
        applicationRow({ candidate_name: name, source: '+referral' }),
      ]),
      'scores.csv': csv(SCORE_HEADER, [scoreRow({ note: '@mention -1 point' })]),
    })
    const files = await exportCsv(db)
    expect(files['applications.csv']).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(files['applications.csv']).toContain(`'+referral`)
    expect(files['scores.csv']).toContain(`'@mention -1 point`)
    const copy = createTestDatabase()
    expect((await importTexts(copy, files)).ok).toBe(true)
    const stored = copy.$client.prepare('SELECT name FROM candidates').get() as { name: string }
    expect(stored.name).toBe(name)
    const note = copy.$client.prepare('SELECT note FROM scores').get() as { note: string }
    expect(note.note).toBe('@mention -1 point')
  })
})

describe('GET /api/export', () => {
  it('streams the zip and the JSON document with download names', async () => {
    const db = createTestDatabase()
    await importTexts(db, { 'applications.csv': csv(APPLICATION_HEADER, [applicationRow()]) })
    const { app } = createTestApp(db)
    const zip = await app.request('/api/export?format=csv')
    expect(zip.status).toBe(200)
    expect(zip.headers.get('content-type')).toBe('application/zip')
    expect(zip.headers.get('content-disposition')).toMatch(
      /attachment; filename="loopscope-export-.*\.zip"/,
    )
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()))
    expect(strFromU8(entries['applications.csv']!)).toContain('APP-1')
    const json = await app.request('/api/export?format=json')
    expect(((await json.json()) as { applications: unknown[] }).applications).toHaveLength(1)
    const bad = await app.request('/api/export?format=xlsx')
    expect(bad.status).toBe(400)
  })
})

describe('backups', () => {
  it('answers a consistent database file while the server keeps answering', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopscope-backup-test-'))
    try {
      const db = openDatabase(join(directory, 'live.db'))
      await seedDemoIfEmpty(db, AS_OF)
      const { app } = createTestApp(db)
      const [backup, health] = await Promise.all([
        app.request('/api/admin/backup'),
        app.request('/api/health'),
      ])
      expect(health.status).toBe(200)
      expect(backup.status).toBe(200)
      expect(backup.headers.get('content-type')).toBe('application/vnd.sqlite3')
      const file = join(directory, 'copy.db')
      writeFileSync(file, Buffer.from(await backup.arrayBuffer()))
      const copy = new Database(file, { readonly: true })
      const count = (database: Database.Database, table: string) =>
        (database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      for (const table of ['applications', 'scores', 'employments', 'application_area_scores']) {
        expect(count(copy, table)).toBe(count(db.$client, table))
      }
      copy.close()
      db.$client.close()
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  }, 60_000)
})
