import type { BoxPlotData, BoxSeries } from '../../../components/box-plot-chart'
import type { ChartReference } from '../../../lib/chart-reference'
import { toCsv } from '../../../../../common/csv'
import { formatLevel } from '../../../lib/format'
import { histogramData, type HistogramData } from '../../../lib/histogram-data'
import { niceScale } from '../../../lib/nice-scale'
import { PALETTE } from '../../../lib/palette'
import type { GroupRetention } from '../../../lib/rate-data'
import type { LevelSalary, Salary, SalaryBand } from '../api/get-salary'

export const OFFER_SERIES: BoxSeries = {
  key: 'offers',
  label: 'Offers',
  colour: PALETTE.blue,
  marker: 'circle',
}

/** Dollars on an axis: $147k. */
export const thousands = (value: number) => `$${Math.round(value / 1000)}k`

export const ratio = (value: number) => value.toFixed(2)

/** Where a band comes from, as written on the band. */
export function bandSource(band: Pick<SalaryBand, 'source' | 'source_date' | 'metro'>): string {
  return `${band.source}${band.metro ? `, ${band.metro}` : ''}, ${band.source_date}`
}

/**
 * Benchmark averages without a range (such as a published mean salary) that hold for every
 * level, drawn as lines: they have no band an offer could be held against.
 */
export function averageReferences(bands: readonly SalaryBand[]): ChartReference[] {
  return bands.flatMap((band) =>
    band.value !== null && band.low === null && band.high === null && band.level === null
      ? [{ value: band.value, label: `Average: ${bandSource(band)}` }]
      : [],
  )
}

/** Offers of each level as a box, over the benchmark band they are held against. */
export function offersBoxPlot(data: Salary): BoxPlotData {
  const references = averageReferences(data.bands)
  const values = [
    ...data.by_level.flatMap((level) => [
      level.offers.min ?? level.offers.q1 ?? Number.NaN,
      level.offers.max ?? level.offers.q3 ?? Number.NaN,
      level.band?.low ?? Number.NaN,
      level.band?.high ?? Number.NaN,
    ]),
    ...references.map((reference) => reference.value),
  ].filter((value) => !Number.isNaN(value))
  return {
    series: [OFFER_SERIES],
    groups: data.by_level.map((level) => {
      const { n, min, q1, median, q3, max } = level.offers
      const box =
        n > 0 && q1 !== null && median !== null && q3 !== null
          ? { n, min, q1, median, q3, max }
          : null
      const { band } = level
      return {
        key: level.level,
        label: formatLevel(level.level),
        note: `n = ${n}`,
        boxes: { offers: box },
        backdrop:
          band?.low != null && band.high != null
            ? { low: band.low, high: band.high, label: bandSource(band) }
            : null,
      }
    }),
    scale: niceScale(Math.min(...values), Math.max(...values), 7),
    references,
    backdropName: 'Benchmark band, with its source and date',
  }
}

const OFFERS_HEADER = [
  'level',
  'offers',
  'min',
  'q1',
  'median',
  'q3',
  'max',
  'mean',
  'band_low',
  'band_high',
  'band_source',
  'band_date',
  'below_band',
  'within_band',
  'above_band',
]

export function offersCsv(levels: readonly LevelSalary[]): string {
  return toCsv(
    OFFERS_HEADER,
    levels.map((level) => [
      level.level,
      level.offers.n,
      level.offers.min,
      level.offers.q1,
      level.offers.median,
      level.offers.q3,
      level.offers.max,
      level.offers.mean,
      level.band?.low ?? null,
      level.band?.high ?? null,
      level.band?.source ?? null,
      level.band?.source_date ?? null,
      level.below_band,
      level.within_band,
      level.above_band,
    ]),
  )
}

/** The levels with offers but no benchmark band of their own, in the order shown. */
export const levelsWithoutBand = (data: Salary): string[] =>
  data.by_level.filter((level) => level.band === null).map((level) => level.level)

/** "No benchmark band for staff", "… for mid, staff and principal"; null when none is missing. */
export function missingBandLead(levels: readonly string[]): string | null {
  if (levels.length === 0) return null
  const list =
    levels.length === 1 ? levels[0]! : `${levels.slice(0, -1).join(', ')} and ${levels.at(-1)!}`
  return `No benchmark band for ${list}`
}

/** The compa-ratio histogram with the band midpoint (a ratio of 1) marked. */
export function compaHistogram(data: Salary): HistogramData {
  return histogramData(data.compa_histogram, [{ value: 1, label: 'Band midpoint' }])
}

/** The middle of the compa-ratios in words, descriptive only. */
export function compaSentence(data: Salary): string {
  const { n, median, q1, q3 } = data.compa_ratio
  if (n === 0 || median === null) {
    return 'No hire in this selection has an offer and a benchmark band of their level to hold it against.'
  }
  const spread = q1 !== null && q3 !== null ? `; middle half ${ratio(q1)} to ${ratio(q3)}` : ''
  const hires = n === 1 ? '1 hire' : `${n} hires`
  return `Median compa-ratio ${ratio(median)} over ${hires}${spread}. A ratio of 1 is an offer at the midpoint of its band.`
}

/** Retention by compa-ratio band, named as a reader says it. */
export function retentionByCompaRatio(data: Salary): GroupRetention[] {
  return data.retention_by_compa_ratio.map((band) => ({
    ...band,
    label: `Compa-ratio ${band.label}`,
  }))
}

export function hiresCsv(hires: Salary['hires']): string {
  return toCsv(
    ['application_id', 'level', 'salary', 'band_midpoint', 'compa_ratio', 'compa_ratio_reason'],
    hires.map((hire) => [
      hire.application_id,
      hire.level,
      hire.salary,
      hire.band_midpoint,
      hire.compa_ratio,
      hire.compa_ratio_reason,
    ]),
  )
}
