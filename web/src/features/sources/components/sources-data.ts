import { toCsv } from '../../../../../common/csv'
import { withheldReason, type Disclosure } from '../../../components/disclosure-notice'
import type { IntervalRow, IntervalSeries } from '../../../lib/interval-plot-layout'
import { formatPercent } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import type { SourceRates } from '../api/get-sources'

/** Hire rate among decided applications, or twelve-month retention among hires with an outcome. */
export type Measure = 'hire' | 'retention'

const SOURCE_LABELS: Record<string, string> = {
  inbound: 'Inbound',
  referral: 'Referral',
  outbound: 'Outbound',
  job_board: 'Job board',
  agency: 'Agency',
  'not stated': 'Not stated',
}

/** A source as recorded ("job_board") in words ("Job board"); unknown ones as they are. */
export const sourceLabel = (key: string) => SOURCE_LABELS[key] ?? key.replaceAll('_', ' ')

interface Rate {
  rate: number | null
  ci: [number, number] | null
  /** The applications (hire rate) or hires with an outcome (retention) it is out of. */
  of: number
  count: number | null
  /** Too few to read: retention over fewer than 30 hires with a known outcome. */
  muted: boolean
}

export function rateOf(group: SourceRates, measure: Measure): Rate {
  return measure === 'hire'
    ? {
        rate: group.hire_rate,
        ci: group.hire_rate_ci,
        of: group.decided,
        count: group.hired,
        muted: false,
      }
    : {
        rate: group.retention_rate,
        ci: group.retention_rate_ci,
        of: group.n_outcome,
        count: group.retained,
        muted: group.insufficient,
      }
}

const FIGURE: Record<Measure, string> = { hire: 'hire_rate', retention: 'retention_rate' }

/** Why the server withheld a source's rate from this viewer, or null when it did not. */
export const withheldRate = (disclosure: Disclosure, group: SourceRates, measure: Measure) =>
  withheldReason(disclosure, `groups.${group.key}.${FIGURE[measure]}`)

const SERIES: Record<Measure, Pick<IntervalSeries, 'key' | 'label' | 'colour' | 'marker'>> = {
  hire: { key: 'hire-rate', label: 'Hire rate', colour: PALETTE.blue, marker: 'circle' },
  retention: {
    key: 'retention-rate',
    label: 'Stayed twelve months',
    colour: PALETTE.bluishGreen,
    marker: 'square',
  },
}

/** One row per source, its rate with the Wilson interval; rows without a rate draw nothing. */
export function sourceChartData(
  groups: readonly SourceRates[],
  measure: Measure,
): { rows: IntervalRow[]; series: IntervalSeries[] } {
  const rows = groups.map((group) => {
    const { rate, of, muted } = rateOf(group, measure)
    // A row without a rate (withheld, or nothing decided yet) says so instead of staying blank.
    const shown = rate === null ? ' · no rate shown' : ''
    return { key: group.key, label: `${sourceLabel(group.key)} (${of})${shown}`, muted }
  })
  const estimates = Object.fromEntries(
    groups.map((group) => {
      const { rate, ci } = rateOf(group, measure)
      return [group.key, { value: rate, ci }]
    }),
  )
  return { rows, series: [{ ...SERIES[measure], estimates }] }
}

const WHAT: Record<Measure, { rate: string; unit: string }> = {
  hire: { rate: 'hire rate', unit: 'decided applications' },
  retention: { rate: 'twelve-month retention', unit: 'hires with a known outcome' },
}

const withInterval = (group: SourceRates, measure: Measure) => {
  const { rate, ci } = rateOf(group, measure)
  return `${formatPercent(rate)} (95% CI ${formatPercent(ci![0])}–${formatPercent(ci![1])})`
}

/**
 * The highest and lowest rate in words, said to differ only when their 95% intervals do not
 * overlap (a cautious test: overlapping intervals can still differ, so nothing more is claimed).
 * Retention over fewer than 30 hires is left out of the comparison.
 */
export function sourceComparison(groups: readonly SourceRates[], measure: Measure): string {
  const { rate: what, unit } = WHAT[measure]
  const compared = groups
    .filter((group) => {
      const { rate, ci, muted } = rateOf(group, measure)
      return rate !== null && ci !== null && !muted
    })
    .sort((a, b) => rateOf(b, measure).rate! - rateOf(a, measure).rate!)
  const leftOut =
    measure === 'retention' && compared.length < groups.length
      ? ' Sources with fewer than 30 hires with a known outcome, or whose figures are withheld, are not compared.'
      : ''
  if (compared.length < 2) {
    return `Fewer than two sources have a ${what} to compare.${leftOut}`
  }
  const highest = compared[0]!
  const lowest = compared.at(-1)!
  const top = rateOf(highest, measure).ci!
  const distinct = compared.filter((group) => rateOf(group, measure).ci![1] < top[0])
  if (distinct.length === 0) {
    return `No source's ${what} can be told apart from another's: the 95% intervals of the highest, ${sourceLabel(highest.key)} at ${withInterval(highest, measure)}, and the lowest, ${sourceLabel(lowest.key)} at ${withInterval(lowest, measure)}, overlap.${leftOut}`
  }
  const names = (list: readonly SourceRates[]) => list.map((group) => sourceLabel(group.key))
  const alike = compared.slice(1).filter((group) => !distinct.includes(group))
  const alikePart =
    alike.length > 0
      ? ` ${names(alike).join(', ')} cannot be told apart from ${sourceLabel(highest.key)}.`
      : ''
  return `${sourceLabel(highest.key)} has the highest ${what}, ${withInterval(highest, measure)} of ${rateOf(highest, measure).of} ${unit}; its interval lies above that of ${names(distinct).join(', ')} (lowest: ${sourceLabel(lowest.key)} at ${withInterval(lowest, measure)}).${alikePart}${leftOut}`
}

const HEADER = [
  'source',
  'decided',
  'hired',
  'hire_rate',
  'hire_rate_ci_lower',
  'hire_rate_ci_upper',
  'hires_with_outcome',
  'retained',
  'retention_rate',
  'retention_rate_ci_lower',
  'retention_rate_ci_upper',
  'insufficient',
]

/** Every source's counts and rates with their intervals, as a CSV file's text. */
export function sourcesCsv(groups: readonly SourceRates[]): string {
  return toCsv(
    HEADER,
    groups.map((group) => [
      group.key,
      group.decided,
      group.hired,
      group.hire_rate,
      group.hire_rate_ci?.[0] ?? null,
      group.hire_rate_ci?.[1] ?? null,
      group.n_outcome,
      group.retained,
      group.retention_rate,
      group.retention_rate_ci?.[0] ?? null,
      group.retention_rate_ci?.[1] ?? null,
      group.insufficient,
    ]),
  )
}
