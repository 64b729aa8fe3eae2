import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_RULES } from '../../api/auth/access-rules'
import { hashPassword } from '../../api/auth/passwords'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import type { Db } from '../../db/client'
import type { UserRole } from '../../db/domain'
import {
  applications,
  candidates,
  interviewers,
  requisitions,
  scores,
  users,
} from '../../db/schema'
import { createBareApp, FIXED_TODAY } from '../helpers/app'
import { onPostgres, postgresAppFrom } from '../helpers/postgres-app'
import { asBearer, TEST_PASSWORD_COST, userWithToken } from '../helpers/auth'
import { createTestDatabase } from '../helpers/database'

/**
 * Every route of the app × every role × own or other requisition × signed out, each with the
 * exact status it must answer and what must never be in its body. The route list comes from
 * the app itself: a new route without a rule and an example here fails the first test.
 */

type Viewer = UserRole | 'signed_out'
const VIEWERS: readonly Viewer[] = ['admin', 'talent_lead', 'hiring_manager', 'signed_out']

/** A request to make, built when it is made (some need fresh values). */
interface Example {
  path: string
  method?: string
  body?: () => unknown
  contentType?: string
}

/** The statuses per viewer; `own` and `other` examples cover a hiring manager's scope. */
type Expected = Record<Viewer, number>

interface Case {
  label: string
  example: Example
  expected: Expected
}

const everyone = (status: number): Expected => ({
  admin: status,
  talent_lead: status,
  hiring_manager: status,
  signed_out: 401,
})
const leadsOnly = (status: number): Expected => ({
  admin: status,
  talent_lead: status,
  hiring_manager: 403,
  signed_out: 401,
})
const adminOnly = (status: number): Expected => ({
  admin: status,
  talent_lead: 403,
  hiring_manager: 403,
  signed_out: 401,
})

const OWN = 'REQ-0001'
const OTHER = 'REQ-0002'
const SIGN_IN = { email: 'matrix-sign-in@test.example', password: 'a long test password' }
let counter = 0

interface Fixture {
  db: Db
  tokens: Record<UserRole, string>
  manager: { id: number; email: string }
  otherManager: { email: string }
  ownApplication: string
  otherApplication: string
  /** Two applications of each requisition, for the comparison. */
  ownPair: string
  otherPair: string
  otherCandidate: string
  otherCandidateName: string
  /** An interviewer who rated applications of both requisitions. */
  sharedInterviewer: string
  spareUserId: number
  matrixBenchmarkId: number
  weights: Record<string, Record<string, number>>
}

const SMALL_CSV =
  'application_id,candidate_id,requisition_id,level,applied_at,decision\nMX-1,MX-C1,MX-REQ,senior,2024-01-10,rejected\n'

const benchmarkBody = () => ({
  metric: 'time_to_hire_days',
  value: 30,
  unit: 'days',
  source: 'Matrix test',
  source_date: '2026',
})

/** The example request and expected statuses for each route of the app. */
function casesOf(route: string, f: Fixture): Case[] {
  const analytics = /^GET \/api\/analytics\/(.+)$/.exec(route)
  if (analytics && analytics[1] !== 'adverse-impact') {
    const path = `/api/analytics/${analytics[1]}`
    return [
      { label: 'organisation-wide', example: { path }, expected: everyone(200) },
      {
        label: 'own requisition',
        example: { path: `${path}?requisition_id=${OWN}` },
        expected: everyone(200),
      },
      {
        label: 'other requisition',
        example: { path: `${path}?requisition_id=${OTHER}` },
        expected: { ...everyone(200), hiring_manager: 404 },
      },
    ]
  }
  const table: Record<string, Case[]> = {
    'GET /api/health': [
      {
        label: '',
        example: { path: '/api/health' },
        expected: { ...everyone(200), signed_out: 200 },
      },
    ],
    'GET /api/openapi.json': [
      { label: '', example: { path: '/api/openapi.json' }, expected: everyone(200) },
    ],
    'POST /api/auth/sign-in': [
      {
        label: '',
        example: { path: '/api/auth/sign-in', method: 'POST', body: () => SIGN_IN },
        expected: { ...everyone(200), signed_out: 200 },
      },
    ],
    // A script's token has no session to end.
    'POST /api/auth/sign-out': [
      {
        label: '',
        example: { path: '/api/auth/sign-out', method: 'POST' },
        expected: everyone(400),
      },
    ],
    'GET /api/auth/session': [
      { label: '', example: { path: '/api/auth/session' }, expected: everyone(200) },
    ],
    // These users have no password: the current one is always wrong, and nothing changes.
    'POST /api/auth/password': [
      {
        label: '',
        example: {
          path: '/api/auth/password',
          method: 'POST',
          body: () => ({ current_password: 'x', new_password: 'a new long password' }),
        },
        expected: everyone(403),
      },
    ],
    'GET /api/auth/tokens': [
      { label: '', example: { path: '/api/auth/tokens' }, expected: everyone(200) },
    ],
    'POST /api/auth/tokens': [
      {
        label: '',
        example: { path: '/api/auth/tokens', method: 'POST', body: () => ({ name: 'matrix' }) },
        expected: everyone(201),
      },
    ],
    'DELETE /api/auth/tokens/:id': [
      {
        label: 'not theirs',
        example: { path: '/api/auth/tokens/999999', method: 'DELETE' },
        expected: everyone(404),
      },
    ],
    'GET /api/requisitions': [
      { label: '', example: { path: '/api/requisitions?limit=500' }, expected: everyone(200) },
    ],
    'GET /api/requisitions/:id': [
      { label: 'own', example: { path: `/api/requisitions/${OWN}` }, expected: everyone(200) },
      {
        label: 'other',
        example: { path: `/api/requisitions/${OTHER}` },
        expected: { ...everyone(200), hiring_manager: 404 },
      },
    ],
    'PATCH /api/requisitions/:id': [
      {
        label: 'own',
        example: {
          path: `/api/requisitions/${OWN}`,
          method: 'PATCH',
          body: () => ({ owner_email: f.manager.email }),
        },
        expected: leadsOnly(200),
      },
      {
        label: 'other',
        example: {
          path: `/api/requisitions/${OTHER}`,
          method: 'PATCH',
          body: () => ({ owner_email: f.otherManager.email }),
        },
        expected: leadsOnly(200),
      },
    ],
    'GET /api/applications': [
      { label: '', example: { path: '/api/applications?limit=500' }, expected: everyone(200) },
    ],
    'GET /api/applications/:id': [
      {
        label: 'own',
        example: { path: `/api/applications/${f.ownApplication}` },
        expected: everyone(200),
      },
      {
        label: 'other',
        example: { path: `/api/applications/${f.otherApplication}` },
        expected: { ...everyone(200), hiring_manager: 404 },
      },
    ],
    'GET /api/compare': [
      {
        label: 'own',
        example: { path: `/api/compare?application_ids=${f.ownPair}` },
        expected: everyone(200),
      },
      {
        label: 'other',
        example: { path: `/api/compare?application_ids=${f.otherPair}` },
        expected: { ...everyone(200), hiring_manager: 404 },
      },
    ],
    'GET /api/compare/candidates': [
      {
        label: 'own',
        example: { path: `/api/compare/candidates?requisition_id=${OWN}` },
        expected: everyone(200),
      },
      {
        label: 'other',
        example: { path: `/api/compare/candidates?requisition_id=${OTHER}` },
        expected: { ...everyone(200), hiring_manager: 404 },
      },
    ],
    'GET /api/interviewers/:handle/ratings': [
      {
        label: 'rated own and other requisitions',
        example: { path: `/api/interviewers/${f.sharedInterviewer}/ratings?limit=500` },
        expected: everyone(200),
      },
      {
        label: 'unknown',
        example: { path: '/api/interviewers/nobody.known/ratings' },
        expected: everyone(404),
      },
    ],
    'POST /api/candidates/:id/erasure': [
      {
        label: '',
        example: { path: `/api/candidates/${f.otherCandidate}/erasure`, method: 'POST' },
        expected: adminOnly(200),
      },
    ],
    'GET /api/analytics/adverse-impact': [
      { label: '', example: { path: '/api/analytics/adverse-impact' }, expected: leadsOnly(200) },
    ],
    'POST /api/import': [
      {
        label: 'dry run',
        example: {
          path: '/api/import?dry_run=1',
          method: 'POST',
          body: () => SMALL_CSV,
          contentType: 'text/csv',
        },
        expected: leadsOnly(200),
      },
    ],
    'POST /api/import/stream': [
      {
        label: 'dry run',
        example: {
          path: '/api/import/stream?dry_run=1',
          method: 'POST',
          body: () => SMALL_CSV,
          contentType: 'text/csv',
        },
        expected: leadsOnly(200),
      },
    ],
    'GET /api/attribute-mappings': [
      { label: '', example: { path: '/api/attribute-mappings' }, expected: leadsOnly(200) },
    ],
    'PUT /api/attribute-mappings': [
      {
        label: '',
        example: {
          path: '/api/attribute-mappings',
          method: 'PUT',
          body: () => ({
            mappings: [{ source: 'greenhouse', attribute: 'Rust ownership', area: 'ownership' }],
          }),
        },
        expected: leadsOnly(200),
      },
    ],
    'GET /api/export': [
      { label: '', example: { path: '/api/export?format=json' }, expected: adminOnly(200) },
    ],
    'GET /api/admin/backup': [
      {
        label: '',
        example: { path: '/api/admin/backup' },
        // On PostgreSQL the admin is told to use pg_dump: the route is still for admins only.
        expected: adminOnly(onPostgres() ? 409 : 200),
      },
    ],
    'GET /api/admin/audit': [
      { label: '', example: { path: '/api/admin/audit' }, expected: adminOnly(200) },
    ],
    'GET /api/rubrics': [{ label: '', example: { path: '/api/rubrics' }, expected: everyone(200) }],
    'PUT /api/rubrics/:key/weights': [
      {
        label: 'unchanged',
        example: {
          path: '/api/rubrics/rust/weights',
          method: 'PUT',
          body: () => ({ weights: f.weights }),
        },
        expected: adminOnly(200),
      },
    ],
    'GET /api/benchmarks': [
      { label: '', example: { path: '/api/benchmarks' }, expected: everyone(200) },
    ],
    'POST /api/benchmarks': [
      {
        label: '',
        example: { path: '/api/benchmarks', method: 'POST', body: benchmarkBody },
        expected: adminOnly(201),
      },
    ],
    'PUT /api/benchmarks/:id': [
      {
        label: '',
        example: {
          path: `/api/benchmarks/${f.matrixBenchmarkId}`,
          method: 'PUT',
          body: benchmarkBody,
        },
        expected: adminOnly(200),
      },
    ],
    'DELETE /api/benchmarks/:id': [
      {
        label: 'missing',
        example: { path: '/api/benchmarks/999999', method: 'DELETE' },
        expected: adminOnly(404),
      },
    ],
    'GET /api/users': [{ label: '', example: { path: '/api/users' }, expected: adminOnly(200) }],
    'POST /api/users': [
      {
        label: '',
        example: {
          path: '/api/users',
          method: 'POST',
          body: () => ({ email: `matrix-${++counter}@test.example`, role: 'hiring_manager' }),
        },
        expected: adminOnly(201),
      },
    ],
    'PATCH /api/users/:id': [
      {
        label: '',
        example: {
          path: `/api/users/${f.spareUserId}`,
          method: 'PATCH',
          body: () => ({ name: 'Renamed' }),
        },
        expected: adminOnly(200),
      },
    ],
  }
  const cases = table[route]
  if (!cases) throw new Error(`The matrix has no example for ${route}: add one`)
  return cases
}

/** Everything the viewer must never see in any body. */
function forbiddenIn(viewer: Viewer, f: Fixture, route: string): string[] {
  const always = ['password_hash', 'passwordHash', 'token_hash', 'SQLITE', 'node_modules', '.ts:']
  if (viewer === 'admin') return always
  // Self-ID groups reach talent leads only as the aggregates of adverse impact.
  const leads = [...always, 'self_id_group', 'selfIdGroup']
  if (viewer !== 'hiring_manager') return leads
  const manager = [...leads, OTHER, f.otherApplication, f.otherCandidateName]
  // The manager's own token listing is theirs; other routes never name another requisition.
  return route.startsWith('GET /api/auth') ? leads : manager
}

let fixture: Fixture
let app: ReturnType<typeof createBareApp>

beforeAll(async () => {
  const db = createTestDatabase()
  await seedDemoIfEmpty(db, FIXED_TODAY)
  app = createBareApp(db)
  const admin = userWithToken(db, 'admin')
  const lead = userWithToken(db, 'talent_lead')
  const manager = userWithToken(db, 'hiring_manager')
  const otherManager = userWithToken(db, 'hiring_manager')
  const spare = userWithToken(db, 'hiring_manager')
  db.update(requisitions).set({ ownerUserId: manager.id }).where(eq(requisitions.id, OWN)).run()
  db.update(requisitions)
    .set({ ownerUserId: otherManager.id })
    .where(eq(requisitions.id, OTHER))
    .run()
  db.insert(users)
    .values({
      email: SIGN_IN.email,
      role: 'talent_lead',
      passwordHash: await hashPassword(SIGN_IN.password, TEST_PASSWORD_COST),
    })
    .run()
  const firstOf = (requisitionId: string) =>
    db
      .select({ id: applications.id, candidate: candidates.id, name: candidates.name })
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .where(eq(applications.requisitionId, requisitionId))
      .get()!
  const own = firstOf(OWN)
  const other = firstOf(OTHER)
  const pairOf = (requisitionId: string) =>
    db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.requisitionId, requisitionId))
      .limit(2)
      .all()
      .map((row) => row.id)
      .join(',')
  const raters = (requisitionId: string) =>
    db
      .selectDistinct({ handle: interviewers.handle })
      .from(scores)
      .innerJoin(interviewers, eq(interviewers.id, scores.interviewerId))
      .innerJoin(applications, eq(applications.id, scores.applicationId))
      .where(eq(applications.requisitionId, requisitionId))
      .all()
      .map((row) => row.handle)
  const ownRaters = new Set(raters(OWN))
  const sharedInterviewer = raters(OTHER).find((handle) => ownRaters.has(handle))!
  // Erased by the admin's erasure case: another candidate of the other requisition.
  const erasable = db
    .select({ candidate: applications.candidateId })
    .from(applications)
    .where(eq(applications.requisitionId, 'REQ-0003'))
    .get()!
  const rubric = (await (await asBearer(app, admin.token).request('/api/rubrics')).json()) as {
    rubrics: { areas: { key: string; weights: Record<string, number> }[] }[]
  }
  const weights: Record<string, Record<string, number>> = {}
  for (const area of rubric.rubrics[0]!.areas) {
    for (const [level, weight] of Object.entries(area.weights)) {
      ;(weights[level] ??= {})[area.key] = weight
    }
  }
  const benchmark = await asBearer(app, admin.token).request('/api/benchmarks', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchmarkBody()),
  })
  fixture = {
    db,
    tokens: { admin: admin.token, talent_lead: lead.token, hiring_manager: manager.token },
    manager,
    otherManager,
    ownApplication: own.id,
    otherApplication: other.id,
    ownPair: pairOf(OWN),
    otherPair: pairOf(OTHER),
    otherCandidate: erasable.candidate,
    otherCandidateName: other.name!,
    sharedInterviewer,
    spareUserId: spare.id,
    matrixBenchmarkId: ((await benchmark.json()) as { id: number }).id,
    weights,
  }
  // The pg project runs this file again, with the app on a PostgreSQL copy of the database.
  if (onPostgres()) {
    app = await postgresAppFrom(db, { today: () => FIXED_TODAY, passwordCost: TEST_PASSWORD_COST })
  }
}, 60_000)

const routeKeys = () =>
  [
    ...new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`),
    ),
  ].sort()

describe(`the authorisation matrix on ${onPostgres() ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('has a rule and an example for every route of the app, and no rule for a route it lacks', () => {
    const keys = routeKeys()
    expect(keys.filter((key) => !(key in ACCESS_RULES))).toEqual([])
    expect(Object.keys(ACCESS_RULES).filter((key) => !keys.includes(key))).toEqual([])
    for (const key of keys) expect(() => casesOf(key, fixture)).not.toThrow()
  })

  it('answers every route × role × own/other × signed out with its exact status', async () => {
    const failures: string[] = []
    let requests = 0
    for (const route of routeKeys()) {
      for (const { label, example, expected } of casesOf(route, fixture)) {
        for (const viewer of VIEWERS) {
          const headers = new Headers()
          if (viewer !== 'signed_out') {
            headers.set('authorization', `Bearer ${fixture.tokens[viewer]}`)
          }
          const body = example.body?.()
          if (body !== undefined) {
            headers.set('content-type', example.contentType ?? 'application/json')
          }
          const response = await app.request(example.path, {
            method: example.method ?? 'GET',
            headers,
            ...(body === undefined
              ? {}
              : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          })
          requests++
          const text = await response.text()
          const where = `${route}${label ? ` (${label})` : ''} as ${viewer}`
          if (response.status !== expected[viewer]) {
            failures.push(
              `${where}: ${response.status}, expected ${expected[viewer]}: ${text.slice(0, 200)}`,
            )
          }
          if (response.headers.get('content-type')?.startsWith('application/vnd.sqlite3')) continue
          for (const forbidden of forbiddenIn(viewer, fixture, route)) {
            // An error naming the id the request itself sent reveals nothing.
            if (example.path.includes(forbidden)) continue
            if (text.includes(forbidden))
              failures.push(`${where}: the body contains "${forbidden}"`)
          }
          if (response.status >= 400) {
            const error = (JSON.parse(text) as { error?: { code?: string } }).error
            if (!error?.code) failures.push(`${where}: an error without the error shape`)
          }
        }
      }
    }
    expect(failures).toEqual([])
    expect(requests).toBeGreaterThan(150)
  }, 120_000)

  it("lists only a hiring manager's own requisitions and applications", async () => {
    const manager = asBearer(app, fixture.tokens.hiring_manager)
    const listed = (await (await manager.request('/api/requisitions?limit=500')).json()) as {
      items: { id: string; owner_email: string | null }[]
    }
    expect(listed.items.map((item) => item.id)).toEqual([OWN])
    const applicationsListed = (await (
      await manager.request('/api/applications?limit=500')
    ).json()) as { total: number; items: { requisition_id: string }[] }
    expect(applicationsListed.total).toBeGreaterThan(0)
    expect(new Set(applicationsListed.items.map((item) => item.requisition_id))).toEqual(
      new Set([OWN]),
    )
    // Another requisition named in the filter is as unknown as a requisition that never was.
    const filtered = await manager.request(`/api/applications?requisition_id=${OTHER}`)
    expect(((await filtered.json()) as { total: number }).total).toBe(0)
  })

  it('shows a hiring manager per-hire salary rows of their own requisitions only', async () => {
    const manager = asBearer(app, fixture.tokens.hiring_manager)
    const lead = asBearer(app, fixture.tokens.talent_lead)
    type Distribution = { n: number; min: number | null; median: number | null; max: number | null }
    type Salary = { as_of: string; hires: { application_id: string }[]; compa_ratio: Distribution }
    const mine = (await (await manager.request('/api/analytics/salary')).json()) as Salary
    const all = (await (
      await lead.request(`/api/analytics/salary?as_of=${mine.as_of}`)
    ).json()) as Salary
    expect(all.hires.length).toBeGreaterThan(mine.hires.length)
    const ownIds = new Set(
      fixture.db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.requisitionId, OWN))
        .all()
        .map((row) => row.id),
    )
    for (const hire of mine.hires) expect(ownIds.has(hire.application_id)).toBe(true)
    // The aggregates are the organisation's as of the same date, without one person's extremes.
    expect(mine.compa_ratio).toEqual({ ...all.compa_ratio, min: null, max: null })
  })

  it('refuses a hiring manager organisation-wide figures over fewer than ten hires', async () => {
    const manager = asBearer(app, fixture.tokens.hiring_manager)
    const response = await manager.request(
      '/api/analytics/validity?level=junior&hire_type=contract',
    )
    expect(response.status).toBe(403)
    const body = (await response.json()) as { error: { message: string } }
    expect(body.error.message).toMatch(/at least 10 hires of other managers' requisitions/)
    // The same narrow filter is fine for a talent lead.
    const lead = asBearer(app, fixture.tokens.talent_lead)
    expect(
      (await lead.request('/api/analytics/validity?level=junior&hire_type=contract')).status,
    ).toBe(200)
  })
})
