import { bivariateNormalCdf } from './bivariate-normal'
import { normalQuantile } from './distributions'

/**
 * Taylor–Russell success ratio: the share of those selected who succeed when a predictor of
 * validity ρ selects the top SR of applicants and BR of them would succeed at random,
 * Φ₂(−x_c, −y_c; ρ) / SR with x_c = Φ⁻¹(1 − SR), y_c = Φ⁻¹(1 − BR).
 */
export function successRatio(selectionRatio: number, baseRate: number, rho: number): number {
  checkShare('selectionRatio', selectionRatio)
  checkShare('baseRate', baseRate)
  const xCut = normalQuantile(1 - selectionRatio)
  const yCut = normalQuantile(1 - baseRate)
  return bivariateNormalCdf(-xCut, -yCut, rho) / selectionRatio
}

function checkShare(name: string, value: number): void {
  if (!(value > 0 && value < 1)) {
    throw new RangeError(`successRatio: ${name} must lie strictly between 0 and 1`)
  }
}

/**
 * The base rate BR at which the success ratio at validity ρ equals the observed success ratio:
 * the retention random hiring from the same pool would have given. The success ratio rises
 * with BR from 0 to 1, so bisection finds the one root. Null when the observed share is 0 or 1,
 * which no base rate strictly between them gives.
 */
export function solveBaseRate(
  selectionRatio: number,
  rho: number,
  observedSuccess: number,
): number | null {
  if (!(observedSuccess > 0 && observedSuccess < 1)) return null
  let low = 0
  let high = 1
  // 60 halvings take the bracket below 1e-18: the root to double precision.
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2
    if (middle <= 0 || middle >= 1) break
    if (successRatio(selectionRatio, middle, rho) < observedSuccess) low = middle
    else high = middle
  }
  return (low + high) / 2
}
