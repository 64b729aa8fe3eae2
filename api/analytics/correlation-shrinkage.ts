import { z } from 'zod'
import { intervalSchema, type Interval } from './correlation'
import { chiSquareUpperP, twoSidedZ } from './distributions'

/** A correlation and the number of pairs it is over. */
export interface CorrelationEstimate {
  r: number
  n: number
}

export const shrunkCorrelationSchema = z.object({
  r: z.number(),
  ci: intervalSchema,
  /** B = τ² / (τ² + se²): the share of the raw figure's distance from the centre kept. */
  weight: z.number(),
})
export type ShrunkCorrelation = z.infer<typeof shrunkCorrelationSchema>

export interface CorrelationShrinkage {
  /** τ² on the Fisher-z scale; null, with the reason in `note`, when it cannot be estimated. */
  betweenVariance: number | null
  note: string | null
  /**
   * Whether the true values differ from the centre at all: Q = Σ (z_i − μ)² / se_i², χ² with k
   * df when every θ_i = μ. Null when nothing is shrunk.
   */
  heterogeneity: { statistic: number; df: number; p: number } | null
  /** Per estimate, in the order given; null when nothing is shrunk. */
  shrunk: (ShrunkCorrelation | null)[]
}

/**
 * Normal–normal empirical Bayes for correlations of one family (the questions of an area)
 * toward a known centre (the area's own correlation). On Fisher's z each estimate is
 * z_i ~ N(θ_i, se_i²) with se_i² = 1/(n_i − 3), and θ_i ~ N(μ, τ²) with μ = atanh(centre).
 * τ² by the method of moments about the known centre, floored at 0:
 * τ² = max(0, Σ[(z_i − μ)² − se_i²] / k). The posterior is N(μ + B_i(z_i − μ), B_i·se_i²) with
 * B_i = τ² / (τ² + se_i²); its mean and 95% interval are turned back into r by tanh. A question
 * asked in few loops is pulled toward the area's figure until its own hires say otherwise.
 */
export function shrinkCorrelations(
  estimates: readonly CorrelationEstimate[],
  centre: number,
  confidence = 0.95,
): CorrelationShrinkage {
  if (estimates.length < 2) {
    return {
      betweenVariance: null,
      heterogeneity: null,
      note: 'Fewer than two questions with enough hires: nothing to shrink toward the area.',
      shrunk: estimates.map(() => null),
    }
  }
  if (!(Math.abs(centre) < 1) || estimates.some(({ r, n }) => !(Math.abs(r) < 1) || n <= 3)) {
    return {
      betweenVariance: null,
      heterogeneity: null,
      note: 'A correlation of ±1 or over three hires or fewer cannot be shrunk on Fisher’s z.',
      shrunk: estimates.map(() => null),
    }
  }
  const mu = Math.atanh(centre)
  const excess = estimates.reduce(
    (total, { r, n }) => total + (Math.atanh(r) - mu) ** 2 - 1 / (n - 3),
    0,
  )
  const between = Math.max(0, excess / estimates.length)
  const statistic = estimates.reduce(
    (total, { r, n }) => total + (Math.atanh(r) - mu) ** 2 * (n - 3),
    0,
  )
  const df = estimates.length
  const z = twoSidedZ(confidence)
  const shrunk = estimates.map(({ r, n }): ShrunkCorrelation => {
    const variance = 1 / (n - 3)
    const weight = between / (between + variance)
    const posteriorMean = mu + weight * (Math.atanh(r) - mu)
    const halfWidth = z * Math.sqrt(weight * variance)
    const ci: Interval = [
      Math.tanh(posteriorMean - halfWidth),
      Math.tanh(posteriorMean + halfWidth),
    ]
    return { r: Math.tanh(posteriorMean), ci, weight }
  })
  return {
    betweenVariance: between,
    heterogeneity: { statistic, df, p: chiSquareUpperP(statistic, df) },
    note:
      between === 0
        ? 'The questions differ no more than their sampling error (τ² = 0): every question is shrunk to the area’s figure.'
        : null,
    shrunk,
  }
}
