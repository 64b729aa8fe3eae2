import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { requisitions } from '../../db/schema'
import { createBareApp, type ErrorResponseBody } from '../helpers/app'
import { asBearer, userWithToken } from '../helpers/auth'
import { createTestDatabase, importTexts } from '../helpers/database'

const APPLICATIONS = `application_id,candidate_id,candidate_name,requisition_id,requisition_title,level,applied_at,decision
A-1,C-1,Ada Byte,REQ-OWN,Platform engineer,senior,2025-01-10,hired
A-2,C-2,Bo Stack,REQ-OWN,Platform engineer,senior,2025-01-12,rejected
A-3,C-3,Cy Heap,REQ-OTHER,Payments engineer,mid,2025-02-01,rejected
`

const SCORES = `application_id,interviewer,area,rating,interviewed_at,red_flags
A-1,ana.lee,ownership,4,2025-01-20,
A-1,ana.lee,judgment,3,2025-01-20,
A-1,bo.chen,ownership,3,2025-01-21,
A-2,ana.lee,ownership,2,2025-01-22,clones_everything;unwrap_everywhere
A-3,ana.lee,concurrency,1,2025-02-10,arc_mutex_everywhere
A-3,bo.chen,concurrency,2,2025-02-11,
`

interface RatingsPage {
  interviewer: string
  total: number
  limit: number
  offset: number
  items: {
    application_id: string
    candidate_name: string | null
    requisition_id: string
    requisition_title: string | null
    level: string
    area: string
    area_name: string
    rating: number
    red_flags: { key: string; name: string }[]
    interviewed_at: string | null
  }[]
}

describe('GET /api/interviewers/{handle}/ratings', () => {
  const db = createTestDatabase()
  const app = createBareApp(db)
  const as = (token: string) => asBearer(app, token)
  let lead: ReturnType<typeof as>
  let admin: ReturnType<typeof as>
  let manager: ReturnType<typeof as>

  beforeAll(async () => {
    const report = await importTexts(db, { 'applications.csv': APPLICATIONS, 'scores.csv': SCORES })
    expect(report.ok).toBe(true)
    const managerUser = userWithToken(db, 'hiring_manager')
    db.update(requisitions)
      .set({ ownerUserId: managerUser.id })
      .where(eq(requisitions.id, 'REQ-OWN'))
      .run()
    lead = as(userWithToken(db, 'talent_lead').token)
    admin = as(userWithToken(db, 'admin').token)
    manager = as(managerUser.token)
  })

  const page = async (requester: ReturnType<typeof as>, path: string) => {
    const response = await requester.request(path)
    expect(response.status).toBe(200)
    return (await response.json()) as RatingsPage
  }

  it("lists every rating of the interviewer, newest interview first, with the loop's context", async () => {
    const body = await page(lead, '/api/interviewers/ana.lee/ratings')
    expect(body).toMatchObject({ interviewer: 'ana.lee', total: 4, limit: 50, offset: 0 })
    expect(body.items.map((item) => [item.application_id, item.area, item.rating])).toEqual([
      ['A-3', 'concurrency', 1],
      ['A-2', 'ownership', 2],
      ['A-1', 'ownership', 4],
      ['A-1', 'judgment', 3],
    ])
    expect(body.items[1]).toEqual({
      application_id: 'A-2',
      candidate_name: 'Bo Stack',
      requisition_id: 'REQ-OWN',
      requisition_title: 'Platform engineer',
      level: 'senior',
      area: 'ownership',
      area_name: 'Ownership & lifetimes',
      rating: 2,
      red_flags: [
        { key: 'clones_everything', name: 'Clones everything' },
        { key: 'unwrap_everywhere', name: 'unwrap() everywhere' },
      ],
      interviewed_at: '2025-01-22',
    })
  })

  it('pages with limit and offset, and narrows by level', async () => {
    const first = await page(lead, '/api/interviewers/ana.lee/ratings?limit=2')
    const second = await page(lead, '/api/interviewers/ana.lee/ratings?limit=2&offset=2')
    expect(first.total).toBe(4)
    expect([...first.items, ...second.items].map((item) => item.interviewed_at)).toEqual([
      '2025-02-10',
      '2025-01-22',
      '2025-01-20',
      '2025-01-20',
    ])
    const mid = await page(lead, '/api/interviewers/ana.lee/ratings?level=mid')
    expect(mid.items.map((item) => item.application_id)).toEqual(['A-3'])
  })

  it('shows a hiring manager only the ratings of their own requisitions', async () => {
    const body = await page(manager, '/api/interviewers/ana.lee/ratings')
    expect(body.total).toBe(3)
    expect(new Set(body.items.map((item) => item.requisition_id))).toEqual(new Set(['REQ-OWN']))
    expect(JSON.stringify(body)).not.toContain('Cy Heap')
  })

  it('gives a null name once the candidate is erased', async () => {
    expect((await admin.request('/api/candidates/C-3/erasure', { method: 'POST' })).status).toBe(
      200,
    )
    const body = await page(lead, '/api/interviewers/bo.chen/ratings')
    const erased = body.items.find((item) => item.application_id === 'A-3')
    expect(erased?.candidate_name).toBeNull()
    expect(erased?.rating).toBe(2)
  })

  it('answers 404 for an unknown interviewer and 400 for a bad page', async () => {
    const missing = await lead.request('/api/interviewers/no.one/ratings')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as ErrorResponseBody).error.message).toContain('no.one')
    expect((await lead.request('/api/interviewers/ana.lee/ratings?limit=0')).status).toBe(400)
    expect((await lead.request('/api/interviewers/ana.lee/ratings?sort=x')).status).toBe(400)
  })
})
