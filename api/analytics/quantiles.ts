import { z } from 'zod'
import { mean } from './descriptive'
import { logFactorial } from './proportions'

/** A guard against a bin width so small for the range that the response would be enormous. */
export const MAX_HISTOGRAM_BINS = 100_000

/**
 * Quantile of already sorted values by R's default (type 7): linear interpolation between the
 * order statistics at (n − 1)·p. Null for no values.
 */
export function quantile(sortedAscending: ArrayLike<number>, probability: number): number | null {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError('quantile: probability must lie in [0, 1]')
  }
  const n = sortedAscending.length
  if (n === 0) return null
  const position = (n - 1) * probability
  const below = Math.floor(position)
  const fraction = position - below
  const lower = sortedAscending[below]!
  if (fraction === 0) return lower
  const upper = sortedAscending[below + 1]!
  // As R: equal neighbours return the value itself, and (1 − h)·lower + h·upper hits both ends.
  return upper === lower ? lower : (1 - fraction) * lower + fraction * upper
}

export const distributionSchema = z
  .object({
    n: z.number().int(),
    min: z.number().nullable(),
    q1: z.number().nullable(),
    median: z.number().nullable(),
    q3: z.number().nullable(),
    max: z.number().nullable(),
    mean: z.number().nullable(),
  })
  .meta({ id: 'Distribution' })
export type Distribution = z.infer<typeof distributionSchema>

/** Counts of values in consecutive bins [from, to). */
export const binsSchema = z.array(
  z.object({ from: z.number(), to: z.number(), count: z.number().int() }),
)

function assertFinite(values: readonly number[], caller: string): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`${caller}: values must be finite numbers`)
  }
}

/** Five-number summary (type-7 quartiles) and mean; every statistic null for no values. */
export function describeDistribution(values: readonly number[]): Distribution {
  assertFinite(values, 'describeDistribution')
  const n = values.length
  if (n === 0) return { n, min: null, q1: null, median: null, q3: null, max: null, mean: null }
  const sorted = Float64Array.from(values).sort()
  return {
    n,
    min: sorted[0]!,
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[n - 1]!,
    mean: mean(sorted),
  }
}

/**
 * Counts in consecutive bins [from, to) of the given width, aligned on start + k·width, from the
 * bin holding the smallest value to the one holding the largest; empty bins in between stay.
 */
export function histogram(
  values: readonly number[],
  binWidth: number,
  start = 0,
): z.infer<typeof binsSchema> {
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw new RangeError('histogram: binWidth must be a finite number > 0')
  }
  if (!Number.isFinite(start)) throw new RangeError('histogram: start must be finite')
  assertFinite(values, 'histogram')
  if (values.length === 0) return []
  const edge = (k: number) => start + k * binWidth
  // Division can land one bin off at a boundary; nudge so the value lies in [edge(k), edge(k + 1)).
  const binOf = (value: number) => {
    let k = Math.floor((value - start) / binWidth)
    if (value < edge(k)) k -= 1
    else if (value >= edge(k + 1)) k += 1
    return k
  }
  let first = Infinity
  let last = -Infinity
  const binIndexes = values.map(binOf)
  for (const k of binIndexes) {
    if (k < first) first = k
    if (k > last) last = k
  }
  const binCount = last - first + 1
  if (binCount > MAX_HISTOGRAM_BINS) {
    throw new RangeError(`histogram: ${binCount} bins exceed the limit of ${MAX_HISTOGRAM_BINS}`)
  }
  const counts = new Array<number>(binCount).fill(0)
  for (const k of binIndexes) counts[k - first]! += 1
  return counts.map((count, i) => ({ from: edge(first + i), to: edge(first + i + 1), count }))
}

/**
 * Distribution-free interval for the median of already sorted values: the order statistics
 * x₍ₗ₎ and x₍ₙ₋ₗ₊₁₎ with l = qbinom((1 − confidence)/2, n, ½), so that at least `confidence`
 * of samples cover the true median (R: `sort(x)[c(l, n - l + 1)]`). Null when n is too small
 * for any such pair (l = 0, below six values at 95%).
 */
export function medianInterval(
  sortedAscending: ArrayLike<number>,
  confidence = 0.95,
): [number, number] | null {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError('medianInterval: confidence must lie strictly between 0 and 1')
  }
  const n = sortedAscending.length
  const tail = (1 - confidence) / 2
  // Smallest l with P(B ≤ l) ≥ tail for B ~ Binomial(n, ½), summed in log space.
  const logHalfPower = n * Math.log(0.5)
  let cumulative = 0
  let lower = 0
  for (; lower <= n; lower++) {
    cumulative += Math.exp(
      logFactorial(n) - logFactorial(lower) - logFactorial(n - lower) + logHalfPower,
    )
    if (cumulative >= tail) break
  }
  if (lower < 1) return null
  return [sortedAscending[lower - 1]!, sortedAscending[n - lower]!]
}
