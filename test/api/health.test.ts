import { describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import { importTexts } from '../helpers/database'
import { applicationRow, csv, APPLICATION_HEADER } from '../helpers/csv'

describe('GET /api/health', () => {
  it('answers on an empty database', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      status: 'ok',
      demo_data: false,
      applications: 0,
      data_version: 0,
    })
  })

  it('counts applications and bumps the data version on every import that changes data', async () => {
    const { app, db } = createTestApp()
    const version = async () =>
      ((await (await app.request('/api/health')).json()) as { data_version: number }).data_version
    await importTexts(db, { 'applications.csv': csv(APPLICATION_HEADER, [applicationRow()]) })
    expect(await version()).toBe(1)
    await importTexts(db, { 'applications.csv': csv(APPLICATION_HEADER, [applicationRow()]) })
    expect(await version()).toBe(1)
    const withdrew = applicationRow({ decision: 'withdrew' })
    await importTexts(db, { 'applications.csv': csv(APPLICATION_HEADER, [withdrew]) })
    expect(await version()).toBe(2)
    const body = (await (await app.request('/api/health')).json()) as Record<string, unknown>
    expect(body.applications).toBe(1)
  })
})

describe('unknown paths and the OpenAPI document', () => {
  it('answers an unknown API path with a JSON 404', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/nothing-here')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'There is no GET /api/nothing-here', details: null },
    })
  })

  it('serves an OpenAPI document describing every endpoint', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/openapi.json')
    expect(response.status).toBe(200)
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(document.openapi).toBe('3.0.0')
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/admin/audit',
      '/api/admin/backup',
      '/api/analytics/adverse-impact',
      '/api/analytics/backgrounds',
      '/api/analytics/composite',
      '/api/analytics/expectancy',
      '/api/analytics/incremental-validity',
      '/api/analytics/interviewers',
      '/api/analytics/loop-time',
      '/api/analytics/model',
      '/api/analytics/panel-sizing',
      '/api/analytics/questions',
      '/api/analytics/red-flags',
      '/api/analytics/retention',
      '/api/analytics/salary',
      '/api/analytics/sources',
      '/api/analytics/time-to-hire',
      '/api/analytics/utility',
      '/api/analytics/validity',
      '/api/analytics/validity-over-time',
      '/api/applications',
      '/api/applications/{id}',
      '/api/attribute-mappings',
      '/api/auth/password',
      '/api/auth/session',
      '/api/auth/sign-in',
      '/api/auth/sign-out',
      '/api/auth/tokens',
      '/api/auth/tokens/{id}',
      '/api/benchmarks',
      '/api/benchmarks/{id}',
      '/api/candidates/{id}/erasure',
      '/api/compare',
      '/api/compare/candidates',
      '/api/export',
      '/api/health',
      '/api/import',
      '/api/import/stream',
      '/api/interviewers/{handle}/ratings',
      '/api/requisitions',
      '/api/requisitions/{id}',
      '/api/rubrics',
      '/api/rubrics/{key}/weights',
      '/api/users',
      '/api/users/{id}',
    ])
  })
})
