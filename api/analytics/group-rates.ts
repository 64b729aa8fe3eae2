import { z } from 'zod'
import { intervalSchema } from './correlation'
import { wilsonInterval } from './proportions'
import { MIN_HIRES } from './power'

/** What one group (a red-flag tag, a background) counts of applications, hires and outcomes. */
export interface GroupCounts {
  /**
   * Applications decided by as_of: hired (and started) or not hired. Pending ones, and hires
   * not yet started, are not yet a yes or a no.
   */
  decided: number
  hired: number
  /** Hires with a known twelve-month outcome, and how many of them stayed. */
  withOutcome: number
  retained: number
}

/**
 * `insufficient`: fewer than 30 hires with a known outcome, so the retention rate is greyed.
 * `hired` and `retained` are null only where disclosure control withholds them.
 */
export const groupRateSchema = z.object({
  key: z.string(),
  decided: z.number().int(),
  hired: z.number().int().nullable(),
  hire_rate: z.number().nullable(),
  hire_rate_ci: intervalSchema.nullable(),
  n_outcome: z.number().int(),
  retained: z.number().int().nullable(),
  retention_rate: z.number().nullable(),
  retention_rate_ci: intervalSchema.nullable(),
  insufficient: z.boolean(),
})
export type GroupRate = z.infer<typeof groupRateSchema>

export function emptyCounts(): GroupCounts {
  return { decided: 0, hired: 0, withOutcome: 0, retained: 0 }
}

/** Adds one application to its group's counts: what became of it, and its outcome if a hire. */
export function countApplication(
  counts: GroupCounts,
  selection: 'hired' | 'not hired' | null,
  outcome: 0 | 1 | null,
): void {
  if (selection !== null) counts.decided++
  if (selection === 'hired') counts.hired++
  if (outcome !== null) {
    counts.withOutcome++
    counts.retained += outcome
  }
}

/** Hire rate and twelve-month retention per group, with Wilson intervals, largest group first. */
export function groupRates(groups: ReadonlyMap<string, GroupCounts>): GroupRate[] {
  return [...groups]
    .map(([key, counts]) => ({
      key,
      decided: counts.decided,
      hired: counts.hired,
      hire_rate: counts.decided > 0 ? counts.hired / counts.decided : null,
      hire_rate_ci: wilsonInterval(counts.hired, counts.decided),
      n_outcome: counts.withOutcome,
      retained: counts.retained,
      retention_rate: counts.withOutcome > 0 ? counts.retained / counts.withOutcome : null,
      retention_rate_ci: wilsonInterval(counts.retained, counts.withOutcome),
      insufficient: counts.withOutcome < MIN_HIRES,
    }))
    .sort((a, b) => b.decided - a.decided || (a.key < b.key ? -1 : 1))
}
