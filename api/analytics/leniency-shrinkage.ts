import { z } from 'zod'
import { icc1OfGroups } from './icc'

/**
 * between_variance τ²: how much interviewers' true leniencies vary; within_variance σ²: how
 * much one interviewer's deviations vary around their own mean. Null, with the reason in
 * `note`, when they cannot be estimated; every shrunk leniency is then 0.
 */
export const leniencyShrinkageSchema = z.object({
  between_variance: z.number().nullable(),
  within_variance: z.number().nullable(),
  n_interviewers: z.number().int(),
  n_compared: z.number().int(),
  note: z.string().nullable(),
})
export type LeniencyShrinkage = z.infer<typeof leniencyShrinkageSchema>

export interface ShrunkLeniencies extends LeniencyShrinkage {
  /** Per interviewer, in the order given: B_i = n_i·τ² / (n_i·τ² + σ²), 0 with nothing compared. */
  weights: number[]
  /** Per interviewer: B_i × their mean deviation (0 with nothing compared). */
  shrunk: number[]
}

/**
 * Normal–normal empirical Bayes for leniency. Interviewer i's raw leniency is the mean of their
 * n_i deviations from colleagues; its sampling variance is σ²/n_i, so the posterior mean under
 * a N(0, τ²) prior is raw_i · n_i·τ² / (n_i·τ² + σ²): an interviewer with few ratings is pulled
 * toward 0 (rates like everyone else) until the ratings say otherwise. σ² and τ² are the
 * one-way random-effects ANOVA moments over the deviations grouped by interviewer:
 * σ² = MSW, τ² = max(0, (MSB − MSW) / n₀) with n₀ = (N − Σn_i²/N) / (k − 1), the same
 * moments as ICC(1); equal to the DerSimonian–Laird estimator with weights n_i/σ².
 */
export function shrinkLeniencies(deviations: readonly (readonly number[])[]): ShrunkLeniencies {
  const sizes = deviations.map((own) => own.length)
  const total = sizes.reduce((sum, size) => sum + size, 0)
  const compared = sizes.filter((size) => size > 0).length
  const groups = new Int32Array(total)
  const values = new Float64Array(total)
  let slot = 0
  deviations.forEach((own, interviewer) => {
    for (const deviation of own) {
      groups[slot] = interviewer
      values[slot++] = deviation
    }
  })
  const moments = icc1OfGroups(groups, values, deviations.length)
  const none = (note: string): ShrunkLeniencies => ({
    between_variance: null,
    within_variance: null,
    n_interviewers: compared,
    n_compared: total,
    note,
    weights: sizes.map(() => 0),
    shrunk: sizes.map(() => 0),
  })
  if (compared < 2) {
    return none('Fewer than two interviewers rated alongside a colleague: no leniency is adjusted.')
  }
  if (total - compared < 1) {
    return none(
      'No interviewer has two ratings compared with colleagues, so how much one varies is unknown: no leniency is adjusted.',
    )
  }
  if (moments === null) {
    return none('Every deviation from colleagues is the same: no leniency is adjusted.')
  }
  const within = moments.msw
  const between = Math.max(0, (moments.msb - moments.msw) / moments.k0)
  const weights = sizes.map((size) =>
    size === 0 || between === 0 ? 0 : (size * between) / (size * between + within),
  )
  const shrunk = deviations.map((own, interviewer) => {
    if (weights[interviewer] === 0) return 0
    const raw = own.reduce((sum, deviation) => sum + deviation, 0) / own.length
    return weights[interviewer]! * raw
  })
  return {
    between_variance: between,
    within_variance: within,
    n_interviewers: compared,
    n_compared: total,
    note:
      between === 0
        ? 'Interviewers differ no more than their own ratings vary (τ² = 0): every leniency is shrunk to 0.'
        : null,
    weights,
    shrunk,
  }
}
