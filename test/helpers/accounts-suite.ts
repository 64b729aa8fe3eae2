import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  authenticateSession,
  authenticateToken,
  changeUser,
  createApiToken,
  createSession,
  createUser,
  findUser,
  findUserByEmail,
  listApiTokens,
  listUsers,
  mustChangePassword,
  revokeApiToken,
  revokeSession,
  setOwnPassword,
  type Viewer,
} from '../../api/auth/accounts'
import { readAudit } from '../../api/auth/audit'
import { createFirstUsers, FIRST_ADMIN_EMAIL } from '../../api/auth/first-users'
import { LoginThrottle } from '../../api/auth/login-throttle'
import { PasswordChecker } from '../../api/auth/passwords'
import { ApiError } from '../../api/lib/errors'
import type { Store } from '../../db/store'
import { TEST_PASSWORD_COST } from './auth'

/** Two stores on one empty, migrated database, as two instances would open it. */
export interface StoresUnderTest {
  store: Store
  /** A second store on the same database, through connections of its own. */
  other: Store
  close: () => Promise<void>
}

const passwords = new PasswordChecker(TEST_PASSWORD_COST)
const CLI = { command: 'test' }
const NOW = new Date('2026-06-01T12:00:00.000Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)

/** How a promise failed: the ApiError's status, or the error itself. */
async function statusOf(work: Promise<unknown>) {
  try {
    await work
  } catch (error) {
    if (error instanceof ApiError) return error.status
    throw error
  }
  return 'fulfilled'
}

/**
 * Accounts, sessions, API tokens, the audit log and the sign-in throttle, checked the same way
 * on each database the server can keep them in.
 */
export function describeAccounts(name: string, open: () => Promise<StoresUnderTest>) {
  describe(`accounts on ${name}`, () => {
    let stores: StoresUnderTest
    let store: Store
    let admin: Viewer
    beforeAll(async () => {
      stores = await open()
      store = stores.store
      admin = await createUser(
        store,
        passwords,
        { email: ' Ada@Example.test ', role: 'admin', password: 'correct horse battery' },
        CLI,
        NOW,
      )
    })
    afterAll(() => stores.close())

    it('adds a user once, found by email whatever its case, with an audit entry', async () => {
      expect(admin).toEqual({
        id: expect.any(Number) as number,
        email: 'ada@example.test',
        name: null,
        role: 'admin',
      })
      const found = await findUserByEmail(store, 'ADA@example.test')
      expect(found).toMatchObject({ id: admin.id, role: 'admin', disabledAt: null })
      expect(await passwords.check('correct horse battery', found!.passwordHash)).toBe(true)
      expect(await findUserByEmail(store, 'nobody@example.test')).toBeUndefined()
      // The same email, from another instance: refused, and nothing written.
      const before = await readAudit(store, { action: 'user_create', limit: 10, offset: 0 })
      expect(
        await statusOf(
          createUser(
            stores.other,
            passwords,
            { email: 'ada@example.test', role: 'talent_lead', password: 'another password!' },
            CLI,
          ),
        ),
      ).toBe(409)
      const after = await readAudit(store, { action: 'user_create', limit: 10, offset: 0 })
      expect(after.total).toBe(before.total)
      expect(after.items[0]).toMatchObject({
        actor: 'cli:test',
        action: 'user_create',
        target: 'ada@example.test',
        details: { role: 'admin' },
        user_id: null,
      })
    })

    it('lists users by email and tells who must change a printed password', async () => {
      const printed = await createUser(
        store,
        passwords,
        {
          email: 'bea@example.test',
          name: 'Bea',
          role: 'hiring_manager',
          password: 'printed password 1',
          mustChangePassword: true,
        },
        admin,
        NOW,
      )
      const emails = (await listUsers(store)).map((user) => user.email)
      expect(emails).toEqual([...emails].sort())
      expect(emails).toContain('bea@example.test')
      expect(await mustChangePassword(store, printed.id)).toBe(true)
      expect(await mustChangePassword(store, admin.id)).toBe(false)
      expect(await findUser(store, printed.id)).toMatchObject({
        email: 'bea@example.test',
        name: 'Bea',
        disabled_at: null,
        created_at: expect.any(String) as string,
      })
    })

    it('opens a session read through either store, ends it on sign-out, and at its expiry', async () => {
      const session = await createSession(store, admin.id, NOW)
      const seen = await authenticateSession(stores.other, session.token, later(60_000))
      expect(seen).toMatchObject({
        viewer: admin,
        via: 'session',
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      })
      expect(await authenticateSession(store, 'not a token', NOW)).toBeNull()
      await revokeSession(stores.other, seen!.sessionHash!)
      expect(await authenticateSession(store, session.token, later(60_000))).toBeNull()

      const expiring = await createSession(store, admin.id, NOW)
      const afterExpiry = new Date(expiring.expiresAt)
      expect(await authenticateSession(store, expiring.token, afterExpiry)).toBeNull()
      // Swept: not valid again even with the clock put back.
      expect(await authenticateSession(store, expiring.token, NOW)).toBeNull()
    })

    it('keeps an API token as a hash, marks its use, and revokes it for its owner only', async () => {
      const created = await createApiToken(store, admin, 'nightly export', admin, NOW)
      expect(created.token).toMatch(/^lsk_/)
      const auth = await authenticateToken(stores.other, created.token, later(120_000))
      expect(auth).toMatchObject({ viewer: admin, via: 'token', csrfToken: null })
      const [listed] = await listApiTokens(store, admin.id)
      expect(listed).toMatchObject({
        id: created.id,
        name: 'nightly export',
        last_used_at: later(120_000).toISOString(),
      })
      const other = await createUser(
        store,
        passwords,
        { email: 'cy@example.test', role: 'talent_lead', password: 'cy password 123' },
        admin,
      )
      expect(await revokeApiToken(store, other, created.id, NOW)).toBe(false)
      expect(await authenticateToken(store, created.token, NOW)).not.toBeNull()
      expect(await revokeApiToken(stores.other, admin, created.id, NOW)).toBe(true)
      expect(await authenticateToken(store, created.token, NOW)).toBeNull()
      const audit = await readAudit(store, { action: 'token_revoke', limit: 5, offset: 0 })
      expect(audit.items).toEqual([
        expect.objectContaining({ user_id: admin.id, details: { token_id: created.id } }),
      ])
    })

    it('refuses to leave no enabled admin, writing nothing, and signs out whoever loses access', async () => {
      const auditBefore = (await readAudit(store, { limit: 1, offset: 0 })).total
      expect(await statusOf(changeUser(store, admin.id, { role: 'talent_lead' }, CLI, NOW))).toBe(
        409,
      )
      expect(await statusOf(changeUser(store, admin.id, { disabled: true }, CLI, NOW))).toBe(409)
      expect(await findUser(store, admin.id)).toMatchObject({ role: 'admin', disabled_at: null })
      expect((await readAudit(store, { limit: 1, offset: 0 })).total).toBe(auditBefore)
      expect(await statusOf(changeUser(store, 999_999, { name: 'x' }, CLI, NOW))).toBe(404)

      const dee = await createUser(
        store,
        passwords,
        { email: 'dee@example.test', role: 'talent_lead', password: 'dee password 123' },
        admin,
      )
      const session = await createSession(store, dee.id, NOW)
      const token = await createApiToken(store, dee, 'script', dee, NOW)
      const renamed = await changeUser(store, dee.id, { name: 'Dee' }, admin, NOW)
      expect(renamed).toMatchObject({ name: 'Dee', role: 'talent_lead' })
      expect(await authenticateSession(store, session.token, NOW)).not.toBeNull()
      await changeUser(stores.other, dee.id, { role: 'hiring_manager' }, admin, NOW)
      expect(await authenticateSession(store, session.token, NOW)).toBeNull()
      expect(await authenticateToken(store, token.token, NOW)).toBeNull()
      const [entry] = (await readAudit(store, { action: 'user_update', limit: 1, offset: 0 })).items
      expect(entry).toMatchObject({
        actor: 'ada@example.test',
        target: 'dee@example.test',
        details: { role: 'hiring_manager' },
      })

      const disabled = await changeUser(store, dee.id, { disabled: true }, admin, NOW)
      expect(disabled.disabled_at).toBe(NOW.toISOString())
      const again = await createSession(store, dee.id, NOW)
      expect(await authenticateSession(store, again.token, NOW)).toBeNull()
    })

    it('sets a new own password, keeping this session and ending every other', async () => {
      const eve = await createUser(
        store,
        passwords,
        {
          email: 'eve@example.test',
          role: 'hiring_manager',
          password: 'printed password 2',
          mustChangePassword: true,
        },
        admin,
      )
      const here = await createSession(store, eve.id, NOW)
      const elsewhere = await createSession(store, eve.id, NOW)
      const token = await createApiToken(store, eve, 'script', eve, NOW)
      const auth = (await authenticateSession(store, here.token, NOW))!
      await setOwnPassword(stores.other, auth, await passwords.hash('my own password'), NOW)
      expect(await authenticateSession(store, here.token, NOW)).not.toBeNull()
      expect(await authenticateSession(store, elsewhere.token, NOW)).toBeNull()
      expect(await authenticateToken(store, token.token, NOW)).toBeNull()
      expect(await mustChangePassword(store, eve.id)).toBe(false)
      const stored = await findUserByEmail(store, 'eve@example.test')
      expect(await passwords.check('my own password', stored!.passwordHash)).toBe(true)
    })

    it('pages and filters the audit log, newest first', async () => {
      const all = await readAudit(store, { limit: 100, offset: 0 })
      expect(all.total).toBe(all.items.length)
      const ids = all.items.map((item) => item.id)
      expect(ids).toEqual([...ids].sort((a, b) => b - a))
      const page = await readAudit(store, { limit: 2, offset: 1 })
      expect(page.items.map((item) => item.id)).toEqual(ids.slice(1, 3))
      const creates = await readAudit(store, { action: 'user_create', limit: 100, offset: 0 })
      expect(creates.items.every((item) => item.action === 'user_create')).toBe(true)
      expect(creates.total).toBe(5)
    })

    it('creates the first admin once when two instances start on an empty database at once', async () => {
      const empty = await open()
      try {
        const printed = await Promise.all([
          createFirstUsers(empty.store, passwords, NOW),
          createFirstUsers(empty.other, passwords, NOW),
        ])
        const [lines] = printed.filter((said) => said.length > 0)
        expect(printed.filter((said) => said.length === 0)).toHaveLength(1)
        const password = /with password (\S+)$/.exec(lines![0]!)![1]!
        const users = await listUsers(empty.other)
        expect(users.map((user) => [user.email, user.role])).toEqual([[FIRST_ADMIN_EMAIL, 'admin']])
        const admin = await findUserByEmail(empty.store, FIRST_ADMIN_EMAIL)
        expect(await passwords.check(password, admin!.passwordHash)).toBe(true)
        expect(await mustChangePassword(empty.store, admin!.id)).toBe(true)
        expect(await createFirstUsers(empty.store, passwords, NOW)).toEqual([])
        const audit = await readAudit(empty.store, { limit: 10, offset: 0 })
        expect(audit.items.map((item) => [item.action, item.actor])).toEqual([
          ['user_create', 'cli:start'],
        ])
      } finally {
        await empty.close()
      }
    })

    it('counts failed sign-ins across both stores and lets no burst past the limit', async () => {
      const limits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 }
      const throttles = [new LoginThrottle(store, limits), new LoginThrottle(stores.other, limits)]
      const t = NOW.getTime()
      // Alternating between the two: the fifth failure locks the account on both.
      for (let attempt = 0; attempt < 5; attempt++) {
        const reserved = await throttles[attempt % 2]!.reserve('fay', `10.0.0.${attempt}`, t)
        if ('retryAfterMs' in reserved) throw new Error(`try ${attempt} was refused`)
        await reserved.failed(t)
      }
      for (const throttle of throttles) {
        expect(await throttle.reserve('fay', '10.0.0.9', t + 1000)).toEqual({
          retryAfterMs: limits.windowMs - 1000,
        })
      }
      expect(
        'failed' in (await throttles[1]!.reserve('fay', '10.0.0.9', t + limits.windowMs + 1)),
      ).toBe(true)

      // Twenty tries at once, half through each store: five are reserved, the rest wait.
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, k) => throttles[k % 2]!.reserve('gus', `10.1.0.${k}`, t)),
      )
      const reserved = burst.filter((result) => 'failed' in result)
      expect(reserved).toHaveLength(5)
      expect(burst.filter((result) => 'retryAfterMs' in result)).toHaveLength(15)
      // One succeeds: the account's count is cleared for everyone.
      const [winner, ...losers] = reserved
      for (const loser of losers) await loser.withdrawn()
      await winner!.succeeded()
      expect('failed' in (await throttles[0]!.reserve('gus', '10.1.0.99', t + 1))).toBe(true)
      expect(() => winner!.failed(t)).toThrow('settled twice')
    })
  })
}
