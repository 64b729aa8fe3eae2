import { formatCorrelation, formatP } from '../../../lib/format'
import type { AreaValidity, Validity } from '../api/get-validity'

const SIGNIFICANCE = 0.05

const estimateOf = (area: AreaValidity) => {
  const interval = area.r_ci!
  return `r = ${formatCorrelation(area.r)}, 95% CI ${formatCorrelation(interval[0])} to ${formatCorrelation(interval[1])}, n = ${String(area.n)}`
}

const isSignificant = (area: AreaValidity) => area.q !== null && area.q < SIGNIFICANCE

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`

/**
 * One plain-language sentence on what the validity table shows. It never claims more than
 * the numbers carry: an area is called the strongest only when it is clearly non-zero and the
 * interval of its difference from every other area shown excludes zero (Zou, 2007); the areas
 * it cannot be told apart from are named. Counts and dates agree with the table's.
 */
export function validitySummary(validity: Validity): string {
  const level = validity.filters.level ? ` among ${validity.filters.level} hires` : ''
  const computable = validity.areas.filter((area) => area.r !== null && area.r_ci !== null)
  if (validity.n_hires_outcome === 0) {
    return `No hire${level} had a known twelve-month outcome by ${validity.as_of}, so no area can be validated yet.`
  }
  if (computable.length === 0) {
    return `Too few hires${level} to tell which areas predict retention: by ${validity.as_of}, ${String(validity.n_hires_outcome)} had a known twelve-month outcome (${String(validity.n_retained)} stayed, ${String(validity.n_left)} left), where a finding needs at least ${String(validity.power.min_hires)}, with at least 10 who stayed and 10 who left.`
  }
  const leftOutAreas = validity.areas.filter((area) => area.r === null).map((area) => area.name)
  const leftOut =
    leftOutAreas.length > 0
      ? ` ${list(leftOutAreas)} ${leftOutAreas.length === 1 ? 'has' : 'have'} too few hires to show.`
      : ''
  const byEstimate = [...computable].sort((a, b) => b.r! - a.r!)
  const highest = byEstimate[0]!
  const nameOf = (key: string) => validity.areas.find((area) => area.key === key)?.name ?? key
  if (isSignificant(highest) && highest.r! > 0) {
    const top = validity.top_area
    if (!top || top.key !== highest.key) {
      // Nothing to compare it with (one area shown): no claim that it is the strongest.
      return `${highest.name} predicts twelve-month retention${level} clearly enough to rule out chance (${estimateOf(highest)}).${leftOut}`
    }
    if (top.clearly_strongest) {
      return `${highest.name} is the strongest predictor of twelve-month retention${level} (${estimateOf(highest)}); it predicts better than every other area (each 95% interval of the difference excludes zero).${leftOut}`
    }
    const tied = top.differences
      .filter((entry) => entry.difference_ci[0] <= 0)
      .map(
        (entry) =>
          `${nameOf(entry.key)} (difference ${formatCorrelation(entry.difference)}, 95% CI ${formatCorrelation(entry.difference_ci[0])} to ${formatCorrelation(entry.difference_ci[1])})`,
      )
    return `${highest.name} predicts twelve-month retention${level} clearly enough to rule out chance (${estimateOf(highest)}), but these data cannot tell it apart from ${list(tied)}.${leftOut}`
  }
  const staying = byEstimate.filter((area) => isSignificant(area) && area.r! > 0)
  if (staying.length > 0) {
    // A clear but smaller effect: the higher estimate beside it could still be chance.
    return `${staying[0]!.name} predicts twelve-month retention${level} clearly enough to rule out chance (${estimateOf(staying[0]!)}); ${highest.name} has a higher estimate that could still be chance (${estimateOf(highest)}).${leftOut}`
  }
  const leaving = byEstimate.filter((area) => isSignificant(area) && area.r! < 0).at(-1)
  if (leaving) {
    return `No area clearly predicts staying${level}; higher ${leaving.name} scores go with leaving (${estimateOf(leaving)}).${leftOut}`
  }
  const lowestQ = Math.min(...computable.map((area) => area.q ?? 1))
  return (
    `No area predicts twelve-month retention${level} clearly enough to rule out chance ` +
    `(lowest adjusted q = ${formatP(lowestQ)}); the highest observed is ${highest.name} (${estimateOf(highest)}).${leftOut}`
  )
}
