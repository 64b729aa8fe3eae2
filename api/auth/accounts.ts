import { createHash, randomBytes } from 'node:crypto'
import { and, asc, count, eq, isNull, lt } from 'drizzle-orm'
import { atomically, type Db } from '../../db/client'
import type { UserRole } from '../../db/domain'
import { apiTokens, sessions, users } from '../../db/schema'
import { importRunning } from '../import/import-lock'
import { ApiError } from '../lib/errors'
import { recordAudit, type Actor } from './audit'
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

const viewerColumns = { id: users.id, email: users.email, name: users.name, role: users.role }

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const randomToken = () => randomBytes(32).toString('base64url')

/** Emails compare without case or surrounding space. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase()

export function findUserByEmail(db: Db, email: string) {
  return db
    .select({ ...viewerColumns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get()
}

const userColumns = { ...viewerColumns, created_at: users.createdAt, disabled_at: users.disabledAt }

export function listUsers(db: Db) {
  return db.select(userColumns).from(users).orderBy(asc(users.email)).all()
}

/** Whether the user still has a password someone else saw printed, and is asked to change it. */
export function mustChangePassword(db: Db, userId: number): boolean {
  const found = db
    .select({ must: users.mustChangePassword })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  return found?.must ?? false
}

export function findUser(db: Db, id: number) {
  return db.select(userColumns).from(users).where(eq(users.id, id)).get()
}

export interface NewUser {
  email: string
  name?: string | null | undefined
  role: UserRole
  password: string
  /** The password was printed or handed over: the user is asked to choose their own. */
  mustChangePassword?: boolean | undefined
}

/** Adds a user with a hashed password, and its audit entry; 409 when the email is taken. */
export async function createUser(
  db: Db,
  checker: PasswordChecker,
  user: NewUser,
  actor: Actor,
  now = new Date(),
): Promise<Viewer> {
  const email = normalizeEmail(user.email)
  const passwordHash = await checker.hash(user.password)
  if (findUserByEmail(db, email)) {
    throw new ApiError(409, 'conflict', `A user with email ${email} already exists`, [
      { field: 'email', message: 'is already taken' },
    ])
  }
  return atomically(db, () => {
    const created = db
      .insert(users)
      .values({
        email,
        name: user.name ?? null,
        role: user.role,
        passwordHash,
        mustChangePassword: user.mustChangePassword ?? false,
      })
      .returning(viewerColumns)
      .get()
    recordAudit(
      db,
      { actor, action: 'user_create', target: email, details: { role: user.role } },
      now,
    )
    return created
  })
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
export function changeUser(db: Db, id: number, change: UserChange, actor: Actor, now: Date) {
  const target = findUser(db, id)
  if (!target) throw new ApiError(404, 'not_found', `There is no user ${id}`)
  atomically(db, () => {
    db.update(users)
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
      .where(eq(users.id, id))
      .run()
    const [admins] = db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
      .all()
    if ((admins?.n ?? 0) === 0) {
      // Thrown inside the transaction, so the change is rolled back.
      throw new ApiError(409, 'conflict', 'This would leave no enabled admin: keep at least one')
    }
    const lostAccess =
      (change.role !== undefined && change.role !== target.role) ||
      change.disabled === true ||
      change.passwordHash !== undefined
    if (lostAccess) revokeEverything(db, id)
    recordAudit(
      db,
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
  })
  return findUser(db, id)!
}

/** Signs every browser and script of a user out. */
export function revokeEverything(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run()
  db.delete(apiTokens).where(eq(apiTokens.userId, userId)).run()
}

export function createSession(db: Db, userId: number, now: Date) {
  const token = randomToken()
  const csrfToken = randomToken()
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString()
  // Expired sessions of anyone are swept here rather than by a timer.
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run()
  db.insert(sessions)
    .values({
      tokenHash: sha256(token),
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .run()
  return { token, csrfToken, expiresAt }
}

/** The signed-in user of a session cookie, or null if it is unknown, expired or disabled. */
export function authenticateSession(db: Db, token: string, now: Date): Authentication | null {
  const tokenHash = sha256(token)
  const found = db
    .select({
      viewer: viewerColumns,
      disabledAt: users.disabledAt,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash))
    .get()
  if (!found || found.disabledAt !== null) return null
  if (found.expiresAt <= now.toISOString()) {
    // Swept at the next sign-in otherwise; never worth waiting on an import's lock.
    if (!importRunning(db)) db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run()
    return null
  }
  return {
    viewer: found.viewer,
    via: 'session',
    csrfToken: found.csrfToken,
    sessionHash: tokenHash,
    expiresAt: found.expiresAt,
  }
}

export function revokeSession(db: Db, sessionHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, sessionHash)).run()
}

/** A new API token, with its audit entry: the secret is returned this once; only its hash is kept. */
export function createApiToken(
  db: Db,
  owner: { id: number; email: string },
  name: string,
  actor: Actor,
  now: Date,
) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  return atomically(db, () => {
    const created = db
      .insert(apiTokens)
      .values({ userId: owner.id, name, tokenHash: sha256(token), createdAt: now.toISOString() })
      .returning({ id: apiTokens.id, name: apiTokens.name, created_at: apiTokens.createdAt })
      .get()
    recordAudit(
      db,
      {
        actor,
        action: 'token_create',
        target: owner.email,
        details: { token_id: created.id, name },
      },
      now,
    )
    return { ...created, token }
  })
}

export function authenticateToken(db: Db, token: string, now: Date): Authentication | null {
  const found = db
    .select({
      viewer: viewerColumns,
      disabledAt: users.disabledAt,
      id: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .get()
  if (!found || found.disabledAt !== null) return null
  // A script polling every second should not write every second: a minute is precise enough.
  const aMinuteAgo = new Date(now.getTime() - 60_000).toISOString()
  const stale = found.lastUsedAt === null || found.lastUsedAt < aMinuteAgo
  if (stale && !importRunning(db)) {
    db.update(apiTokens)
      .set({ lastUsedAt: now.toISOString() })
      .where(eq(apiTokens.id, found.id))
      .run()
  }
  return { viewer: found.viewer, via: 'token', csrfToken: null, sessionHash: null, expiresAt: null }
}

export function listApiTokens(db: Db, userId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      created_at: apiTokens.createdAt,
      last_used_at: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.id))
    .all()
}

/** Deletes one of the user's own tokens; false when they have no such token. */
export function deleteApiToken(db: Db, userId: number, tokenId: number): boolean {
  return (
    db
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
      .run().changes > 0
  )
}
