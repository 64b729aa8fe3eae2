import { describe, expect, it } from 'vitest'
import { latestDay } from '../../api/lib/field-schemas'
import { createTestApp, type ErrorResponseBody } from '../helpers/app'

const { app } = createTestApp()

async function send(path: string, method: string, body: unknown) {
  const response = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as ErrorResponseBody }
}

const benchmark = (overrides: Record<string, unknown>) => ({
  metric: 'retention_12m',
  value: 0.9,
  unit: 'rate',
  source: 'Our own target',
  source_date: '2026-01',
  ...overrides,
})

/** The request was refused with 400 naming the field. */
async function expectRefused(path: string, method: string, body: unknown, field: string) {
  const { status, body: error } = await send(path, method, body)
  expect(status).toBe(400)
  expect(error.error.code).toBe('invalid_request')
  expect(error.error.details).toEqual([{ field, message: expect.any(String) as unknown }])
  expect(error.error.message).toContain(field)
  return error.error.message
}

describe('dates of settings', () => {
  it('refuse a benchmark dated 0000-01-01, before 1970, past a year from today or not on the calendar', async () => {
    for (const date of ['0000-01-01', '1969-12', '9999', '2026-02-30', '2026-13']) {
      await expectRefused(
        '/api/benchmarks',
        'POST',
        benchmark({ source_date: date }),
        'source_date',
      )
    }
    const next = new Date()
    next.setUTCFullYear(next.getUTCFullYear() + 2)
    const message = await expectRefused(
      '/api/benchmarks',
      'POST',
      benchmark({ source_date: next.toISOString().slice(0, 10) }),
      'source_date',
    )
    expect(message).toContain(`from 1970-01-01 to ${latestDay()}`)
  })

  it('accept the first day, a year, a month and a day within the bounds', async () => {
    for (const date of ['1970-01-01', '2026', '2026-11', latestDay()]) {
      expect((await send('/api/benchmarks', 'POST', benchmark({ source_date: date }))).status).toBe(
        201,
      )
    }
  })
})

describe('text fields of settings, users, tokens and mappings', () => {
  it('refuse control characters with a 400 naming the field', async () => {
    await expectRefused('/api/benchmarks', 'POST', benchmark({ source: '\u0000' }), 'source')
    await expectRefused('/api/benchmarks', 'POST', benchmark({ metro: 'Austin\u001b' }), 'metro')
    await expectRefused('/api/benchmarks', 'POST', benchmark({ note: 'a\u007fb' }), 'note')
    await expectRefused('/api/benchmarks', 'POST', benchmark({ unit: 'ra\tte' }), 'unit')
    await expectRefused(
      '/api/users',
      'POST',
      { email: 'new@test.example', role: 'talent_lead', name: 'Ada\u0007' },
      'name',
    )
    await expectRefused('/api/auth/tokens', 'POST', { name: 'night\nly' }, 'name')
    await expectRefused(
      '/api/attribute-mappings',
      'PUT',
      { mappings: [{ source: 'greenhouse', attribute: 'Rust\u0000ownership', area: 'ownership' }] },
      'mappings.0.attribute',
    )
  })
})
