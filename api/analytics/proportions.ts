import type { Interval } from './correlation'
import { twoSidedZ } from './distributions'

const LANCZOS_G = 7
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
]
const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI)

/** log Γ(x) for x > 0 by the Lanczos approximation (g = 7, nine terms), about 1e-15 relative. */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`logGamma: needs a finite x > 0`)
  // Reflection keeps the series in the range where it is accurate.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const shifted = x - 1
  let series = LANCZOS_COEFFICIENTS[0]!
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    series += LANCZOS_COEFFICIENTS[i]! / (shifted + i)
  }
  const t = shifted + LANCZOS_G + 0.5
  return LOG_SQRT_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(series)
}

/** log n! for a whole number n ≥ 0. */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial: needs a whole n ≥ 0`)
  return n < 2 ? 0 : logGamma(n + 1)
}

/**
 * Wilson score interval for a proportion without continuity correction, as R's
 * prop.test(correct = FALSE) and binom::binom.wilson. Null when there are no trials.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  confidence = 0.95,
): Interval | null {
  if (!Number.isInteger(trials) || trials < 0) {
    throw new RangeError('wilsonInterval: trials must be a whole number ≥ 0')
  }
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError('wilsonInterval: successes must be a whole number in 0..trials')
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError('wilsonInterval: confidence must lie strictly between 0 and 1')
  }
  if (trials === 0) return null
  const z = twoSidedZ(confidence)
  const proportion = successes / trials
  const zSquaredOverN = (z * z) / trials
  const centre = (proportion + zSquaredOverN / 2) / (1 + zSquaredOverN)
  const halfWidth =
    (z * Math.sqrt((proportion * (1 - proportion)) / trials + zSquaredOverN / (4 * trials))) /
    (1 + zSquaredOverN)
  // Like prop.test, pin the bound at 0 or 1 exactly when the observed proportion sits there.
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth)
  const upper = successes === trials ? 1 : Math.min(1, centre + halfWidth)
  return [lower, upper]
}

/** Relative tolerance R's fisher.test uses when comparing table probabilities. */
const FISHER_RELATIVE_ERROR = 1 + 1e-7

/**
 * Two-sided p of Fisher's exact test on [[a, b], [c, d]], as R's fisher.test: the summed
 * hypergeometric probability of every table with the same margins that is no more likely than
 * the observed one. Works in log space, so counts in the thousands are fine.
 */
export function fisherExactTwoSided(table: [[number, number], [number, number]]): number {
  const [[a, b], [c, d]] = table
  for (const count of [a, b, c, d]) {
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError('fisherExactTwoSided: counts must be whole numbers ≥ 0')
    }
  }
  const row1 = a + b
  const row2 = c + d
  const column1 = a + c
  const column2 = b + d
  const low = Math.max(0, row1 - column2)
  const high = Math.min(row1, column1)
  if (low === high) return 1
  // log P(x) up to the constant log(row1! row2! / (n choose column1)), which normalisation cancels
  const logDensities = new Float64Array(high - low + 1)
  let maxLogDensity = -Infinity
  for (let x = low; x <= high; x++) {
    const logDensity = -(
      logFactorial(x) +
      logFactorial(row1 - x) +
      logFactorial(column1 - x) +
      logFactorial(row2 - column1 + x)
    )
    logDensities[x - low] = logDensity
    if (logDensity > maxLogDensity) maxLogDensity = logDensity
  }
  const weights = logDensities.map((logDensity) => Math.exp(logDensity - maxLogDensity))
  let total = 0
  for (const weight of weights) total += weight
  const threshold = weights[a - low]! * FISHER_RELATIVE_ERROR
  let asExtreme = 0
  for (const weight of weights) if (weight <= threshold) asExtreme += weight
  return Math.min(1, asExtreme / total)
}
