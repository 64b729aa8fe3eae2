import { describe, expect, it } from 'vitest'
import { createFirstUsers, DEMO_USERS, FIRST_ADMIN_EMAIL } from '../../api/auth/first-users'
import { PasswordChecker } from '../../api/auth/passwords'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { createServerApp } from '../../api/server-app'
import type { Db } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { createBareApp, createTestApp, FIXED_TODAY } from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { APPLICATION_HEADER, applicationRow, csv } from '../helpers/csv'
import { createTestDatabase, importTexts } from '../helpers/database'
import { exportCsv } from '../helpers/export'

type Requester = ReturnType<typeof createTestApp>['app']

const json = (app: Requester, path: string, method: string, body: unknown) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

async function audit(app: Requester) {
  const response = await app.request('/api/admin/audit?limit=500')
  expect(response.status).toBe(200)
  return (
    (await response.json()) as {
      items: { actor: string; action: string; target: string | null; details: unknown }[]
    }
  ).items
}

describe('users', () => {
  it('generates a password shown once, which then signs in', async () => {
    const { app } = createTestApp()
    const created = await json(app, '/api/users', 'POST', {
      email: 'New.Manager@Test.Example',
      role: 'hiring_manager',
      name: 'New Manager',
    })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { email: string; password: string }
    expect(body.email).toBe('new.manager@test.example')
    expect(body.password).toMatch(/^[A-Za-z0-9]{20}$/)
    const listed = await app.request('/api/users')
    expect(await listed.text()).not.toContain(body.password)
    const signIn = await json(app, '/api/auth/sign-in', 'POST', {
      email: body.email,
      password: body.password,
    })
    expect(signIn.status).toBe(200)
  })

  it('refuses a taken email, a short password and a bad role, naming the field', async () => {
    const { app } = createTestApp()
    const first = { email: 'one@test.example', role: 'talent_lead' }
    expect((await json(app, '/api/users', 'POST', first)).status).toBe(201)
    const taken = await json(app, '/api/users', 'POST', first)
    expect(taken.status).toBe(409)
    const short = await json(app, '/api/users', 'POST', {
      email: 'two@test.example',
      role: 'admin',
      password: 'short',
    })
    expect(short.status).toBe(400)
    expect(await short.text()).toMatch(/password must be at least 12 characters/)
    const badRole = await json(app, '/api/users', 'POST', { email: 'x@test.example', role: 'root' })
    expect(badRole.status).toBe(400)
    expect(await badRole.text()).toContain('role')
  })

  it('keeps at least one enabled admin', async () => {
    const { app } = createTestApp()
    const me = (await (await app.request('/api/auth/session')).json()) as { user: { id: number } }
    const demote = await json(app, `/api/users/${me.user.id}`, 'PATCH', { role: 'talent_lead' })
    expect(demote.status).toBe(409)
    const disable = await json(app, `/api/users/${me.user.id}`, 'PATCH', { disabled: true })
    expect(disable.status).toBe(409)
    // Unchanged: the token still works as an admin's.
    expect((await app.request('/api/users')).status).toBe(200)
  })
})

describe('first start', () => {
  it('creates the demo users on demo data, each demo requisition owned by a manager', async () => {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, FIXED_TODAY)
    const lines = await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
    for (const user of DEMO_USERS) {
      expect(lines.some((line) => line.includes(user.email) && line.includes(user.password))).toBe(
        true,
      )
    }
    const unowned = db.$client
      .prepare('SELECT count(*) AS n FROM requisitions WHERE owner_user_id IS NULL')
      .get()
    expect(unowned).toEqual({ n: 0 })
    expect(
      await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST)),
    ).toEqual([])
  })

  it('creates one admin with a random password on a database without demo data', async () => {
    const db = createTestDatabase()
    const lines = await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
    const password = /password (\S+)/.exec(lines[0]!)![1]!
    expect(lines[0]).toContain(FIRST_ADMIN_EMAIL)
    const app = createBareApp(db)
    const signIn = await json(app, '/api/auth/sign-in', 'POST', {
      email: FIRST_ADMIN_EMAIL,
      password,
    })
    expect(signIn.status).toBe(200)
  })
})

describe('the audit log', () => {
  it('records imports, exports, settings, users and erasures with who and when', async () => {
    const { app } = createTestApp()
    // The test's own user and token were recorded too; only what follows is under test.
    const setup = (await audit(app)).length
    const upload = await app.request('/api/import?filename=applications.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv(APPLICATION_HEADER, [applicationRow()]),
    })
    expect(upload.status).toBe(200)
    // A dry run writes nothing, so records nothing.
    await app.request('/api/import?dry_run=1&filename=applications.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv(APPLICATION_HEADER, [applicationRow()]),
    })
    await (await app.request('/api/export?format=json')).text()
    await json(app, '/api/users', 'POST', { email: 'audited@test.example', role: 'talent_lead' })
    await app.request('/api/candidates/CAND-1/erasure', { method: 'POST' })
    await json(app, '/api/benchmarks', 'POST', {
      metric: 'retention_12m',
      value: 0.9,
      unit: 'rate',
      source: 'Our own target',
      source_date: '2026-11',
    })
    const all = await audit(app)
    const entries = all.slice(0, all.length - setup)
    expect(entries.map((entry) => entry.action).sort()).toEqual([
      'benchmark_create',
      'candidate_erase',
      'export',
      'import',
      'user_create',
    ])
    for (const entry of entries) expect(entry.actor).toMatch(/^admin-\d+@test\.example$/)
    expect(entries.find((entry) => entry.action === 'import')!.target).toBe('applications.csv')
  })

  it('is readable by admins only', async () => {
    const db = createTestDatabase()
    const lead = createTestApp(db, { role: 'talent_lead' }).app
    expect((await lead.request('/api/admin/audit')).status).toBe(403)
  })
})

describe('candidate erasure', () => {
  async function demo() {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, FIXED_TODAY)
    return { db, app: createTestApp(db).app }
  }

  const candidateWithNotes = (db: Db) =>
    db.$client
      .prepare(
        `SELECT a.candidate_id AS id, a.id AS application FROM scores s
         JOIN applications a ON a.id = s.application_id
         WHERE s.note IS NOT NULL AND a.self_id_group IS NOT NULL LIMIT 1`,
      )
      .get() as { id: string; application: string }

  it('clears name, notes and self-ID group, keeping ratings, outcomes and analytics', async () => {
    const { db, app } = await demo()
    const { id, application } = candidateWithNotes(db)
    const validity = async () =>
      (await app.request(`/api/analytics/validity?as_of=${FIXED_TODAY}`)).text()
    const before = await validity()
    const ratingsBefore = db.$client
      .prepare('SELECT count(*) AS n FROM scores WHERE application_id = ?')
      .get(application)
    const erased = await app.request(`/api/candidates/${id}/erasure`, { method: 'POST' })
    expect(erased.status).toBe(200)
    expect(((await erased.json()) as { notes_erased: number }).notes_erased).toBeGreaterThan(0)

    const shown = (await (await app.request(`/api/applications/${application}`)).json()) as {
      candidate: { name: string | null; erased_at: string | null }
      scores: { note: string | null }[]
    }
    expect(shown.candidate.name).toBeNull()
    expect(shown.candidate.erased_at).not.toBeNull()
    expect(shown.scores.every((score) => score.note === null)).toBe(true)
    expect(
      db.$client.prepare('SELECT self_id_group FROM applications WHERE id = ?').get(application),
    ).toEqual({ self_id_group: null })
    expect(
      db.$client
        .prepare('SELECT count(*) AS n FROM scores WHERE application_id = ?')
        .get(application),
    ).toEqual(ratingsBefore)
    expect(await validity()).toBe(before)
  })

  it('is not undone by importing an export made before it', async () => {
    const { db, app } = await demo()
    const { id, application } = candidateWithNotes(db)
    const files = await exportCsv(db)
    await app.request(`/api/candidates/${id}/erasure`, { method: 'POST' })
    const report = await importTexts(db, files)
    expect(report.ok).toBe(true)
    const row = db.$client
      .prepare(
        `SELECT c.name, a.self_id_group, (SELECT count(*) FROM scores s WHERE s.application_id = a.id AND s.note IS NOT NULL) AS notes
         FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE a.id = ?`,
      )
      .get(application)
    expect(row).toEqual({ name: null, self_id_group: null, notes: 0 })
  })

  it('answers 404 for an unknown candidate and 403 for anyone but an admin', async () => {
    const db = createTestDatabase()
    const admin = createTestApp(db).app
    expect((await admin.request('/api/candidates/NOPE/erasure', { method: 'POST' })).status).toBe(
      404,
    )
    const lead = createTestApp(db, { role: 'talent_lead' }).app
    expect((await lead.request('/api/candidates/NOPE/erasure', { method: 'POST' })).status).toBe(
      403,
    )
  })
})

describe('rubric weights and benchmarks', () => {
  const weightsOf = async (app: Requester) => {
    const body = (await (await app.request('/api/rubrics')).json()) as {
      rubrics: { areas: { key: string; weights: Record<string, number> }[] }[]
    }
    const weights: Record<string, Record<string, number>> = {}
    for (const area of body.rubrics[0]!.areas) {
      for (const [level, weight] of Object.entries(area.weights)) {
        ;(weights[level] ??= {})[area.key] = weight
      }
    }
    return weights
  }

  it('replaces level weights that sum to 1, and the composite uses them at once', async () => {
    const { app } = createTestApp()
    const weights = await weightsOf(app)
    const composite = async () =>
      (
        (await (await app.request('/api/analytics/composite')).json()) as {
          current: { weights_by_level: Record<string, Record<string, number>> }
        }
      ).current.weights_by_level.senior
    expect(await composite()).toEqual(weights.senior)
    weights.senior = {
      ownership: 0.1,
      concurrency: 0.1,
      unsafe_ffi: 0.2,
      traits_errors: 0.1,
      judgment: 0.5,
    }
    const saved = await json(app, '/api/rubrics/rust/weights', 'PUT', { weights })
    expect(saved.status).toBe(200)
    expect(await composite()).toEqual(weights.senior)
    expect((await audit(app)).map((entry) => entry.action)).toContain('rubric_update')
  })

  it('refuses weights that do not sum to 1, miss an area or name an unknown one', async () => {
    const { app } = createTestApp()
    const weights = await weightsOf(app)
    const put = (body: unknown) => json(app, '/api/rubrics/rust/weights', 'PUT', body)
    const notOne = await put({ weights: { ...weights, mid: { ...weights.mid, judgment: 0.9 } } })
    expect(notOne.status).toBe(400)
    expect(await notOne.text()).toMatch(/weights\.mid must sum to 1/)
    const missing = Object.fromEntries(
      Object.entries(weights.junior!).filter(([area]) => area !== 'judgment'),
    )
    const missed = await put({ weights: { ...weights, junior: missing } })
    expect(await missed.text()).toMatch(/weights\.junior\.judgment is missing/)
    const unknown = await put({ weights: { ...weights, staff: { ...weights.staff, golf: 0 } } })
    expect(await unknown.text()).toMatch(/weights\.staff\.golf is not an area/)
    expect((await put({ weights })).status).toBe(200)
    expect((await json(app, '/api/rubrics/nope/weights', 'PUT', { weights })).status).toBe(404)
  })

  it('adds, changes and deletes benchmarks, checking bands and rates', async () => {
    const { app } = createTestApp()
    const band = {
      metric: 'salary',
      level: 'senior',
      metro: 'Berlin',
      low: 80_000,
      high: 120_000,
      unit: 'EUR',
      source: 'Our 2026 salary survey',
      source_date: '2026-10-01',
    }
    const created = await json(app, '/api/benchmarks', 'POST', band)
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: number }
    const inverted = await json(app, `/api/benchmarks/${id}`, 'PUT', { ...band, low: 130_000 })
    expect(inverted.status).toBe(400)
    expect(await inverted.text()).toMatch(/high must be above low/)
    const rate = await json(app, '/api/benchmarks', 'POST', {
      metric: 'retention_12m',
      value: 92,
      unit: 'rate',
      source: 'x',
      source_date: '2026',
    })
    expect(await rate.text()).toMatch(/value is a rate/)
    const badDate = await json(app, '/api/benchmarks', 'POST', {
      ...band,
      source_date: 'last year',
    })
    expect(await badDate.text()).toMatch(/source_date/)
    expect(
      (await json(app, `/api/benchmarks/${id}`, 'PUT', { ...band, high: 125_000 })).status,
    ).toBe(200)
    const salary = (await (await app.request('/api/analytics/salary')).json()) as {
      bands: { id: number; high: number }[]
    }
    expect(salary.bands.find((entry) => entry.id === id)?.high).toBe(125_000)
    expect((await app.request(`/api/benchmarks/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await app.request(`/api/benchmarks/${id}`, { method: 'DELETE' })).status).toBe(404)
  })
})

describe('hardening', () => {
  it('sends the security headers and no-store on API answers', async () => {
    const db = createTestDatabase()
    const server = createServerApp({ db }, 'nowhere')
    const response = await server.request('/api/health')
    const csp = response.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect((await server.request('/api/requisitions')).status).toBe(401)
  })

  it('limits bodies per route: small for settings, large for imports', async () => {
    const { app } = createTestApp()
    const big = 'x'.repeat(100 * 1024)
    const tooBig = await json(app, '/api/auth/tokens', 'POST', { name: big })
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe(
      'payload_too_large',
    )
    const rows = Array.from({ length: 2000 }, (_, index) =>
      applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
    )
    const upload = await app.request('/api/import?dry_run=1&filename=applications.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv(APPLICATION_HEADER, rows),
    })
    expect(upload.status).toBe(200)
  })

  it('answers an internal failure without a stack trace or SQL', async () => {
    const { app, db } = createTestApp()
    db.$client.exec('DROP TABLE benchmarks')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      const response = await app.request('/api/benchmarks')
      expect(response.status).toBe(500)
      const text = await response.text()
      expect(text).toBe(
        JSON.stringify({
          error: {
            code: 'internal',
            message: 'Something went wrong on the server.',
            details: null,
          },
        }),
      )
    } finally {
      console.error = original
    }
    expect(errors).toHaveLength(1)
  })
})
