import { describe, expect, it } from 'vitest'
import { createTestApp, type ErrorResponseBody } from '../helpers/app'
import { snapshot } from '../helpers/database'
import { applicationRow, csv, scoreRow, APPLICATION_HEADER, SCORE_HEADER } from '../helpers/csv'

interface ReportBody {
  ok: boolean
  written: boolean
  dry_run: boolean
  files: { file: string; kind: string | null; rows: number }[]
  changes: Record<string, { insert: number; update: number; unchanged: number }> | null
  problems: { file: string; line: number | null; column: string | null; message: string }[]
}

const applications = csv(APPLICATION_HEADER, [
  applicationRow(),
  applicationRow({
    application_id: 'APP-2',
    candidate_id: 'CAND-2',
    candidate_name: 'Alan Turing',
  }),
])
const scores = csv(SCORE_HEADER, [scoreRow(), scoreRow({ area: 'judgment', rating: 4 })])

function form(files: Record<string, string>) {
  const body = new FormData()
  for (const [name, text] of Object.entries(files)) {
    body.append('files', new File([text], name, { type: 'text/csv' }))
  }
  return body
}

describe('POST /api/import', () => {
  it('imports both files sent as multipart form data', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/import', {
      method: 'POST',
      body: form({ 'applications.csv': applications, 'scores.csv': scores }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as ReportBody
    expect(body.written).toBe(true)
    expect(body.files.map((file) => file.kind)).toEqual(['applications', 'scores'])
    expect(body.changes?.applications?.insert).toBe(2)
    expect(body.changes?.scores?.insert).toBe(2)
    const stored = await app.request('/api/applications/APP-1')
    expect(stored.status).toBe(200)
  })

  it('imports one file sent as a text/csv body, named by ?filename', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/import?filename=apps.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8' },
      body: applications,
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as ReportBody).files[0]).toEqual({
      file: 'apps.csv',
      format: 'canonical',
      kind: 'applications',
      rows: 2,
    })
  })

  it('reports without writing in a dry run', async () => {
    const { app, db } = createTestApp()
    const before = snapshot(db)
    const response = await app.request('/api/import?dry_run=1', {
      method: 'POST',
      body: form({ 'applications.csv': applications, 'scores.csv': scores }),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as ReportBody
    expect(body).toMatchObject({ ok: true, dry_run: true, written: false })
    expect(body.changes?.scores?.insert).toBe(2)
    expect(snapshot(db)).toEqual(before)
  })

  it('answers 422 with every problem and writes nothing when a row is invalid', async () => {
    const { app, db } = createTestApp()
    const before = snapshot(db)
    const response = await app.request('/api/import', {
      method: 'POST',
      body: form({
        'applications.csv': applications,
        'scores.csv': csv(SCORE_HEADER, [scoreRow(), scoreRow({ area: 'judgment', rating: 7 })]),
      }),
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as ErrorResponseBody
    expect(body.error.code).toBe('import_invalid')
    expect(body.error.message).toContain('scores.csv line 3')
    const report = body.error.details as ReportBody
    expect(report.written).toBe(false)
    expect(report.problems).toEqual([
      {
        file: 'scores.csv',
        line: 3,
        path: null,
        column: 'rating',
        message: 'rating must be a number from 1 to 4 (got "7")',
      },
    ])
    expect(snapshot(db)).toEqual(before)
  })

  it('rejects a body that is neither CSV, JSON nor a form with 415', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/import', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<rows/>',
    })
    expect(response.status).toBe(415)
    expect(((await response.json()) as ErrorResponseBody).error.code).toBe('unsupported_media_type')
  })

  it('rejects a form without files, and a bad dry_run value, with 400', async () => {
    const { app } = createTestApp()
    const empty = new FormData()
    empty.append('note', 'no file here')
    const noFiles = await app.request('/api/import', { method: 'POST', body: empty })
    expect(noFiles.status).toBe(400)
    expect(((await noFiles.json()) as ErrorResponseBody).error.message).toContain('no file')
    const badFlag = await app.request('/api/import?dry_run=maybe', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: applications,
    })
    expect(badFlag.status).toBe(400)
    expect(((await badFlag.json()) as ErrorResponseBody).error.message).toContain('dry_run')
  })

  it('accepts only POST', async () => {
    const { app } = createTestApp()
    expect((await app.request('/api/import')).status).toBe(404)
  })
})
