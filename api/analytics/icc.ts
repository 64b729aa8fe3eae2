export interface IccResult {
  /** a: groups (e.g. applications) with at least one rating. */
  n_groups: number
  /** N: ratings in all. */
  n_ratings: number
  /** Effective group size (N − Σnᵢ²/N) / (a − 1); the common size when groups are balanced. */
  k0: number
  msb: number
  msw: number
  icc1: number
}

/**
 * One-way random-effects ICC(1) for groups of unequal size, ANOVA estimator:
 * (MSB − MSW) / (MSB + (k0 − 1)·MSW), with the sums of squares of aov(value ~ group). Balanced,
 * it is Shrout & Fleiss ICC(1,1). Returns null when undefined: fewer than two groups, no
 * within-group degrees of freedom (N − a < 1), or a zero denominator (all values equal).
 */
export function icc1(ratings: readonly { group: string; value: number }[]): IccResult | null {
  const groups = new Map<string, { count: number; total: number }>()
  let grandTotal = 0
  for (const { group, value } of ratings) {
    if (!Number.isFinite(value)) throw new RangeError('icc1: a value is not a finite number')
    const entry = groups.get(group)
    if (entry === undefined) groups.set(group, { count: 1, total: value })
    else {
      entry.count++
      entry.total += value
    }
    grandTotal += value
  }
  const groupCount = groups.size
  const ratingCount = ratings.length
  if (groupCount < 2 || ratingCount - groupCount < 1) return null
  // Checked directly: rounding in the means would leave a tiny non-zero denominator.
  const first = ratings[0]!.value
  if (ratings.every(({ value }) => value === first)) return null

  const grandMean = grandTotal / ratingCount
  let betweenSquares = 0
  let squaredSizes = 0
  for (const { count, total } of groups.values()) {
    betweenSquares += count * (total / count - grandMean) ** 2
    squaredSizes += count * count
  }
  let withinSquares = 0
  for (const { group, value } of ratings) {
    const { count, total } = groups.get(group)!
    withinSquares += (value - total / count) ** 2
  }

  const msb = betweenSquares / (groupCount - 1)
  const msw = withinSquares / (ratingCount - groupCount)
  const k0 = (ratingCount - squaredSizes / ratingCount) / (groupCount - 1)
  // k0 ≥ 1 whenever N > a, so the denominator is ≥ 0 and zero only if MSB = MSW = 0.
  const denominator = msb + (k0 - 1) * msw
  if (!(denominator > 0)) return null
  return {
    n_groups: groupCount,
    n_ratings: ratingCount,
    k0,
    msb,
    msw,
    icc1: (msb - msw) / denominator,
  }
}
