import { eq } from 'drizzle-orm'
import { atomically, type Db } from '../../db/client'
import { commitDataChange } from '../dataset/data-change'
import { candidates } from '../../db/schema'
import { recordAudit, type Actor } from '../auth/audit'
import { ApiError } from '../lib/errors'

const ERASED_APPLICATIONS = `
  SELECT applications.id FROM applications
  JOIN candidates ON candidates.id = applications.candidate_id
  WHERE candidates.erased_at IS NOT NULL`

/**
 * Clears the personal data of every erased candidate: their name, the interview notes about
 * them and their self-identified group. Ratings, decisions and outcomes stay, without a name.
 * Run after every import too, so re-importing an old export cannot bring erased data back.
 */
export function applyErasures(db: Db): { names: number; notes: number; groups: number } {
  const sqlite = db.$client
  return {
    names: sqlite
      .prepare('UPDATE candidates SET name = NULL WHERE erased_at IS NOT NULL AND name IS NOT NULL')
      .run().changes,
    notes: sqlite
      .prepare(
        `UPDATE scores SET note = NULL WHERE note IS NOT NULL AND application_id IN (${ERASED_APPLICATIONS})`,
      )
      .run().changes,
    groups: sqlite
      .prepare(
        `UPDATE applications SET self_id_group = NULL WHERE self_id_group IS NOT NULL AND id IN (${ERASED_APPLICATIONS})`,
      )
      .run().changes,
  }
}

/** Erases one candidate's personal data on request, with its audit entry, in one transaction. */
export function eraseCandidate(db: Db, candidateId: string, actor: Actor, now: Date) {
  const found = db.select().from(candidates).where(eq(candidates.id, candidateId)).get()
  if (!found) throw new ApiError(404, 'not_found', `There is no candidate "${candidateId}"`)
  return atomically(db, () => {
    db.update(candidates)
      .set({ erasedAt: found.erasedAt ?? now.toISOString() })
      .where(eq(candidates.id, candidateId))
      .run()
    const erased = applyErasures(db)
    recordAudit(
      db,
      { actor, action: 'candidate_erase', target: candidateId, details: { notes: erased.notes } },
      now,
    )
    commitDataChange(db, 'applications')
    return {
      candidate_id: candidateId,
      erased_at: found.erasedAt ?? now.toISOString(),
      notes_erased: erased.notes,
    }
  })
}
