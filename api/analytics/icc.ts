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
  const codes = new Map<string, number>()
  const groups = Int32Array.from(ratings, ({ group }) => {
    let code = codes.get(group)
    if (code === undefined) {
      code = codes.size
      codes.set(group, code)
    }
    return code
  })
  return icc1OfGroups(
    groups,
    Float64Array.from(ratings, ({ value }) => value),
    codes.size,
  )
}

/** icc1 over values with their group coded 0 … groupCount − 1 (groups without a value allowed). */
export function icc1OfGroups(
  groups: Int32Array,
  values: Float64Array,
  groupCount: number,
): IccResult | null {
  const counts = new Int32Array(groupCount)
  const totals = new Float64Array(groupCount)
  let grandTotal = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (!Number.isFinite(value)) throw new RangeError('icc1: a value is not a finite number')
    counts[groups[i]!]!++
    totals[groups[i]!]! += value
    grandTotal += value
  }
  let rated = 0
  for (const count of counts) if (count > 0) rated++
  const ratingCount = values.length
  if (rated < 2 || ratingCount - rated < 1) return null
  // Checked directly: rounding in the means would leave a tiny non-zero denominator.
  if (values.every((value) => value === values[0])) return null

  const grandMean = grandTotal / ratingCount
  let betweenSquares = 0
  let squaredSizes = 0
  for (let group = 0; group < groupCount; group++) {
    const count = counts[group]!
    if (count === 0) continue
    betweenSquares += count * (totals[group]! / count - grandMean) ** 2
    squaredSizes += count * count
  }
  let withinSquares = 0
  for (let i = 0; i < values.length; i++) {
    const group = groups[i]!
    withinSquares += (values[i]! - totals[group]! / counts[group]!) ** 2
  }

  const msb = betweenSquares / (rated - 1)
  const msw = withinSquares / (ratingCount - rated)
  const k0 = (ratingCount - squaredSizes / ratingCount) / (rated - 1)
  // k0 ≥ 1 whenever N > a, so the denominator is ≥ 0 and zero only if MSB = MSW = 0.
  const denominator = msb + (k0 - 1) * msw
  if (!(denominator > 0)) return null
  return {
    n_groups: rated,
    n_ratings: ratingCount,
    k0,
    msb,
    msw,
    icc1: (msb - msw) / denominator,
  }
}

/** Calls `visit` once for each rating: its area's and its group's codes, and its value. */
export type RatingVisitor = (visit: (area: number, group: number, value: number) => void) => void

/**
 * Each area's ICC(1) (see icc1OfGroups), groups coded 0 … groupCount − 1, from ratings that
 * `ratings` visits twice: once to size each area's arrays, once to fill them. Null for an
 * area where it is not defined.
 */
export function icc1ByArea(
  areaCount: number,
  groupCount: number,
  ratings: RatingVisitor,
): (IccResult | null)[] {
  const sizes = new Int32Array(areaCount)
  ratings((area) => {
    sizes[area]!++
  })
  const byArea = Array.from(sizes, (size) => ({
    groups: new Int32Array(size),
    values: new Float64Array(size),
    filled: 0,
  }))
  ratings((area, group, value) => {
    const entry = byArea[area]!
    entry.groups[entry.filled] = group
    entry.values[entry.filled++] = value
  })
  return byArea.map(({ groups, values }) => icc1OfGroups(groups, values, groupCount))
}
