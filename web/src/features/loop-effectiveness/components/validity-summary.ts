import { formatCorrelation, formatP } from '../../../lib/format'
import type { AreaValidity, Validity } from '../api/get-validity'

const SIGNIFICANCE = 0.05

const estimateOf = (area: AreaValidity) => {
  const interval = area.r_ci!
  return `r = ${formatCorrelation(area.r)}, 95% CI ${formatCorrelation(interval[0])} to ${formatCorrelation(interval[1])}, n = ${String(area.n)}`
}

const isSignificant = (area: AreaValidity) => area.q !== null && area.q < SIGNIFICANCE

/**
 * One plain-language sentence on what the validity table shows. It never claims more than
 * the numbers carry: insufficient or non-significant results are called that, and an area is
 * called the strongest only when it is both clearly non-zero and the highest estimate.
 */
export function validitySummary(validity: Validity): string {
  const level = validity.filters.level ? ` among ${validity.filters.level} hires` : ''
  const computable = validity.areas.filter((area) => area.r !== null && area.r_ci !== null)
  if (validity.n_hires_outcome === 0 || computable.length === 0) {
    return `No hire${level} has a known twelve-month outcome yet, so no area can be validated.`
  }
  const enough = computable.filter((area) => !area.insufficient)
  if (enough.length === 0) {
    const needed = validity.power.hires_to_detect.find((entry) => entry.r === 0.3)?.n
    return (
      `Too few hires${level} with a known outcome (n = ${String(validity.n_hires_outcome)}) to tell which areas predict retention` +
      (needed ? `; about ${String(needed)} are needed to detect a correlation of .30.` : '.')
    )
  }
  const leftOut =
    enough.length < computable.length
      ? ` Areas with fewer than ${String(validity.power.min_hires)} hires are left out.`
      : ''
  const byEstimate = [...enough].sort((a, b) => b.r! - a.r!)
  const highest = byEstimate[0]!
  const staying = byEstimate.filter((area) => isSignificant(area) && area.r! > 0)
  if (staying[0] === highest) {
    return `${highest.name} is the strongest predictor of twelve-month retention${level} (${estimateOf(highest)}).${leftOut}`
  }
  if (staying.length > 0) {
    // A clear but smaller effect: the higher estimate beside it could still be chance.
    return `${staying[0]!.name} predicts twelve-month retention${level} clearly enough to rule out chance (${estimateOf(staying[0]!)}); ${highest.name} has a higher estimate that could still be chance (${estimateOf(highest)}).${leftOut}`
  }
  const leaving = byEstimate.filter((area) => isSignificant(area) && area.r! < 0).at(-1)
  if (leaving) {
    return `No area clearly predicts staying${level}; higher ${leaving.name} scores go with leaving (${estimateOf(leaving)}).${leftOut}`
  }
  const lowestQ = Math.min(...enough.map((area) => area.q ?? 1))
  return (
    `No area predicts twelve-month retention${level} clearly enough to rule out chance ` +
    `(lowest adjusted q = ${formatP(lowestQ)}); the highest observed is ${highest.name} (${estimateOf(highest)}).${leftOut}`
  )
}
