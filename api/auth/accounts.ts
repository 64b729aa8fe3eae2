import { createHash, randomBytes } from 'node:crypto'
import { and, asc, eq, lt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { UserRole } from '../../db/domain'
import { apiTokens, sessions, users } from '../../db/schema'
import { importRunning } from '../import/import-lock'
import { ApiError } from '../lib/errors'
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

export function listUsers(db: Db) {
  return db
    .select({ ...viewerColumns, created_at: users.createdAt, disabled_at: users.disabledAt })
    .from(users)
    .orderBy(asc(users.email))
    .all()
}

export interface NewUser {
  email: string
  name?: string | null | undefined
  role: UserRole
  password: string
}

/** Adds a user with a hashed password; 409 when the email is taken. */
export async function createUser(db: Db, checker: PasswordChecker, user: NewUser): Promise<Viewer> {
  const email = normalizeEmail(user.email)
  const passwordHash = await checker.hash(user.password)
  if (findUserByEmail(db, email)) {
    throw new ApiError(409, 'conflict', `A user with email ${email} already exists`, [
      { field: 'email', message: 'is already taken' },
    ])
  }
  return db
    .insert(users)
    .values({ email, name: user.name ?? null, role: user.role, passwordHash })
    .returning(viewerColumns)
    .get()
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

/** A new API token: the secret is returned this once; only its hash is kept. */
export function createApiToken(db: Db, userId: number, name: string, now: Date) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const created = db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: sha256(token), createdAt: now.toISOString() })
    .returning({ id: apiTokens.id, name: apiTokens.name, created_at: apiTokens.createdAt })
    .get()
  return { ...created, token }
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
