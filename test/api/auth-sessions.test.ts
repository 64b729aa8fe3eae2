import { describe, expect, it } from 'vitest'
import { DEFAULT_THROTTLE } from '../../api/auth/login-throttle'
import { hashPassword, PasswordChecker, scryptKey, type DeriveKey } from '../../api/auth/passwords'
import type { UserRole } from '../../db/domain'
import { users } from '../../db/schema'
import { createBareApp } from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { createTestDatabase } from '../helpers/database'

const PASSWORD = 'correct horse battery staple'

/** An app with a movable clock and one user of each role with the same password. */
async function setup(throttle = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 }) {
  const db = createTestDatabase()
  const clock = { now: new Date('2026-03-31T09:00:00Z') }
  const app = createBareApp(db, { now: () => clock.now, throttleLimits: throttle })
  const hash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
  const roles: UserRole[] = ['admin', 'talent_lead', 'hiring_manager']
  for (const role of roles) {
    db.insert(users)
      .values({ email: `${role}@test.example`, role, passwordHash: hash })
      .run()
  }
  return { db, app, clock }
}

type App = Awaited<ReturnType<typeof setup>>['app']

const address = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } })

async function signIn(app: App, email: string, password = PASSWORD, from = '10.0.0.1', url = '') {
  return app.request(
    `${url}/api/auth/sign-in`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    },
    address(from),
  )
}

/** The cookie pair and CSRF token of a successful sign-in. */
async function session(app: App, email = 'talent_lead@test.example') {
  const response = await signIn(app, email)
  expect(response.status).toBe(200)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  const { csrf_token } = (await response.json()) as { csrf_token: string }
  return { cookie, csrf: csrf_token }
}

const post = (app: App, path: string, headers: Record<string, string>, body: unknown = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('sign-in and the session cookie', () => {
  it('sets an HttpOnly, SameSite=Lax cookie that signs later requests in', async () => {
    const { app } = await setup()
    const response = await signIn(app, ' Talent_Lead@Test.Example ')
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie')!
    expect(cookie).toMatch(/^loopscope_session=[\w-]{40,};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure')
    const body = (await response.json()) as { user: { role: string }; csrf_token: string }
    expect(body.user.role).toBe('talent_lead')
    expect(body.csrf_token.length).toBeGreaterThan(30)
    const me = await app.request('/api/auth/session', {
      headers: { cookie: cookie.split(';')[0]! },
    })
    expect(me.status).toBe(200)
  })

  it('marks the cookie Secure when served over HTTPS', async () => {
    const { app } = await setup()
    const response = await signIn(
      app,
      'admin@test.example',
      PASSWORD,
      '10.0.0.1',
      'https://loopscope.test',
    )
    expect(response.headers.get('set-cookie')).toContain('Secure')
  })

  it('stores only a hash of the session token', async () => {
    const { app, db } = await setup()
    const { cookie } = await session(app)
    const token = cookie.split('=')[1]!
    const stored = JSON.stringify(db.$client.prepare('SELECT * FROM sessions').all())
    expect(stored).not.toContain(token)
  })

  it('answers 401 to every non-public route when signed out, and to a made-up cookie', async () => {
    const { app } = await setup()
    for (const path of ['/api/requisitions', '/api/analytics/validity', '/api/nothing-here']) {
      const response = await app.request(path)
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'unauthorized',
      )
    }
    const forged = await app.request('/api/requisitions', {
      headers: { cookie: 'loopscope_session=not-a-session' },
    })
    expect(forged.status).toBe(401)
    expect(forged.headers.get('set-cookie')).toMatch(/loopscope_session=;.*Max-Age=0/)
    expect((await app.request('/api/health')).status).toBe(200)
  })

  it('ends a session after twelve hours', async () => {
    const { app, clock, db } = await setup()
    const { cookie } = await session(app)
    clock.now = new Date(clock.now.getTime() + 11.9 * 3_600_000)
    expect((await app.request('/api/auth/session', { headers: { cookie } })).status).toBe(200)
    clock.now = new Date(clock.now.getTime() + 0.2 * 3_600_000)
    expect((await app.request('/api/auth/session', { headers: { cookie } })).status).toBe(401)
    expect(db.$client.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 })
  })

  it('revokes the session on sign-out', async () => {
    const { app } = await setup()
    const { cookie, csrf } = await session(app)
    const out = await post(app, '/api/auth/sign-out', { cookie, 'x-csrf-token': csrf })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    // The browser may keep the old cookie; the server no longer honours it.
    expect((await app.request('/api/auth/session', { headers: { cookie } })).status).toBe(401)
  })

  it('signs a user out everywhere when an admin disables them or changes their role', async () => {
    const { app, db } = await setup()
    const admin = await session(app, 'admin@test.example')
    const lead = await session(app)
    const id = (
      db.$client.prepare("SELECT id FROM users WHERE role = 'talent_lead'").get() as { id: number }
    ).id
    const change = (body: unknown) =>
      app.request(`/api/users/${id}`, {
        method: 'PATCH',
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
    expect((await change({ role: 'hiring_manager' })).status).toBe(200)
    expect(
      (await app.request('/api/auth/session', { headers: { cookie: lead.cookie } })).status,
    ).toBe(401)
    const again = await session(app)
    expect((await change({ disabled: true })).status).toBe(200)
    expect(
      (await app.request('/api/auth/session', { headers: { cookie: again.cookie } })).status,
    ).toBe(401)
    expect((await signIn(app, 'talent_lead@test.example')).status).toBe(401)
  })
})

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without the token, with a wrong one, or from a foreign origin', async () => {
    const { app } = await setup()
    const { cookie, csrf } = await session(app)
    const create = (headers: Record<string, string>) =>
      post(app, '/api/auth/tokens', { cookie, ...headers }, { name: 'script' })
    const missing = await create({})
    expect(missing.status).toBe(403)
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /X-CSRF-Token/i,
    )
    expect((await create({ 'x-csrf-token': `${csrf}x` })).status).toBe(403)
    expect((await create({ 'x-csrf-token': csrf, origin: 'https://evil.example' })).status).toBe(
      403,
    )
    expect((await create({ 'x-csrf-token': csrf })).status).toBe(201)
  })

  it('needs no CSRF token for an API token, which no browser sends on its own', async () => {
    const { app } = await setup()
    const { cookie, csrf } = await session(app)
    const created = await post(
      app,
      '/api/auth/tokens',
      { cookie, 'x-csrf-token': csrf },
      {
        name: 'script',
      },
    )
    const { token, id } = (await created.json()) as { token: string; id: number }
    expect(token).toMatch(/^lsk_/)
    const bearer = { authorization: `Bearer ${token}` }
    expect((await post(app, '/api/auth/tokens', bearer, { name: 'second' })).status).toBe(201)
    // Listed without the secret; revoked, it stops working.
    const listed = await app.request('/api/auth/tokens', { headers: bearer })
    expect(await listed.text()).not.toContain(token)
    const revoked = await app.request(`/api/auth/tokens/${id}`, {
      method: 'DELETE',
      headers: bearer,
    })
    expect(revoked.status).toBe(204)
    expect((await app.request('/api/auth/session', { headers: bearer })).status).toBe(401)
    const malformed = await app.request('/api/auth/session', {
      headers: { authorization: 'Basic abc' },
    })
    expect(malformed.status).toBe(401)
  })

  it('refuses a sign-in posted from another origin', async () => {
    const { app } = await setup()
    const response = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'admin@test.example', password: PASSWORD }),
    })
    expect(response.status).toBe(403)
  })
})

describe('sign-in rate limiting', () => {
  it('locks an account after five failures, even for the right password, until the window passes', async () => {
    const { app, clock } = await setup()
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(app, 'admin@test.example', 'wrong password')).status).toBe(401)
    }
    const locked = await signIn(app, 'admin@test.example')
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    // Another account from the same address is not locked by these five.
    expect((await signIn(app, 'talent_lead@test.example')).status).toBe(200)
    clock.now = new Date(clock.now.getTime() + 16 * 60_000)
    expect((await signIn(app, 'admin@test.example')).status).toBe(200)
  })

  it('locks an address after twenty failures across accounts, other addresses unaffected', async () => {
    const { app } = await setup()
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await signIn(app, `nobody-${attempt}@test.example`, 'x', '10.0.0.9')
      expect(response.status).toBe(401)
    }
    expect((await signIn(app, 'admin@test.example', PASSWORD, '10.0.0.9')).status).toBe(429)
    expect((await signIn(app, 'admin@test.example', PASSWORD, '10.0.0.10')).status).toBe(200)
  })
})

/** A key derivation that counts its runs and, once held, waits until let go. */
function gatedDerivation() {
  let runs = 0
  let release: () => void = () => undefined
  let gate: Promise<void> | null = null
  const derive: DeriveKey = async (password, salt, cost) => {
    runs++
    if (gate) await gate
    return scryptKey(password, salt, cost)
  }
  return {
    derive,
    runs: () => runs,
    hold: () => {
      gate = new Promise<void>((resolve) => (release = resolve))
    },
    release: () => {
      gate = null
      release()
    },
  }
}

const statusCounts = (responses: readonly Response[]) =>
  responses.reduce<Record<number, number>>((counts, response) => {
    counts[response.status] = (counts[response.status] ?? 0) + 1
    return counts
  }, {})

describe('sign-ins sent at once', () => {
  it('30 for one account: five are checked and fail, the other 25 answer 429 without a hash', async () => {
    const derivation = gatedDerivation()
    const db = createTestDatabase()
    const passwords = new PasswordChecker(TEST_PASSWORD_COST, derivation.derive)
    db.insert(users)
      .values({
        email: 'admin@test.example',
        role: 'admin',
        passwordHash: await passwords.hash(PASSWORD),
      })
      .run()
    const app = createBareApp(db, { passwords })
    const before = derivation.runs()
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        signIn(app, 'admin@test.example', 'wrong password', `10.0.1.${index}`),
      ),
    )
    expect(statusCounts(responses)).toEqual({ 401: 5, 429: 25 })
    expect(derivation.runs() - before).toBe(5)
    const refused = responses.find((response) => response.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // The five failures now lock the account, the right password included.
    expect((await signIn(app, 'admin@test.example', PASSWORD, '10.0.2.1')).status).toBe(429)
  })

  it('a right password among tries in flight clears the account once it is checked', async () => {
    const { app } = await setup()
    const tries = await Promise.all([
      signIn(app, 'admin@test.example', 'wrong 1', '10.0.3.1'),
      signIn(app, 'admin@test.example', PASSWORD, '10.0.3.2'),
    ])
    expect(statusCounts(tries)).toEqual({ 401: 1, 200: 1 })
    expect((await signIn(app, 'admin@test.example', PASSWORD, '10.0.3.3')).status).toBe(200)
  })

  it('runs one hash at a time for everyone, lets a few wait, and answers 503 to the rest', async () => {
    const derivation = gatedDerivation()
    const db = createTestDatabase()
    const passwords = new PasswordChecker(TEST_PASSWORD_COST, derivation.derive)
    await passwords.check('warm', null)
    const app = createBareApp(db, {
      passwords,
      throttleLimits: { ...DEFAULT_THROTTLE, concurrentChecks: 1, queuedChecks: 2 },
    })
    derivation.hold()
    const before = derivation.runs()
    // Different accounts from different addresses: no per-key limit applies.
    const pending = Array.from({ length: 6 }, (_, index) =>
      signIn(app, `nobody-${index}@test.example`, 'x', `10.0.4.${index}`),
    )
    const refused = await Promise.all(pending.slice(3))
    for (const response of refused) {
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('2')
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('busy')
    }
    // Only the first is hashing; the next two wait in line.
    expect(derivation.runs() - before).toBe(1)
    derivation.release()
    expect(statusCounts(await Promise.all(pending.slice(0, 3)))).toEqual({ 401: 3 })
    expect(derivation.runs() - before).toBe(3)
    // Refused before any hash, those tries were not counted as failures.
    expect((await signIn(app, 'nobody-5@test.example', 'x', '10.0.4.5')).status).toBe(401)
  })
})

describe('wrong-password timing', () => {
  it('checks an unknown account against a hash of the same cost as a real one', async () => {
    const checker = new PasswordChecker(TEST_PASSWORD_COST)
    const real = await checker.hash(PASSWORD)
    expect(await checker.check(PASSWORD, real)).toBe(true)
    expect(await checker.check('wrong', real)).toBe(false)
    // No user: the stand-in hash is checked, and nothing ever matches it.
    expect(await checker.check(PASSWORD, null)).toBe(false)
    expect(await checker.check('', undefined)).toBe(false)
  })

  it('runs one scrypt of the same cost for an unknown email, a disabled account and a wrong password', async () => {
    // Timing is measured by `npm run bench:sign-in`; here the work itself is compared, so a busy
    // machine cannot make the test fail. Skipping or cheapening the hash for any path fails it.
    const derivations: string[] = []
    const watched: DeriveKey = (password, salt, cost) => {
      derivations.push(`N=2^${cost.logN} r=${cost.r} p=${cost.p} salt=${salt.length}`)
      return scryptKey(password, salt, cost)
    }
    const db = createTestDatabase()
    const passwords = new PasswordChecker(TEST_PASSWORD_COST, watched)
    const app = createBareApp(db, {
      passwords,
      throttleLimits: { perAccount: 1000, perAddress: 1000, windowMs: 60_000 },
    })
    for (const [email, disabledAt] of [
      ['known@test.example', null],
      ['disabled@test.example', '2026-01-01T00:00:00.000Z'],
    ] as const) {
      db.insert(users)
        .values({ email, role: 'admin', passwordHash: await passwords.hash(PASSWORD), disabledAt })
        .run()
    }
    const workOf = async (email: string, password: string) => {
      derivations.length = 0
      const response = await signIn(app, email, password)
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'The email or the password is wrong',
      )
      return [...derivations]
    }
    const wrongPassword = await workOf('known@test.example', 'not the password')
    expect(wrongPassword).toEqual([`N=2^10 r=8 p=1 salt=16`])
    expect(await workOf('unknown@test.example', 'not the password')).toEqual(wrongPassword)
    expect(await workOf('disabled@test.example', PASSWORD)).toEqual(wrongPassword)
  })
})
