import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { first, rows, runOnSqlite, write, type Queries, type Store } from '../../db/store'
import { auditEntry, type Actor } from '../auth/audit'
import { dataChanged } from '../dataset/data-change'
import { ApiError } from '../lib/errors'

/**
 * Clears the personal data of every erased candidate: their name, the interview notes about
 * them and their self-identified group. Ratings, decisions and outcomes stay, without a name.
 * Run after every import too, so re-importing an old export cannot bring erased data back.
 * How many names, notes and groups it cleared.
 */
export function* erasures({ db, tables }: Queries) {
  const { applications, candidates, scores } = tables
  const erasedApplications = db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .where(isNotNull(candidates.erasedAt))
  const names = yield* rows(
    db
      .update(candidates)
      .set({ name: null })
      .where(and(isNotNull(candidates.erasedAt), isNotNull(candidates.name)))
      .returning({ id: candidates.id }),
  )
  const notes = yield* rows(
    db
      .update(scores)
      .set({ note: null })
      .where(and(isNotNull(scores.note), inArray(scores.applicationId, erasedApplications)))
      .returning({ id: scores.id }),
  )
  const groups = yield* rows(
    db
      .update(applications)
      .set({ selfIdGroup: null })
      .where(and(isNotNull(applications.selfIdGroup), inArray(applications.id, erasedApplications)))
      .returning({ id: applications.id }),
  )
  return { names: names.length, notes: notes.length, groups: groups.length }
}

/** As `erasures`, from synchronous SQLite code (an import, inside its transaction). */
export const applyErasures = (db: Db) => runOnSqlite(db, erasures)

/** Erases one candidate's personal data on request, with its audit entry, in one transaction. */
export const eraseCandidate = (store: Store, candidateId: string, actor: Actor, now: Date) =>
  store.transaction(function* (queries) {
    const { db, tables } = queries
    const { candidates } = tables
    const found = yield* first(db.select().from(candidates).where(eq(candidates.id, candidateId)))
    if (!found) throw new ApiError(404, 'not_found', `There is no candidate "${candidateId}"`)
    const erasedAt = found.erasedAt ?? now.toISOString()
    yield* write(db.update(candidates).set({ erasedAt }).where(eq(candidates.id, candidateId)))
    const erased = yield* erasures(queries)
    yield* auditEntry(
      queries,
      { actor, action: 'candidate_erase', target: candidateId, details: { notes: erased.notes } },
      now,
    )
    yield* dataChanged(queries, 'applications')
    return { candidate_id: candidateId, erased_at: erasedAt, notes_erased: erased.notes }
  })
