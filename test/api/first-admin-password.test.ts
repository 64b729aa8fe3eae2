import { describe, expect, it } from 'vitest'
import { createFirstUsers, FIRST_ADMIN_EMAIL } from '../../api/auth/first-users'
import { PasswordChecker } from '../../api/auth/passwords'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { sqliteStore } from '../../db/store'
import { createBareApp, FIXED_TODAY, type ErrorResponseBody } from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { createTestDatabase } from '../helpers/database'

type App = ReturnType<typeof createBareApp>

interface SessionBody {
  csrf_token: string
  must_change_password: boolean
}

async function signIn(app: App, email: string, password: string) {
  const response = await app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status).toBe(200)
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!
  const body = (await response.json()) as SessionBody
  return { cookie, body }
}

/** The first start of a database without demo data: the admin and the password it printed. */
async function firstStart() {
  const db = createTestDatabase()
  const lines = await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
  const password = /password (\S+)/.exec(lines[0]!)![1]!
  return { db, app: createBareApp(db), password, lines }
}

function changePassword(
  app: App,
  signedIn: { cookie: string; body: SessionBody },
  body: Record<string, unknown>,
) {
  return app.request('/api/auth/password', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: signedIn.cookie,
      'x-csrf-token': signedIn.body.csrf_token,
    },
    body: JSON.stringify(body),
  })
}

async function sessionOf(app: App, cookie: string): Promise<SessionBody> {
  const response = await app.request('/api/auth/session', { headers: { cookie } })
  expect(response.status).toBe(200)
  return (await response.json()) as SessionBody
}

describe('the first admin and the password printed at first start', () => {
  it('is asked to change the printed password, at sign-in and in the session', async () => {
    const { app, password, lines } = await firstStart()
    expect(lines.join('\n')).toContain('choose your own password')
    const signedIn = await signIn(app, FIRST_ADMIN_EMAIL, password)
    expect(signedIn.body.must_change_password).toBe(true)
    expect((await sessionOf(app, signedIn.cookie)).must_change_password).toBe(true)
  })

  it('changes it to their own, and is no longer asked', async () => {
    const { app, password } = await firstStart()
    const signedIn = await signIn(app, FIRST_ADMIN_EMAIL, password)
    const changed = await changePassword(app, signedIn, {
      current_password: password,
      new_password: 'a password of my own choosing',
    })
    expect(changed.status).toBe(204)
    expect((await sessionOf(app, signedIn.cookie)).must_change_password).toBe(false)
    const again = await signIn(app, FIRST_ADMIN_EMAIL, 'a password of my own choosing')
    expect(again.body.must_change_password).toBe(false)
  })

  it('refuses the printed password as the new one, naming the field, and keeps asking', async () => {
    const { app, password } = await firstStart()
    const signedIn = await signIn(app, FIRST_ADMIN_EMAIL, password)
    const same = await changePassword(app, signedIn, {
      current_password: password,
      new_password: password,
    })
    expect(same.status).toBe(400)
    const body = (await same.json()) as ErrorResponseBody
    expect(body.error.message).toBe(
      'Invalid body: new_password must differ from the current password',
    )
    expect(body.error.details).toEqual([
      { field: 'new_password', message: 'must differ from the current password' },
    ])
    expect((await sessionOf(app, signedIn.cookie)).must_change_password).toBe(true)
  })

  it('refuses a wrong current password and a missing new one, and keeps asking', async () => {
    const { app, password } = await firstStart()
    const signedIn = await signIn(app, FIRST_ADMIN_EMAIL, password)
    const wrong = await changePassword(app, signedIn, {
      current_password: 'not the printed one',
      new_password: 'a password of my own choosing',
    })
    expect(wrong.status).toBe(403)
    expect(((await wrong.json()) as ErrorResponseBody).error.details).toEqual([
      { field: 'current_password', message: 'is wrong' },
    ])
    const missing = await changePassword(app, signedIn, { current_password: password })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as ErrorResponseBody).error.message).toContain('new_password')
    expect((await sessionOf(app, signedIn.cookie)).must_change_password).toBe(true)
  })

  it('does not ask the demo users, whose passwords are public demo passwords', async () => {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, FIXED_TODAY)
    await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
    const app = createBareApp(db)
    const signedIn = await signIn(app, 'admin@demo.test', 'demo-admin-2026')
    expect(signedIn.body.must_change_password).toBe(false)
  })
})
