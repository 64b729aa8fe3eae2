import { z } from 'zod'

/**
 * pooled: the inverse-variance weighted mean the estimates are shrunk toward; between_variance
 * τ²: how much the true figures vary around it. Null, with the reason in `note`, when they
 * cannot be estimated; every shrunk figure is then the pooled one, or null without it.
 */
export const estimateShrinkageSchema = z.object({
  pooled: z.number().nullable(),
  between_variance: z.number().nullable(),
  n_estimates: z.number().int(),
  note: z.string().nullable(),
})
export type EstimateShrinkage = z.infer<typeof estimateShrinkageSchema>

export interface ShrunkEstimates extends EstimateShrinkage {
  /** Per estimate, in the order given: B_i = τ² / (τ² + se_i²); null without a variance. */
  weights: (number | null)[]
  /** Per estimate: pooled + B_i·(raw_i − pooled); null without a variance. */
  shrunk: (number | null)[]
}

/**
 * Normal–normal empirical Bayes for estimates with known sampling variances (an AUC with its
 * DeLong variance): estimate i is pulled toward the pooled figure μ by B_i = τ²/(τ² + se_i²),
 * so a figure resting on few cases moves most of the way to μ and one on many barely moves.
 * τ² is the method-of-moments (DerSimonian–Laird) estimate with weights w_i = 1/se_i²:
 * τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)), Q = Σw_i(raw_i − μ)², μ = Σw_i·raw_i / Σw.
 * Estimates without a positive finite variance take no part and get no shrunk figure.
 */
export function shrinkEstimates(
  estimates: readonly (number | null)[],
  variances: readonly (number | null)[],
): ShrunkEstimates {
  const usable = estimates.map(
    (estimate, i) =>
      estimate !== null &&
      variances[i] !== null &&
      variances[i]! > 0 &&
      Number.isFinite(variances[i]!),
  )
  const k = usable.filter(Boolean).length
  const none = (note: string, pooled: number | null = null): ShrunkEstimates => ({
    pooled,
    between_variance: null,
    n_estimates: k,
    note,
    weights: estimates.map(() => null),
    shrunk: estimates.map((_, i) => (usable[i] ? pooled : null)),
  })
  if (k < 2) return none('Fewer than two figures with a standard error: nothing is shrunk.')
  let sumW = 0
  let sumW2 = 0
  let sumWX = 0
  estimates.forEach((estimate, i) => {
    if (!usable[i]) return
    const w = 1 / variances[i]!
    sumW += w
    sumW2 += w * w
    sumWX += w * estimate!
  })
  const pooled = sumWX / sumW
  let q = 0
  estimates.forEach((estimate, i) => {
    if (usable[i]) q += (estimate! - pooled) ** 2 / variances[i]!
  })
  const between = Math.max(0, (q - (k - 1)) / (sumW - sumW2 / sumW))
  const weights = estimates.map((_, i) => (usable[i] ? between / (between + variances[i]!) : null))
  return {
    pooled,
    between_variance: between,
    n_estimates: k,
    note:
      between === 0
        ? 'The figures differ no more than their standard errors allow (τ² = 0): every one is shrunk to the pooled figure.'
        : null,
    weights,
    shrunk: estimates.map((estimate, i) =>
      usable[i] ? pooled + weights[i]! * (estimate! - pooled) : null,
    ),
  }
}
