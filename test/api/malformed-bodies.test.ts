import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FORM_LIMITS } from '../../api/import/upload-spool'
import { createTestApp, type ErrorResponseBody } from '../helpers/app'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'

const uploads = mkdtempSync(join(tmpdir(), 'loopscope-malformed-'))
afterAll(() => rmSync(uploads, { recursive: true, force: true }))
const { app } = createTestApp(undefined, { uploadDirectory: uploads })

const BOUNDARY = 'loopscope-test-boundary'
const FORM = `multipart/form-data; boundary=${BOUNDARY}`
const filePart = (name: string, body: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${body}\r\n`
const closing = `--${BOUNDARY}--\r\n`
const applications = csv(APPLICATION_HEADER, [applicationRow()])

async function post(path: string, contentType: string, body: string) {
  const response = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
  const text = await response.text()
  return { status: response.status, error: (JSON.parse(text) as ErrorResponseBody).error }
}

/** Refused with this status and a message naming the problem; no upload left behind. */
async function expectRefused(
  path: string,
  contentType: string,
  body: string,
  status: number,
  message: RegExp,
) {
  const answer = await post(path, contentType, body)
  expect(answer.status).toBe(status)
  expect(answer.error.message).toMatch(message)
  expect(readdirSync(uploads)).toEqual([])
}

describe('malformed multipart uploads answer 400 naming the problem, never 500', () => {
  it('a well-formed form imports, as a check of the rest', async () => {
    const answer = await app.request('/api/import?dry_run=1', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: filePart('applications.csv', applications) + closing,
    })
    expect(answer.status).toBe(200)
    expect(readdirSync(uploads)).toEqual([])
  })

  it('a part without its closing boundary', async () => {
    await expectRefused(
      '/api/import',
      FORM,
      filePart('applications.csv', applications),
      400,
      /ends before its closing boundary/,
    )
  })

  it('a body cut off inside a part header, and an empty body', async () => {
    await expectRefused(
      '/api/import',
      FORM,
      `--${BOUNDARY}\r\nContent-Disp`,
      400,
      /closing boundary/,
    )
    await expectRefused('/api/import', FORM, '', 400, /closing boundary/)
  })

  it('a Content-Type without its boundary parameter, or one that cannot be read', async () => {
    await expectRefused(
      '/api/import',
      'multipart/form-data',
      filePart('applications.csv', applications) + closing,
      400,
      /no boundary parameter/,
    )
    await expectRefused(
      '/api/import',
      'multipart/form-data; boundary="',
      'x',
      400,
      /cannot be read/,
    )
  })

  it('a part whose header is not a header', async () => {
    await expectRefused(
      '/api/import',
      FORM,
      `--${BOUNDARY}\r\nthis is not a header\r\n\r\nx\r\n${closing}`,
      400,
      /malformed header/,
    )
  })

  it('a form with no file, too many files, or a field too large', async () => {
    await expectRefused('/api/import', FORM, closing, 400, /has no file/)
    const many = Array.from({ length: FORM_LIMITS.files + 1 }, (_, index) =>
      filePart(`f${index}.csv`, 'x'),
    ).join('')
    await expectRefused('/api/import', FORM, many + closing, 400, /more than 20 files/)
    const field = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="notes"\r\n\r\n${'x'.repeat(FORM_LIMITS.fieldSize + 1)}\r\n`
    await expectRefused('/api/import', FORM, field + closing, 400, /"notes" is over 64 KB/)
  })
})

describe('other malformed bodies answer 4xx naming the problem', () => {
  it('an import of a type that is not a file', async () => {
    await expectRefused(
      '/api/import',
      'application/x-www-form-urlencoded',
      'a=b',
      415,
      /"application\/x-www-form-urlencoded" is not accepted/,
    )
  })

  it('JSON that does not parse, is not an object, or is not sent as JSON', async () => {
    await expectRefused('/api/benchmarks', 'application/json', '{', 400, /Malformed JSON/)
    await expectRefused('/api/benchmarks', 'application/json', '', 400, /Malformed JSON/)
    await expectRefused('/api/benchmarks', 'application/json', '[]', 400, /expected object/)
    await expectRefused(
      '/api/auth/tokens',
      'text/plain',
      '{}',
      415,
      /"text\/plain" is not accepted: send the body as application\/json/,
    )
    await expectRefused(
      '/api/auth/tokens',
      FORM,
      closing,
      415,
      /send the body as application\/json/,
    )
  })
})
