import { mean, sampleVariance } from './descriptive'
import { twoSidedZ } from './distributions'
import type { Interval } from './correlation'

export interface AucEstimate {
  auc: number
  /** DeLong interval clipped to [0, 1]; null with fewer than two cases or two controls. */
  ci: Interval | null
  variance: number | null
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

function upperBound(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! <= value) low = middle + 1
    else high = middle
  }
  return low
}

/** For each value: the share of `others` below it, ties counting one half (DeLong's placements). */
function placements(values: ArrayLike<number>, others: Float64Array): Float64Array {
  const result = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const below = lowerBound(others, values[i]!)
    const ties = upperBound(others, values[i]!) - below
    result[i] = (below + ties / 2) / others.length
  }
  return result
}

/**
 * Probability that a case (e.g. a retained hire) scored higher than a control (one who left),
 * ties counting ½, with DeLong's variance and interval as pROC's ci.auc(method = "delong").
 * Returns null when either group is empty.
 */
export function aucDeLong(
  cases: ArrayLike<number>,
  controls: ArrayLike<number>,
  confidence = 0.95,
): AucEstimate | null {
  const m = cases.length
  const n = controls.length
  if (m === 0 || n === 0) return null
  const sortedCases = Float64Array.from(cases).sort()
  const sortedControls = Float64Array.from(controls).sort()
  const casePlacements = placements(cases, sortedControls)
  const auc = mean(casePlacements)
  if (m < 2 || n < 2) return { auc, ci: null, variance: null }
  // Share of cases below each control: one minus DeLong's V01, which has the same variance.
  const controlPlacements = placements(controls, sortedCases)
  const variance = sampleVariance(casePlacements) / m + sampleVariance(controlPlacements) / n
  const halfWidth = twoSidedZ(confidence) * Math.sqrt(variance)
  const clip = (value: number) => Math.min(1, Math.max(0, value))
  return { auc, ci: [clip(auc - halfWidth), clip(auc + halfWidth)], variance }
}
