import type { Interval } from './correlation'
import { sum } from './descriptive'
import { normalTwoSidedP, twoSidedZ } from './distributions'
import { cholesky, choleskyInverse, choleskySolve } from './linear-algebra'

export type LogisticStatus = 'ok' | 'separation' | 'not_converged' | 'singular'

export interface LogisticFit {
  status: LogisticStatus
  /** Why the estimates are not usable; null when status is 'ok'. */
  message: string | null
  coefficients: number[]
  standardErrors: number[]
  /** Inverse of the information matrix at the estimates (R's vcov); empty unless status is 'ok'. */
  covariance: number[][]
  linearPredictor: Float64Array
  deviance: number
  nullDeviance: number
  iterations: number
  converged: boolean
}

export interface LogisticOptions {
  /** Relative change in deviance that ends the iteration (R's glm epsilon). */
  tolerance?: number
  maxIterations?: number
}

// A linear predictor this far from zero means a fitted probability within 2e-9 of 0 or 1:
// the likelihood is still climbing towards an infinite coefficient (separation).
const SEPARATION_ETA = 20

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}

function binomialDeviance(outcome: ArrayLike<number>, eta: Float64Array): number {
  let deviance = 0
  for (let i = 0; i < eta.length; i++) {
    deviance += 2 * (outcome[i] === 1 ? softplus(-eta[i]!) : softplus(eta[i]!))
  }
  return deviance
}

function nullDevianceOf(outcome: ArrayLike<number>): number {
  const n = outcome.length
  const rate = sum(outcome) / n
  if (rate === 0 || rate === 1) return 0
  return -2 * n * (rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate))
}

/** X'WX and X'Wz for the current weights, accumulated row by row. */
function weightedCrossProducts(
  design: ReadonlyArray<ReadonlyArray<number>>,
  weights: Float64Array,
  working: Float64Array,
) {
  const width = design[0]!.length
  const information = Array.from({ length: width }, () => new Array<number>(width).fill(0))
  const score = new Array<number>(width).fill(0)
  for (let i = 0; i < design.length; i++) {
    const row = design[i]!
    const weight = weights[i]!
    const weightedWorking = weight * working[i]!
    for (let a = 0; a < width; a++) {
      const weighted = weight * row[a]!
      score[a]! += row[a]! * weightedWorking
      const informationRow = information[a]!
      for (let b = 0; b <= a; b++) informationRow[b]! += weighted * row[b]!
    }
  }
  for (let a = 0; a < width; a++) {
    for (let b = a + 1; b < width; b++) information[a]![b] = information[b]![a]!
  }
  return { information, score }
}

/**
 * Logistic regression by iteratively reweighted least squares, as R's
 * glm(family = binomial): same starting values, same deviance-based stopping rule, standard
 * errors from the inverse information at the estimate. `design` rows include the intercept
 * column. Separation and non-convergence are reported in `status` instead of returning
 * meaningless coefficients.
 */
export function fitLogistic(
  design: ReadonlyArray<ReadonlyArray<number>>,
  outcome: ArrayLike<number>,
  { tolerance = 1e-12, maxIterations = 100 }: LogisticOptions = {},
): LogisticFit {
  const n = design.length
  const width = design[0]?.length ?? 0
  const eta = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const start = (outcome[i]! + 0.5) / 2
    eta[i] = Math.log(start / (1 - start))
  }
  const weights = new Float64Array(n)
  const working = new Float64Array(n)
  const nullDeviance = nullDevianceOf(outcome)
  let coefficients = new Array<number>(width).fill(0)
  let deviance = Number.POSITIVE_INFINITY
  let converged = false
  let iterations = 0
  const failed = (status: LogisticStatus, message: string): LogisticFit => ({
    status,
    message,
    coefficients: [],
    standardErrors: [],
    covariance: [],
    linearPredictor: eta,
    deviance,
    nullDeviance,
    iterations,
    converged: false,
  })

  // Collinear or constant predictors make the problem singular whatever the outcome.
  if (!cholesky(weightedCrossProducts(design, new Float64Array(n).fill(1), working).information)) {
    return failed('singular', 'The predictors are collinear or constant among these hires.')
  }
  const separated = () =>
    failed(
      'separation',
      'Some hires are predicted perfectly (separation): the odds ratios are not finite.',
    )

  while (iterations < maxIterations) {
    iterations++
    for (let i = 0; i < n; i++) {
      const probability = 1 / (1 + Math.exp(-eta[i]!))
      const variance = probability * (1 - probability)
      weights[i] = variance
      working[i] = eta[i]! + (outcome[i]! - probability) / variance
    }
    const { information, score } = weightedCrossProducts(design, weights, working)
    // With a full-rank design, the weighted problem turns singular only as fitted
    // probabilities reach 0 or 1, i.e. as the coefficients run off to infinity.
    const factor = cholesky(information)
    if (!factor) return separated()
    coefficients = choleskySolve(factor, score)
    for (let i = 0; i < n; i++) {
      const row = design[i]!
      let value = 0
      for (let a = 0; a < width; a++) value += row[a]! * coefficients[a]!
      eta[i] = value
    }
    // Past this the weights of the perfectly fitted hires underflow to zero.
    if (eta.some((value) => !(Math.abs(value) <= 35))) return separated()
    const previous = deviance
    deviance = binomialDeviance(outcome, eta)
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < tolerance) {
      converged = true
      break
    }
  }

  if (eta.some((value) => Math.abs(value) > SEPARATION_ETA)) return separated()
  if (!converged) {
    return failed('not_converged', `The fit did not converge in ${maxIterations} iterations.`)
  }
  for (let i = 0; i < n; i++) {
    const probability = 1 / (1 + Math.exp(-eta[i]!))
    weights[i] = probability * (1 - probability)
  }
  const factor = cholesky(weightedCrossProducts(design, weights, working).information)
  if (!factor) return separated()
  const covariance = choleskyInverse(factor)
  return {
    status: 'ok',
    message: null,
    coefficients,
    standardErrors: covariance.map((row, i) => Math.sqrt(row[i]!)),
    covariance,
    linearPredictor: eta,
    deviance,
    nullDeviance,
    iterations,
    converged,
  }
}

export interface WaldTerm {
  estimate: number
  standardError: number
  z: number
  p: number
  ci: Interval
  oddsRatio: number
  oddsRatioCi: Interval
}

/** Wald z, p and intervals of each coefficient, as R's summary(glm) and confint.default. */
export function waldTerms(fit: LogisticFit, confidence = 0.95): WaldTerm[] {
  const critical = twoSidedZ(confidence)
  return fit.coefficients.map((estimate, i) => {
    const standardError = fit.standardErrors[i]!
    const ci: Interval = [estimate - critical * standardError, estimate + critical * standardError]
    const z = estimate / standardError
    return {
      estimate,
      standardError,
      z,
      p: normalTwoSidedP(z),
      ci,
      oddsRatio: Math.exp(estimate),
      oddsRatioCi: [Math.exp(ci[0]), Math.exp(ci[1])],
    }
  })
}
