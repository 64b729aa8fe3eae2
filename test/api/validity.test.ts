import { beforeAll, describe, expect, it } from 'vitest'
import {
  createReferenceApp,
  createTestApp,
  FIXED_TODAY,
  type ErrorResponseBody,
} from '../helpers/app'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

interface ValidityBody {
  as_of: string
  n_applications: number
  n_hires: number
  n_hires_outcome: number
  filters: Record<string, string | null>
  areas: {
    key: string
    n: number
    n_pool: number
    r: number | null
    not_computable: string | null
  }[]
}

describe('GET /api/analytics/validity', () => {
  let app: App
  beforeAll(async () => {
    app = (await createReferenceApp()).app
  })

  const get = async (query: string) => {
    const response = await app.request(`/api/analytics/validity${query}`)
    return {
      status: response.status,
      body: (await response.json()) as ValidityBody & ErrorResponseBody,
    }
  }

  it('defaults as_of to today and reports every area of the rubric', async () => {
    const { status, body } = await get('')
    expect(status).toBe(200)
    expect(body.as_of).toBe(FIXED_TODAY)
    expect(body.areas.map((area) => area.key)).toEqual([
      'ownership',
      'concurrency',
      'unsafe_ffi',
      'traits_errors',
      'judgment',
    ])
  })

  it('narrows to a level, and echoes the filters', async () => {
    const all = await get('?as_of=2026-03-31')
    const senior = await get('?as_of=2026-03-31&level=senior')
    expect(senior.status).toBe(200)
    expect(senior.body.filters.level).toBe('senior')
    expect(senior.body.n_applications).toBe(207)
    expect(senior.body.n_applications).toBeLessThan(all.body.n_applications)
    expect(senior.body.n_hires).toBeLessThan(all.body.n_hires)
  })

  it('narrows to a requisition and to an application date range', async () => {
    const requisition = await get('?requisition_id=REQ-0001')
    expect(requisition.body.n_applications).toBe(35)
    const range = await get('?from=2024-01-01&to=2024-12-31')
    const before = await get('?to=2023-12-31')
    const after = await get('?from=2025-01-01')
    expect(range.body.n_applications + before.body.n_applications + after.body.n_applications).toBe(
      620,
    )
  })

  it('uses only what was known on as_of: earlier dates have fewer hires and outcomes', async () => {
    const now = await get('?as_of=2026-03-31')
    const earlier = await get('?as_of=2025-03-31')
    expect(earlier.body.n_hires).toBeLessThan(now.body.n_hires)
    expect(earlier.body.n_hires_outcome).toBeLessThan(now.body.n_hires_outcome)
  })

  it('an as_of before any hire reached a year makes every area not computable', async () => {
    const { body } = await get('?as_of=2023-06-01')
    expect(body.n_hires_outcome).toBe(0)
    for (const area of body.areas) {
      expect(area.r).toBeNull()
      expect(area.not_computable).toMatch(/^Too few hires to tell: 0 with a known/)
    }
  })

  it.each([
    ['as_of=2026-02-30', 'as_of'],
    ['as_of=yesterday', 'as_of'],
    ['level=ceo', 'level'],
    ['hire_type=intern', 'hire_type'],
    ['outcome=performance', 'outcome'],
    ['from=2025-01-01&to=2024-01-01', 'to'],
    ['levl=senior', 'levl'],
    ['requisition_id=', 'requisition_id'],
  ])('rejects %s with a 400 naming %s', async (query, field) => {
    const { status, body } = await get(`?${query}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toContain(field)
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]))
  })

  it('answers 404 for an unknown requisition or rubric', async () => {
    const requisition = await get('?requisition_id=REQ-9999')
    expect(requisition.status).toBe(404)
    expect(requisition.body.error.message).toContain('REQ-9999')
    const rubric = await get('?rubric=cobol')
    expect(rubric.status).toBe(404)
    expect(rubric.body.error.message).toContain('cobol')
  })
})

describe('GET /api/analytics/validity on an empty database', () => {
  it('answers with zero counts and a reason for every area, not an error', async () => {
    const { app } = createTestApp()
    const response = await app.request('/api/analytics/validity')
    expect(response.status).toBe(200)
    const body = (await response.json()) as ValidityBody & { model: { status: string } }
    expect(body.n_applications).toBe(0)
    expect(body.areas).toHaveLength(5)
    expect(body.areas.every((area) => area.n_pool === 0 && area.not_computable !== null)).toBe(true)
    expect(body.model.status).toBe('insufficient')
  })
})
