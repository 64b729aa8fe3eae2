import { normalQuantile, twoSidedZ } from './distributions'

/**
 * The one rule for "enough data" behind a finding about retention (a correlation, an odds
 * ratio, an AUC, a model, weights learnt from it): at least MIN_HIRES hires with a known
 * twelve-month outcome, of whom at least MIN_EACH_OUTCOME stayed and MIN_EACH_OUTCOME left.
 * Below it, a figure is not shown as if it were a finding: it is null, with this reason.
 */
export const MIN_HIRES = 30
export const MIN_EACH_OUTCOME = 10

/** Why the hires are too few for a finding, in words; null when they are enough. */
export function tooFewHires(stayed: number, left: number): string | null {
  const n = stayed + left
  if (n >= MIN_HIRES && stayed >= MIN_EACH_OUTCOME && left >= MIN_EACH_OUTCOME) return null
  return `Too few hires to tell: ${n} with a known twelve-month outcome (${stayed} stayed, ${left} left), where a finding needs at least ${MIN_HIRES}, with at least ${MIN_EACH_OUTCOME} who stayed and ${MIN_EACH_OUTCOME} who left.`
}

/**
 * Hires needed to detect a true correlation r with a two-sided test at `alpha` and the given
 * power, by the Fisher-z approximation: n = ((z₁₋α/₂ + z_power) / atanh r)² + 3.
 */
export function hiresToDetect(r: number, alpha = 0.05, power = 0.8): number {
  const z = twoSidedZ(1 - alpha) + normalQuantile(power)
  return Math.ceil((z / Math.atanh(r)) ** 2 + 3)
}
