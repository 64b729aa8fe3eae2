/**
 * Benjamini–Hochberg adjusted p-values (R's p.adjust(method = "BH")). Nulls pass through and
 * do not count towards the number of tests.
 */
export function benjaminiHochberg(pValues: ReadonlyArray<number | null>): (number | null)[] {
  const tested = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null)
    .sort((a, b) => b.p - a.p)
  const m = tested.length
  const adjusted: (number | null)[] = pValues.map(() => null)
  let runningMin = 1
  tested.forEach((entry, position) => {
    const rank = m - position
    runningMin = Math.min(runningMin, (m / rank) * entry.p)
    adjusted[entry.index] = runningMin
  })
  return adjusted
}
