import { normalQuantile, twoSidedZ } from './distributions'

/**
 * Hires needed to detect a true correlation r with a two-sided test at `alpha` and the given
 * power, by the Fisher-z approximation: n = ((z₁₋α/₂ + z_power) / atanh r)² + 3.
 */
export function hiresToDetect(r: number, alpha = 0.05, power = 0.8): number {
  const z = twoSidedZ(1 - alpha) + normalQuantile(power)
  return Math.ceil((z / Math.atanh(r)) ** 2 + 3)
}
