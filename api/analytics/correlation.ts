import { z } from 'zod'
import { mean } from './descriptive'
import { studentTTwoSidedP, twoSidedZ } from './distributions'

/** A confidence interval [lower, upper]. */
export const intervalSchema = z.tuple([z.number(), z.number()])
export type Interval = z.infer<typeof intervalSchema>

/** Pearson's r; NaN when either variable is constant or there are fewer than two pairs. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length
  if (n !== y.length) throw new RangeError('pearson: x and y differ in length')
  if (n < 2) return Number.NaN
  const meanX = mean(x)
  const meanY = mean(y)
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - meanX
    const dy = y[i]! - meanY
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  if (sxx === 0 || syy === 0) return Number.NaN
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)))
}

export interface CorrelationTest {
  r: number
  ci: Interval
  p: number
}

/**
 * r with a Fisher-z interval (SE 1/√(n−3)) and the two-sided t-test p with n − 2 df, as R's
 * cor.test. Needs n ≥ 4 and both variables non-constant; returns null otherwise.
 */
export function correlationTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  confidence = 0.95,
): CorrelationTest | null {
  const n = x.length
  const r = pearson(x, y)
  if (n < 4 || Number.isNaN(r)) return null
  const z = Math.atanh(r)
  const halfWidth = twoSidedZ(confidence) / Math.sqrt(n - 3)
  const ci: Interval = [Math.tanh(z - halfWidth), Math.tanh(z + halfWidth)]
  const p = Math.abs(r) === 1 ? 0 : studentTTwoSidedP(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2)
  return { r, ci, p }
}

/**
 * Thorndike Case II correction for direct range restriction, U = SD(pool) / SD(restricted):
 * R = U·r / √(1 + r²(U² − 1)).
 */
export function correctForRangeRestriction(r: number, u: number): number {
  return (u * r) / Math.sqrt(1 + r * r * (u * u - 1))
}
