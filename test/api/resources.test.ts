import { beforeAll, describe, expect, it } from 'vitest'
import { createReferenceApp, type ErrorResponseBody } from '../helpers/app'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

interface Page<Item> {
  total: number
  limit: number
  offset: number
  items: Item[]
}

describe('requisitions and applications', () => {
  let app: App
  beforeAll(async () => {
    app = (await createReferenceApp()).app
  })
  const get = async <Body>(path: string) => {
    const response = await app.request(path)
    return { status: response.status, body: (await response.json()) as Body & ErrorResponseBody }
  }

  it('lists requisitions newest first with application and hire counts', async () => {
    const { status, body } = await get<
      Page<{ id: string; opened_at: string; applications: number; hires: number }>
    >('/api/requisitions?limit=100')
    expect(status).toBe(200)
    expect(body.total).toBe(16)
    expect(body.items).toHaveLength(16)
    const openedDates = body.items.map((item) => item.opened_at)
    expect(openedDates).toEqual([...openedDates].sort().reverse())
    expect(body.items.reduce((total, item) => total + item.applications, 0)).toBe(620)
    expect(body.items.reduce((total, item) => total + item.hires, 0)).toBe(94)
  })

  it('pages, filters by level and searches titles', async () => {
    const first = await get<Page<{ id: string }>>('/api/requisitions?limit=5&offset=0')
    const second = await get<Page<{ id: string }>>('/api/requisitions?limit=5&offset=5')
    expect(first.body.items).toHaveLength(5)
    expect(second.body.items[0]!.id).not.toBe(first.body.items[0]!.id)
    const staff = await get<Page<{ level: string }>>('/api/requisitions?level=staff')
    expect(staff.body.items.every((item) => item.level === 'staff')).toBe(true)
    const payments = await get<Page<{ title: string }>>('/api/requisitions?q=payments')
    expect(payments.body.total).toBeGreaterThan(0)
    expect(payments.body.items.every((item) => /payments/i.test(item.title))).toBe(true)
    const wildcard = await get<Page<unknown>>('/api/requisitions?q=%25')
    expect(wildcard.body.total).toBe(0)
  })

  it('gets one requisition, or a 404 naming it', async () => {
    const found = await get<{ id: string; applications: number }>('/api/requisitions/REQ-0001')
    expect(found.status).toBe(200)
    expect(found.body.applications).toBe(35)
    const missing = await get('/api/requisitions/REQ-nope')
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toContain('REQ-nope')
  })

  it('lists applications of a requisition with their rating counts', async () => {
    const { body } = await get<Page<{ requisition_id: string; ratings: number; decision: string }>>(
      '/api/applications?requisition_id=REQ-0001&limit=100',
    )
    expect(body.total).toBe(35)
    expect(body.items.every((item) => item.requisition_id === 'REQ-0001')).toBe(true)
    expect(body.items.some((item) => item.ratings > 0)).toBe(true)
    const hired = await get<Page<{ decision: string }>>(
      '/api/applications?decision=hired&limit=500',
    )
    expect(hired.body.total).toBe(100)
  })

  it('shows one application with its whole loop', async () => {
    const { status, body } = await get<{
      candidate: { name: string }
      scores: { interviewer: string; area: string; rating: number; note: string | null }[]
      area_scores: { key: string; score: number | null; ratings: number }[]
    }>('/api/applications/APP-000001')
    expect(status).toBe(200)
    expect(body.candidate.name).toBe("Sven O'Connor")
    expect(body.scores).toHaveLength(15)
    expect(body.scores).toContainEqual(
      expect.objectContaining({ interviewer: 'tomas.zhang', area: 'ownership', rating: 3 }),
    )
    expect(body.scores[0]!.area).toBe('ownership')
    const ownership = body.area_scores.find((area) => area.key === 'ownership')!
    const ratings = body.scores
      .filter((score) => score.area === 'ownership')
      .map((score) => score.rating)
    expect(ownership.ratings).toBe(ratings.length)
    expect(ownership.score).toBeCloseTo(ratings.reduce((a, b) => a + b, 0) / ratings.length, 12)
  })

  it('shows the offer and employment of a hire', async () => {
    const { body } = await get<Page<{ id: string }>>('/api/applications?decision=hired&limit=1')
    const hire = await get<{
      offer: { salary: number } | null
      employment: { start_date: string } | null
    }>(`/api/applications/${body.items[0]!.id}`)
    expect(hire.body.offer?.salary).toBeGreaterThan(0)
  })

  it.each([
    ['/api/applications?limit=0', 'limit'],
    ['/api/applications?limit=501', 'limit'],
    ['/api/applications?offset=-1', 'offset'],
    ['/api/applications?limit=ten', 'limit'],
    ['/api/applications?decision=maybe', 'decision'],
    ['/api/requisitions?level=intern', 'level'],
    ['/api/requisitions?sort=title', 'sort'],
  ])('rejects %s with a 400 naming %s', async (path, field) => {
    const { status, body } = await get(path)
    expect(status).toBe(400)
    expect(body.error.message).toContain(field)
  })

  it('answers 404 for an unknown application', async () => {
    const { status, body } = await get('/api/applications/APP-0')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})
