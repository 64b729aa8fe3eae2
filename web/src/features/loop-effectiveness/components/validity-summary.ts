import { formatCorrelation, formatP } from '../../../lib/format'
import type { Validity } from '../api/get-validity'

const SIGNIFICANCE = 0.05

/**
 * One plain-language sentence on what the validity table shows. It never claims more than
 * the numbers carry: insufficient or non-significant results are called that.
 */
export function validitySummary(validity: Validity): string {
  const level = validity.filters.level ? ` among ${validity.filters.level} hires` : ''
  const computable = validity.areas.filter((area) => area.r !== null)
  if (validity.n_hires_outcome === 0 || computable.length === 0) {
    return `No hire${level} has a known twelve-month outcome yet, so no area can be validated.`
  }
  const enough = computable.filter((area) => !area.insufficient)
  if (enough.length === 0) {
    const needed = validity.power.hires_to_detect.find((entry) => entry.r === 0.3)?.n
    return (
      `Too few hires${level} with a known outcome (n = ${validity.n_hires_outcome}) to tell which areas predict retention` +
      (needed ? `; about ${needed} are needed to detect a correlation of .30.` : '.')
    )
  }
  const strongest = [...enough].sort((a, b) => b.r! - a.r!)[0]!
  const interval = strongest.r_ci!
  const estimate = `r = ${formatCorrelation(strongest.r)}, 95% CI ${formatCorrelation(interval[0])} to ${formatCorrelation(interval[1])}, n = ${strongest.n}`
  if (strongest.q !== null && strongest.q < SIGNIFICANCE && strongest.r! > 0) {
    return `${strongest.name} is the strongest predictor of twelve-month retention${level} (${estimate}).`
  }
  const lowestQ = Math.min(...enough.map((area) => area.q ?? 1))
  return (
    `No area predicts twelve-month retention${level} clearly enough to rule out chance ` +
    `(lowest adjusted q = ${formatP(lowestQ)}); the highest observed is ${strongest.name} (${estimate}).`
  )
}
