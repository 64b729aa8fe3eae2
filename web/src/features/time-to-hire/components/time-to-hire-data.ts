import type { BoxPlotData, BoxSeries, BoxSummary } from '../../../components/box-plot-chart'
import type { ChartReference } from '../../../lib/chart-reference'
import { HIRE_TYPE_LABELS } from '../../../components/analytics-filters-bar'
import { toCsv } from '../../../../../common/csv'
import { formatCorrelation, formatP, formatPercent } from '../../../lib/format'
import { niceScale, type NiceScale } from '../../../lib/nice-scale'
import { PALETTE } from '../../../lib/palette'
import type { GroupRetention } from '../../../lib/rate-data'
import type { SpeedSummary, TimeToHire } from '../api/get-time-to-hire'

export type SpeedMeasure = 'time_to_hire' | 'time_to_fill'

export const MEASURE_NAMES: Record<SpeedMeasure, string> = {
  time_to_hire: 'Time to hire',
  time_to_fill: 'Time to fill',
}

export const SPEED_SERIES: Record<SpeedMeasure, BoxSeries> = {
  time_to_hire: {
    key: 'time_to_hire',
    label: `${MEASURE_NAMES.time_to_hire} (application to accepted offer)`,
    colour: PALETTE.blue,
    marker: 'circle',
  },
  time_to_fill: {
    key: 'time_to_fill',
    label: `${MEASURE_NAMES.time_to_fill} (requisition opened to accepted offer)`,
    colour: PALETTE.orange,
    marker: 'diamond',
  },
}

const MEASURES: readonly SpeedMeasure[] = ['time_to_hire', 'time_to_fill']

export const days = (value: number) => `${Math.round(value * 10) / 10}`

export function hireTypeLabel(hireType: string): string {
  return hireType in HIRE_TYPE_LABELS
    ? HIRE_TYPE_LABELS[hireType as keyof typeof HIRE_TYPE_LABELS]
    : 'Not recorded'
}

/** The benchmark as a line on the day axis, named with its source. */
export function benchmarkReferences(data: TimeToHire): ChartReference[] {
  return data.benchmark_days === null
    ? []
    : [{ value: data.benchmark_days, label: `Benchmark ${days(data.benchmark_days)} days` }]
}

/** The measures with at least one accepted offer, so a chart never shows an empty series. */
export function measuresWithData(data: TimeToHire): SpeedMeasure[] {
  return MEASURES.filter((measure) => data.overall[measure].n > 0)
}

/** One day axis for the level and the hire-type charts, so their boxes compare at a glance. */
export function speedScale(data: TimeToHire): NiceScale {
  const longest = [...data.by_level, ...data.by_hire_type].flatMap((summary) =>
    MEASURES.map((measure) => summary[measure].max ?? summary[measure].q3 ?? 0),
  )
  return niceScale(0, Math.max(data.benchmark_days ?? 0, ...longest), 8)
}

function boxOf(distribution: SpeedSummary['time_to_hire']): BoxSummary | null {
  const { n, min, q1, median, q3, max } = distribution
  if (n === 0 || q1 === null || median === null || q3 === null) return null
  return { n, min, q1, median, q3, max }
}

/** Box plots of time to hire and to fill, one row per group (level or hire type). */
export function speedBoxPlot(
  data: TimeToHire,
  summaries: readonly SpeedSummary[],
  labelOf: (key: string) => string,
): BoxPlotData {
  const measures = measuresWithData(data)
  return {
    series: measures.map((measure) => SPEED_SERIES[measure]),
    groups: summaries.map((summary) => ({
      key: summary.key,
      label: labelOf(summary.key),
      note: `n = ${summary.time_to_hire.n}`,
      boxes: Object.fromEntries(measures.map((measure) => [measure, boxOf(summary[measure])])),
      backdrop: null,
    })),
    scale: speedScale(data),
    references: benchmarkReferences(data),
    backdropName: null,
  }
}

const SPEED_HEADER = [
  'group',
  'measure',
  'n',
  'min_days',
  'q1_days',
  'median_days',
  'q3_days',
  'max_days',
  'mean_days',
  'within_benchmark',
]

/** The numbers behind a box-plot chart: both measures of every group, as a CSV file's text. */
export function speedCsv(
  summaries: readonly SpeedSummary[],
  labelOf: (key: string) => string,
): string {
  return toCsv(
    SPEED_HEADER,
    summaries.flatMap((summary) =>
      MEASURES.map((measure) => {
        const distribution = summary[measure]
        return [
          labelOf(summary.key),
          measure,
          distribution.n,
          distribution.min,
          distribution.q1,
          distribution.median,
          distribution.q3,
          distribution.max,
          distribution.mean,
          measure === 'time_to_hire' ? summary.within_benchmark : null,
        ]
      }),
    ),
  )
}

/**
 * The overall median against the benchmark, with the benchmark's source. It states what was
 * observed and never more: the benchmark is a general IT average, not a target for this loop.
 */
export function speedHeadline(data: TimeToHire): string {
  const { time_to_hire: hire, within_benchmark: within } = data.overall
  if (hire.n === 0 || hire.median === null) {
    return 'No offer in this selection was accepted by this date, so there is no time to hire yet.'
  }
  const offers = hire.n === 1 ? '1 accepted offer' : `${hire.n} accepted offers`
  const spread =
    hire.q1 !== null && hire.q3 !== null
      ? `, middle half ${days(hire.q1)} to ${days(hire.q3)} days`
      : ''
  const median = `Median time to hire ${days(hire.median)} days over ${offers}${spread}`
  const { benchmark } = data
  if (benchmark?.value === null || benchmark?.value === undefined) return `${median}.`
  const withinText = within === null ? '' : `; ${formatPercent(within)} came within it`
  return `${median}, against the ${days(benchmark.value)}-day benchmark (${benchmark.source}, ${benchmark.source_date})${withinText}.`
}

/** Retention by quartile of time to hire, as groups named by their range of days. */
export function retentionBySpeed(data: TimeToHire): GroupRetention[] {
  return data.retention.by_quartile.map((band) => ({
    ...band,
    key: `${band.from}-${band.to}`,
    label: band.from === band.to ? `${band.from} days` : `${band.from}–${band.to} days`,
  }))
}

const SIGNIFICANCE = 0.05

/**
 * The correlation of days to hire with staying twelve months, in words that claim a relation
 * only where the test finds one at the 5% level; below the data floor, the answer's reason
 * and no r.
 */
export function speedCorrelationSentence(data: TimeToHire): string | null {
  const { n, r, r_ci: interval, p, too_few: tooFew } = data.retention
  if (tooFew !== null) return tooFew
  if (r === null || interval === null || p === null) return null
  const pText = formatP(p)
  const statistics = `r = ${formatCorrelation(r)}, 95% CI ${formatCorrelation(interval[0])} to ${formatCorrelation(interval[1])}, p ${pText.startsWith('<') ? pText : `= ${pText}`}`
  const finding =
    p >= SIGNIFICANCE
      ? 'no detectable relation between days to hire and staying twelve months'
      : r < 0
        ? 'hires who took longer were less likely to stay twelve months'
        : 'hires who took longer were more likely to stay twelve months'
  return `Over ${n} hires with a known outcome: ${finding} (${statistics}).`
}
