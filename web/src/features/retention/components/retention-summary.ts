import { formatNumber, formatP } from '../../../lib/format'
import type { AreaRetention, Retention } from '../api/get-retention'

const SIGNIFICANCE = 0.05

const percent = (value: number) => `${Math.round(value * 100)}%`

/**
 * The log-rank result in words. It never claims more than the test carries: a p of .05 or more
 * is "no detectable difference"; below the data floor it gives the answer's reason and no
 * statistic; a comparison without two populated bands is "too few hires".
 */
export function logRankSentence(area: AreaRetention): string {
  if (area.too_few !== null) return area.too_few
  const test = area.logrank
  const populated = area.bands.filter((band) => band.n > 0).length
  if (test === null || populated < 2) {
    return 'Too few hires to compare the two bands: each needs hires, and at least one must have left.'
  }
  const p = formatP(test.p)
  const result = `log-rank χ² = ${test.chisq.toFixed(1)}, p ${p.startsWith('<') ? p : `= ${p}`}`
  if (test.p < SIGNIFICANCE) return `Tenure differs between the bands (${result}).`
  return `No detectable difference in tenure between the bands (${result}).`
}

/** The overall twelve-month retention against the benchmark, with its source. */
export function overallSentence(retention: Retention): string {
  const { overall, benchmark } = retention
  if (overall.n_outcome === 0 || overall.retained_rate === null) {
    return 'No hire in this selection has reached twelve months or left before, so the twelve-month retention is not known yet.'
  }
  const interval = overall.retained_rate_ci
  const rate =
    `${percent(overall.retained_rate)} of ${overall.n_outcome} hires with a known outcome stayed twelve months` +
    (interval ? ` (95% CI ${percent(interval[0])} to ${percent(interval[1])})` : '')
  if (benchmark?.value === null || benchmark?.value === undefined) return `${rate}.`
  const target = benchmark.value
  // Only call it above or below when the interval excludes the benchmark.
  const comparison =
    interval && interval[1] < target
      ? 'below'
      : interval && interval[0] > target
        ? 'above'
        : 'consistent with'
  return `${rate}, ${comparison} the ${percent(target)} benchmark (${benchmark.source}, ${benchmark.source_date}).`
}

/**
 * Why the retained share and the Kaplan–Meier figure differ: the share counts only hires whose
 * twelve months are over; Kaplan–Meier also uses hires still in their first year, for as long
 * as they have been seen. The sentence names the day the estimate is read at.
 */
export function twoEstimatesSentence(retention: Retention): string {
  const { overall } = retention
  const atYear = overall.at_12_months
  const interval =
    atYear.lower !== null && atYear.upper !== null
      ? ` (95% CI ${formatNumber(atYear.lower, 3)} to ${formatNumber(atYear.upper, 3)})`
      : ''
  const estimate = `The Kaplan–Meier estimate of still being employed on day ${atYear.day} after starting is ${formatNumber(atYear.surv, 3)}${interval}`
  const recent = overall.n - overall.n_outcome
  const why =
    recent > 0
      ? `: unlike the share, which counts only the ${overall.n_outcome} hires whose first year is over (they stayed a year or left before), it also uses the ${recent} still in their first year, for as long as they have been seen, so the two can differ.`
      : `: every hire's first year is over, so it and the share count the same hires.`
  return estimate + why + (atYear.note ? ` ${atYear.note}` : '')
}
