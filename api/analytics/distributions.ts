import jStat from 'jstat'

/** Quantile of the standard normal distribution. */
export function normalQuantile(probability: number): number {
  return jStat.normal.inv(probability, 0, 1)
}

/** The z of a two-sided interval, e.g. 1.959964 for 95%. */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2)
}

/** Two-sided p of a standard normal statistic, from the lower tail so small p keep their digits. */
export function normalTwoSidedP(z: number): number {
  if (!Number.isFinite(z)) return 0
  return 2 * jStat.normal.cdf(-Math.abs(z), 0, 1)
}

/** Two-sided p of a Student t statistic. */
export function studentTTwoSidedP(t: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(t)) return 0
  return 2 * jStat.studentt.cdf(-Math.abs(t), degreesOfFreedom)
}

/** Upper-tail p of a chi-square statistic. */
export function chiSquareUpperP(statistic: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(statistic)) return 0
  return Math.max(0, 1 - jStat.chisquare.cdf(statistic, degreesOfFreedom))
}
