import { normalQuantile, twoSidedZ } from './distributions'

/** Below this many hires with a known outcome a result is shown as insufficient data. */
export const MIN_HIRES = 30

/**
 * Hires needed to detect a true correlation r with a two-sided test at `alpha` and the given
 * power, by the Fisher-z approximation: n = ((z₁₋α/₂ + z_power) / atanh r)² + 3.
 */
export function hiresToDetect(r: number, alpha = 0.05, power = 0.8): number {
  const z = twoSidedZ(1 - alpha) + normalQuantile(power)
  return Math.ceil((z / Math.atanh(r)) ** 2 + 3)
}
