import { createHash, randomBytes } from 'node:crypto'
import { and, asc, count, eq, isNull, lt, ne } from 'drizzle-orm'
import type { UserRole } from '../../db/domain'
import { first, rows, write, type Queries, type Store, type Tables } from '../../db/store'
import { writesWait } from '../import/import-lock'
import { ApiError } from '../lib/errors'
import { auditEntry, type Actor } from './audit'
import type { PasswordChecker } from './passwords'

/** Who is asking: the user as the access rules and the handlers see them. */
export interface Viewer {
  id: number
  email: string
  name: string | null
  role: UserRole
}

export interface Authentication {
  viewer: Viewer
  via: 'session' | 'token'
  /** The session's CSRF token; null for API tokens, which no browser sends by itself. */
  csrfToken: string | null
  sessionHash: string | null
  expiresAt: string | null
}

export const SESSION_HOURS = 12
export const API_TOKEN_PREFIX = 'lsk_'

const viewerColumns = ({ users }: Tables) => ({
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
})

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const randomToken = () => randomBytes(32).toString('base64url')

/** Emails compare without case or surrounding space. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

function* userByEmail({ db, tables }: Queries, email: string) {
  const { users } = tables
  return yield* first(
    db
      .select({
        ...viewerColumns(tables),
        passwordHash: users.passwordHash,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.email, normalizeEmail(email))),
  )
}

export const findUserByEmail = (store: Store, email: string) =>
  store.run((queries) => userByEmail(queries, email))

const userColumns = (tables: Tables) => ({
  ...viewerColumns(tables),
  created_at: tables.users.createdAt,
  disabled_at: tables.users.disabledAt,
})

export const listUsers = (store: Store) =>
  store.run(({ db, tables }) =>
    rows(db.select(userColumns(tables)).from(tables.users).orderBy(asc(tables.users.email))),
  )

/** Whether the user still has a password someone else saw printed, and is asked to change it. */
export const mustChangePassword = (store: Store, userId: number): Promise<boolean> =>
  store.run(function* ({ db, tables: { users } }) {
    const found = yield* first(
      db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, userId)),
    )
    return found?.must ?? false
  })

function* userById({ db, tables }: Queries, id: number) {
  return yield* first(
    db.select(userColumns(tables)).from(tables.users).where(eq(tables.users.id, id)),
  )
}

export const findUser = (store: Store, id: number) => store.run((queries) => userById(queries, id))

export interface NewUser {
  email: string
  name?: string | null | undefined
  role: UserRole
  password: string
  /** The password was printed or handed over: the user is asked to choose their own. */
  mustChangePassword?: boolean | undefined
}

/**
 * Adds a user whose password is already hashed, with its audit entry; undefined (nothing
 * written) when the email is taken.
 */
export function* addUser(
  queries: Queries,
  user: Omit<NewUser, 'password'>,
  passwordHash: string,
  actor: Actor,
  now: Date,
) {
  const { db, tables } = queries
  const email = normalizeEmail(user.email)
  const [added] = yield* rows(
    db
      .insert(tables.users)
      .values({
        email,
        name: user.name ?? null,
        role: user.role,
        passwordHash,
        mustChangePassword: user.mustChangePassword ?? false,
      })
      .onConflictDoNothing()
      .returning(viewerColumns(tables)),
  )
  if (added) {
    yield* auditEntry(
      queries,
      { actor, action: 'user_create', target: email, details: { role: user.role } },
      now,
    )
  }
  return added
}

/** Adds a user with a hashed password, and its audit entry; 409 when the email is taken. */
export async function createUser(
  store: Store,
  checker: PasswordChecker,
  { password, ...user }: NewUser,
  actor: Actor,
  now = new Date(),
): Promise<Viewer> {
  const passwordHash = await checker.hash(password)
  const created = await store.transaction((queries) =>
    addUser(queries, user, passwordHash, actor, now),
  )
  if (!created) {
    const email = normalizeEmail(user.email)
    throw new ApiError(409, 'conflict', `A user with email ${email} already exists`, [
      { field: 'email', message: 'is already taken' },
    ])
  }
  return created
}

export interface UserChange {
  name?: string | null | undefined
  role?: UserRole | undefined
  disabled?: boolean | undefined
  /** A new password, already hashed. */
  passwordHash?: string | undefined
  /** Whether the user is asked to replace that password with their own. */
  mustChangePassword?: boolean | undefined
}

/**
 * Changes a user in one transaction with its audit entry. A new role, a disable or a new
 * password signs them out everywhere; a change that would leave no enabled admin is refused.
 */
export function changeUser(store: Store, id: number, change: UserChange, actor: Actor, now: Date) {
  // Exclusive: two admins demoting each other at once cannot both pass the admin count.
  return store.transaction(
    function* (queries) {
      const { db, tables } = queries
      const { users } = tables
      const target = yield* userById(queries, id)
      if (!target) throw new ApiError(404, 'not_found', `There is no user ${id}`)
      yield* write(
        db
          .update(users)
          .set({
            ...(change.name !== undefined ? { name: change.name } : {}),
            ...(change.role ? { role: change.role } : {}),
            ...(change.disabled !== undefined
              ? { disabledAt: change.disabled ? (target.disabled_at ?? now.toISOString()) : null }
              : {}),
            ...(change.passwordHash ? { passwordHash: change.passwordHash } : {}),
            ...(change.mustChangePassword !== undefined
              ? { mustChangePassword: change.mustChangePassword }
              : {}),
          })
          .where(eq(users.id, id)),
      )
      const admins = yield* first(
        db
          .select({ n: count() })
          .from(users)
          .where(and(eq(users.role, 'admin'), isNull(users.disabledAt))),
      )
      if ((admins?.n ?? 0) === 0) {
        // Thrown inside the transaction, so the change is rolled back.
        throw new ApiError(409, 'conflict', 'This would leave no enabled admin: keep at least one')
      }
      const lostAccess =
        (change.role !== undefined && change.role !== target.role) ||
        change.disabled === true ||
        change.passwordHash !== undefined
      if (lostAccess) yield* signOutEverywhere(queries, id)
      yield* auditEntry(
        queries,
        {
          actor,
          action: 'user_update',
          target: target.email,
          details: {
            ...(change.role ? { role: change.role } : {}),
            ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
            ...(change.passwordHash ? { password_reset: true } : {}),
            ...(change.name !== undefined ? { name_changed: true } : {}),
          },
        },
        now,
      )
      return (yield* userById(queries, id))!
    },
    { exclusive: true },
  )
}

/** Signs every browser and script of a user out, but for the session `keep` when given. */
export function* signOutEverywhere({ db, tables }: Queries, userId: number, keep?: string) {
  const { apiTokens, sessions } = tables
  yield* write(
    db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          keep === undefined ? undefined : ne(sessions.tokenHash, keep),
        ),
      ),
  )
  yield* write(db.delete(apiTokens).where(eq(apiTokens.userId, userId)))
}

export async function createSession(store: Store, userId: number, now: Date) {
  const token = randomToken()
  const csrfToken = randomToken()
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString()
  await store.run(function* ({ db, tables: { sessions } }) {
    // Expired sessions of anyone are swept here rather than by a timer.
    yield* write(db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())))
    yield* write(
      db.insert(sessions).values({
        tokenHash: sha256(token),
        userId,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt,
      }),
    )
  })
  return { token, csrfToken, expiresAt }
}

/** The signed-in user of a session cookie, or null if it is unknown, expired or disabled. */
export const authenticateSession = (
  store: Store,
  token: string,
  now: Date,
): Promise<Authentication | null> =>
  store.run(function* (queries) {
    const { db, tables } = queries
    const { sessions, users } = tables
    const tokenHash = sha256(token)
    const found = yield* first(
      db
        .select({
          viewer: viewerColumns(tables),
          disabledAt: users.disabledAt,
          csrfToken: sessions.csrfToken,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash)),
    )
    if (!found || found.disabledAt !== null) return null
    if (found.expiresAt <= now.toISOString()) {
      // Swept at the next sign-in otherwise; never worth waiting on an import's lock.
      if (!writesWait(queries)) {
        yield* write(db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)))
      }
      return null
    }
    return {
      viewer: found.viewer,
      via: 'session',
      csrfToken: found.csrfToken,
      sessionHash: tokenHash,
      expiresAt: found.expiresAt,
    }
  })

export const revokeSession = (store: Store, sessionHash: string): Promise<void> =>
  store.run(({ db, tables: { sessions } }) =>
    write(db.delete(sessions).where(eq(sessions.tokenHash, sessionHash))),
  )

/**
 * Adds an API token with its audit entry; the secret is returned this once, only its hash is
 * kept.
 */
export function* addApiToken(
  queries: Queries,
  owner: { id: number; email: string },
  name: string,
  actor: Actor,
  now: Date,
) {
  const { apiTokens } = queries.tables
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const [created] = yield* rows(
    queries.db
      .insert(apiTokens)
      .values({ userId: owner.id, name, tokenHash: sha256(token), createdAt: now.toISOString() })
      .returning({ id: apiTokens.id, name: apiTokens.name, created_at: apiTokens.createdAt }),
  )
  yield* auditEntry(
    queries,
    {
      actor,
      action: 'token_create',
      target: owner.email,
      details: { token_id: created!.id, name },
    },
    now,
  )
  return { ...created!, token }
}

/** As `addApiToken`, in a transaction of its own. */
export const createApiToken = (
  store: Store,
  owner: { id: number; email: string },
  name: string,
  actor: Actor,
  now: Date,
) => store.transaction((queries) => addApiToken(queries, owner, name, actor, now))

export const authenticateToken = (
  store: Store,
  token: string,
  now: Date,
): Promise<Authentication | null> =>
  store.run(function* (queries) {
    const { db, tables } = queries
    const { apiTokens, users } = tables
    const found = yield* first(
      db
        .select({
          viewer: viewerColumns(tables),
          disabledAt: users.disabledAt,
          id: apiTokens.id,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, sha256(token))),
    )
    if (!found || found.disabledAt !== null) return null
    // A script polling every second should not write every second: a minute is precise enough.
    const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString()
    const stale = found.lastUsedAt === null || found.lastUsedAt < aMinuteAgo
    if (stale && !writesWait(queries)) {
      yield* write(
        db
          .update(apiTokens)
          .set({ lastUsedAt: now.toISOString() })
          .where(eq(apiTokens.id, found.id)),
      )
    }
    return {
      viewer: found.viewer,
      via: 'token',
      csrfToken: null,
      sessionHash: null,
      expiresAt: null,
    }
  })

export const listApiTokens = (store: Store, userId: number) =>
  store.run(({ db, tables: { apiTokens } }) =>
    rows(
      db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          created_at: apiTokens.createdAt,
          last_used_at: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(asc(apiTokens.id)),
    ),
  )

/** Deletes one of the user's own tokens with its audit entry; false when they have no such token. */
export const revokeApiToken = (store: Store, viewer: Viewer, tokenId: number, now: Date) =>
  store.transaction(function* (queries) {
    const { apiTokens } = queries.tables
    const deleted = yield* rows(
      queries.db
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, viewer.id)))
        .returning({ id: apiTokens.id }),
    )
    if (deleted.length === 0) return false
    yield* auditEntry(
      queries,
      {
        actor: viewer,
        action: 'token_revoke',
        target: viewer.email,
        details: { token_id: tokenId },
      },
      now,
    )
    return true
  })

/** Sets the user's own new password: every other session and every token is signed out. */
export const setOwnPassword = (
  store: Store,
  auth: Authentication,
  passwordHash: string,
  now: Date,
): Promise<void> =>
  store.transaction(function* (queries) {
    const { users } = queries.tables
    yield* write(
      queries.db
        .update(users)
        .set({ passwordHash, mustChangePassword: false })
        .where(eq(users.id, auth.viewer.id)),
    )
    // Whoever else knew the old password is signed out; this session stays.
    yield* signOutEverywhere(queries, auth.viewer.id, auth.sessionHash ?? '')
    yield* auditEntry(
      queries,
      {
        actor: auth.viewer,
        action: 'user_update',
        target: auth.viewer.email,
        details: { password_changed: true },
      },
      now,
    )
  })
