import type { Axis } from './axis'
import { logAxis } from './log-axis'
import { niceScale } from './nice-scale'
import { wrapLabel } from './wrap-label'

export type Marker = 'circle' | 'diamond' | 'square' | 'triangle'

export interface IntervalEstimate {
  value: number | null
  ci: readonly [number, number] | null
  /** Drawn as an outline: the series' way of saying "consistent with no effect". */
  hollow?: boolean
}

export interface IntervalSeries {
  key: string
  label: string
  colour: string
  marker: Marker
  /** The estimate of each row, by row key; a row without one draws nothing for this series. */
  estimates: Record<string, IntervalEstimate>
}

export interface IntervalRow {
  key: string
  label: string
  /** Drawn grey: an estimate from too few cases to read. */
  muted?: boolean
}

export interface IntervalPlotOptions {
  scale?: 'linear' | 'log'
  /** Values the axis must take in (a reference line at 0 or 1, say). */
  include?: readonly number[]
  /** The axis to draw on, instead of one fitted to the values; intervals beyond it end in an arrow. */
  axis?: Axis
  width?: number
  /** Series side by side within a row (the default), or all on its middle line. */
  stacked?: boolean
  rowHeight?: number
}

export interface PlacedMark {
  row: string
  series: string
  y: number
  x: number
  ci: [number, number] | null
  clippedLow: boolean
  clippedHigh: boolean
}

export interface IntervalPlotLayout {
  width: number
  height: number
  /** Characters a row label may run to per line, for the room left of the plot. */
  labelChars: number
  plotLeft: number
  plotRight: number
  plotTop: number
  plotBottom: number
  ticks: { value: number; x: number }[]
  rowBands: { row: IntervalRow; y: number }[]
  marks: PlacedMark[]
  toX: (value: number) => number
}

const ROW_HEIGHT = 34
const SERIES_GAP = 10
const LABEL_WIDTH = 190
/** A row label's room: at least this, at most LABEL_WIDTH, else this share of the width. */
const LABEL_MIN = 96
const LABEL_SHARE = 0.3
/** Roughly the width of a character of a 13 px label. */
const CHAR_WIDTH = 7
const LINE_HEIGHT = 15
const TOP = 8
const AXIS_HEIGHT = 40
/** Room a tick label needs: on a narrow axis every other tick keeps its label. */
const TICK_ROOM = 44

/**
 * Where everything of a dot-and-interval chart goes, in SVG units: one band per row, the
 * series stacked within it, on a linear or log axis over every estimate and interval end.
 */
export function intervalPlotLayout(
  rows: readonly IntervalRow[],
  series: readonly IntervalSeries[],
  {
    scale = 'linear',
    include = [],
    axis,
    width = 720,
    stacked = true,
    rowHeight = ROW_HEIGHT,
  }: IntervalPlotOptions = {},
): IntervalPlotLayout {
  const values = [...include]
  for (const entry of series) {
    for (const row of rows) {
      const estimate = entry.estimates[row.key]
      if (estimate?.value != null) values.push(estimate.value)
      if (estimate?.ci) values.push(...estimate.ci)
    }
  }
  const finite = values.filter(
    (value) => Number.isFinite(value) && (scale === 'linear' || value > 0),
  )
  const low = Math.min(...finite, scale === 'log' ? 1 : 0)
  const high = Math.max(...finite, scale === 'log' ? 1 : 0)
  const { domain, ticks: tickValues } =
    axis ?? (scale === 'log' ? logAxis(low, high) : niceScale(low, high, 6))
  const plotLeft = Math.round(Math.min(LABEL_WIDTH, Math.max(LABEL_MIN, width * LABEL_SHARE)))
  const plotRight = width - 28
  const labelChars = Math.max(8, Math.floor((plotLeft - 12) / CHAR_WIDTH))
  const labelLines = Math.max(1, ...rows.map((row) => wrapLabel(row.label, labelChars).length))
  const transform = scale === 'log' ? Math.log : (value: number) => value
  const [from, to] = [transform(domain[0]), transform(domain[1])]
  const toX = (value: number) =>
    plotLeft + ((transform(value) - from) / (to - from || 1)) * (plotRight - plotLeft)
  const clamp = (value: number) => Math.min(Math.max(value, domain[0]), domain[1])

  const bandHeight = Math.max(
    stacked ? Math.max(rowHeight, series.length * SERIES_GAP + 16) : rowHeight,
    labelLines * LINE_HEIGHT + 8,
  )
  const rowBands = rows.map((row, index) => ({ row, y: TOP + index * bandHeight }))
  const marks: PlacedMark[] = []
  for (const band of rowBands) {
    series.forEach((entry, index) => {
      const estimate = entry.estimates[band.row.key]
      if (!estimate || estimate.value === null || !Number.isFinite(estimate.value)) return
      if (scale === 'log' && estimate.value <= 0) return
      const offset = stacked ? (index - (series.length - 1) / 2) * SERIES_GAP : 0
      const ci = estimate.ci
      marks.push({
        row: band.row.key,
        series: entry.key,
        y: band.y + bandHeight / 2 + offset,
        x: toX(clamp(estimate.value)),
        ci: ci ? [toX(clamp(ci[0])), toX(clamp(ci[1]))] : null,
        clippedLow: ci !== null && ci[0] < domain[0],
        clippedHigh: ci !== null && ci[1] > domain[1],
      })
    })
  }
  const plotBottom = TOP + rows.length * bandHeight
  const every = Math.ceil(tickValues.length / Math.max(1, (plotRight - plotLeft) / TICK_ROOM))
  return {
    width,
    height: plotBottom + AXIS_HEIGHT,
    labelChars,
    plotLeft,
    plotRight,
    plotTop: TOP,
    plotBottom,
    ticks: tickValues
      .filter((_, index) => index % every === 0)
      .map((value) => ({ value, x: toX(value) })),
    rowBands: rowBands.map((band) => ({ ...band, y: band.y + bandHeight / 2 })),
    marks,
    toX,
  }
}
