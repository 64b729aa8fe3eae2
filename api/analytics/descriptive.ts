export function sum(values: ArrayLike<number>): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]!
  return total
}

export function mean(values: ArrayLike<number>): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length
}

/** Sample variance with the n − 1 denominator; NaN below two values. */
export function sampleVariance(values: ArrayLike<number>): number {
  const n = values.length
  if (n < 2) return Number.NaN
  const centre = mean(values)
  let squares = 0
  for (let i = 0; i < n; i++) squares += (values[i]! - centre) ** 2
  return squares / (n - 1)
}

export function sampleSd(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values))
}

/** A number for JSON: NaN and ±Infinity become null, so a response never carries them. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Keys in the given order; keys the order does not know come after, alphabetically. */
export function sortByOrder(keys: readonly string[], order: readonly string[]): string[] {
  const rank = (key: string) => {
    const index = order.indexOf(key)
    return index === -1 ? order.length : index
  }
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
}
