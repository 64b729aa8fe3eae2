import { and, count, desc, eq, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rows, runOnSqlite, write, type Queries, type Store } from '../../db/store'

export const AUDIT_ACTIONS = [
  'import',
  'export',
  'backup',
  'rubric_update',
  'benchmark_create',
  'benchmark_update',
  'benchmark_delete',
  'attribute_mapping_update',
  'requisition_update',
  'user_create',
  'user_update',
  'token_create',
  'token_revoke',
  'candidate_erase',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Who acted: a signed-in user, or the command line on the server's own machine. */
export type Actor = { id: number; email: string } | { command: string }

export interface AuditEntry {
  actor: Actor
  action: AuditAction
  target?: string | null
  details?: Record<string, unknown> | null
}

/** Appends one entry; yield it inside the transaction of the change it records. */
export function* auditEntry(
  { db, tables }: Queries,
  { actor, action, target, details }: AuditEntry,
  now: Date = new Date(),
) {
  yield* write(
    db.insert(tables.auditLog).values({
      at: now.toISOString(),
      userId: 'id' in actor ? actor.id : null,
      actor: 'id' in actor ? actor.email : `cli:${actor.command}`,
      action,
      target: target ?? null,
      details: details ?? null,
    }),
  )
}

/** As `auditEntry`, from synchronous SQLite code: inside the transaction of the change. */
export const recordAudit = (db: Db, entry: AuditEntry, now: Date = new Date()): void =>
  runOnSqlite(db, (queries) => auditEntry(queries, entry, now))

export const readAudit = (
  store: Store,
  { action, limit, offset }: { action?: AuditAction | undefined; limit: number; offset: number },
) =>
  store.run(function* ({ db, tables: { auditLog } }) {
    const where: SQL | undefined = action ? eq(auditLog.action, action) : undefined
    const [total] = yield* rows(db.select({ n: count() }).from(auditLog).where(and(where)))
    const items = yield* rows(
      db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          user_id: auditLog.userId,
          actor: auditLog.actor,
          action: auditLog.action,
          target: auditLog.target,
          details: auditLog.details,
        })
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .offset(offset),
    )
    return { total: total?.n ?? 0, limit, offset, items }
  })
