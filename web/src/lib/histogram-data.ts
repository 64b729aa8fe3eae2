import type { ChartReference } from './chart-reference'
import { toCsv } from '../../../common/csv'
import { niceScale, type NiceScale } from './nice-scale'

export interface HistogramBin {
  from: number
  to: number
  count: number
  /** The bin's centre, where its bar stands on the numeric axis. */
  middle: number
}

export interface HistogramData {
  bins: HistogramBin[]
  scale: NiceScale
  countTicks: number[]
  references: ChartReference[]
}

/**
 * The API's bins as bars standing on their centres, on an axis that also takes in every
 * reference line, so a benchmark outside the data is still drawn.
 */
export function histogramData(
  bins: readonly { from: number; to: number; count: number }[],
  references: readonly ChartReference[],
): HistogramData {
  const edges = [...bins.flatMap((bin) => [bin.from, bin.to]), ...references.map((r) => r.value)]
  const counts = niceScale(0, Math.max(1, ...bins.map((bin) => bin.count)), 5)
  return {
    bins: bins.map((bin) => ({ ...bin, middle: (bin.from + bin.to) / 2 })),
    scale: niceScale(Math.min(...edges), Math.max(...edges), 8),
    countTicks: counts.ticks.filter((tick) => Number.isInteger(tick)),
    references: [...references],
  }
}

/** The numbers behind a histogram, as a CSV file's text. */
export function histogramCsv(bins: readonly { from: number; to: number; count: number }[]): string {
  return toCsv(
    ['from', 'to', 'hires'],
    bins.map((bin) => [bin.from, bin.to, bin.count]),
  )
}
