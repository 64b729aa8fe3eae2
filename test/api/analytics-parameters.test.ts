import { beforeAll, describe, expect, it } from 'vitest'
import { createReferenceApp, type ErrorResponseBody } from '../helpers/app'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

const ENDPOINTS = [
  'validity',
  'model',
  'composite',
  'retention',
  'time-to-hire',
  'salary',
  'interviewers',
  'red-flags',
  'backgrounds',
  'sources',
  'loop-time',
  'adverse-impact',
]

const BAD_QUERIES: [query: string, field: string][] = [
  ['as_of=2026-02-30', 'as_of'],
  ['level=ceo', 'level'],
  ['from=2025-06-01&to=2025-01-01', 'to'],
  ['flavour=vanilla', 'flavour'],
]

const CASES = ENDPOINTS.flatMap((endpoint) =>
  BAD_QUERIES.map(([query, field]) => [endpoint, query, field] as const),
)

describe('analytics parameters', () => {
  let app: App
  beforeAll(async () => {
    app = (await createReferenceApp()).app
  })

  const get = async (path: string) => {
    const response = await app.request(path)
    return { status: response.status, body: (await response.json()) as ErrorResponseBody }
  }

  it.each(CASES)('/api/analytics/%s?%s answers 400 naming %s', async (endpoint, query, field) => {
    const { status, body } = await get(`/api/analytics/${endpoint}?${query}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toMatch(new RegExp(`\\b${field}\\b`))
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]))
  })

  it.each(ENDPOINTS)('/api/analytics/%s names every bad field at once', async (endpoint) => {
    const { status, body } = await get(
      `/api/analytics/${endpoint}?as_of=2026-02-30&level=ceo&flavour=vanilla`,
    )
    expect(status).toBe(400)
    const fields = (body.error.details as { field: string }[]).map((detail) => detail.field)
    expect(fields.sort()).toEqual(['as_of', 'flavour', 'level'])
  })

  // Self-identified groups are shown by level, hire type and year only (disclosure control).
  const BY_REQUISITION = ENDPOINTS.filter((endpoint) => endpoint !== 'adverse-impact')

  it.each(BY_REQUISITION)(
    '/api/analytics/%s answers 404 naming an unknown requisition',
    async (endpoint) => {
      const { status, body } = await get(`/api/analytics/${endpoint}?requisition_id=REQ-9999`)
      expect(status).toBe(404)
      expect(body.error.code).toBe('not_found')
      expect(body.error.message).toContain('REQ-9999')
    },
  )

  it.each(ENDPOINTS)('/api/analytics/%s answers 404 naming an unknown rubric', async (endpoint) => {
    const { status, body } = await get(`/api/analytics/${endpoint}?rubric=cobol`)
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
    expect(body.error.message).toContain('cobol')
  })

  it('/api/analytics/adverse-impact refuses a requisition filter, naming the field', async () => {
    for (const requisition of ['REQ-0001', 'REQ-9999']) {
      const { status, body } = await get(
        `/api/analytics/adverse-impact?requisition_id=${requisition}`,
      )
      expect(status).toBe(400)
      expect(body.error.details).toEqual([expect.objectContaining({ field: 'requisition_id' })])
    }
  })

  it.each(BY_REQUISITION)('/api/analytics/%s takes a known requisition', async (endpoint) => {
    const response = await app.request(`/api/analytics/${endpoint}?requisition_id=REQ-0001`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { filters: { requisition_id: string | null } }
    expect(body.filters.requisition_id).toBe('REQ-0001')
  })

  it.each(ENDPOINTS.filter((endpoint) => endpoint !== 'composite'))(
    '/api/analytics/%s does not take weights',
    async (endpoint) => {
      const { status, body } = await get(`/api/analytics/${endpoint}?weights=judgment:1`)
      expect(status).toBe(400)
      expect(body.error.message).toContain('weights')
    },
  )

  describe('/api/analytics/composite weights', () => {
    it.each([
      'nonsense:1',
      'judgment:-1',
      'judgment:0',
      'judgment',
      'judgment:',
      'judgment:abc',
      'judgment:1,',
      '',
      'judgment:0,ownership:0',
      'judgment:Infinity',
      `judgment:${'9'.repeat(400)}`,
    ])('rejects weights=%s with a 400 naming weights', async (weights) => {
      const { status, body } = await get(
        `/api/analytics/composite?weights=${encodeURIComponent(weights)}`,
      )
      expect(status).toBe(400)
      expect(body.error.code).toBe('invalid_request')
      expect(body.error.message).toMatch(/\bweights\b/)
      expect(body.error.details).toEqual([expect.objectContaining({ field: 'weights' })])
    })

    it('rejects weights longer than 500 characters', async () => {
      const { status, body } = await get(`/api/analytics/composite?weights=${'a'.repeat(501)}`)
      expect(status).toBe(400)
      expect(body.error.message).toContain('weights')
    })

    it('rejects weights given twice', async () => {
      const { status, body } = await get(
        '/api/analytics/composite?weights=judgment:1&weights=ownership:1',
      )
      expect(status).toBe(400)
      expect(body.error.message).toContain('weights')
    })

    it('names the unknown area', async () => {
      const { body } = await get('/api/analytics/composite?weights=nonsense:1')
      expect(body.error.message).toContain('nonsense')
    })

    it('rejects weights=judgment:1:2, which is not an area:weight pair', async () => {
      const { status, body } = await get('/api/analytics/composite?weights=judgment:1:2')
      expect(status).toBe(400)
      expect(body.error.message).toContain('weights')
    })
  })
})
