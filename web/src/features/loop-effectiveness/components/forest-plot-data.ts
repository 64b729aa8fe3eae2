import type { Axis } from '../../../lib/axis'
import type { IntervalRow, IntervalSeries } from '../../../lib/interval-plot-layout'
import { PALETTE } from '../../../lib/palette'
import type { AreaValidity } from '../api/get-validity'

export type ForestSeries = 'observed' | 'corrected'

export const SERIES_STYLE: Record<ForestSeries, { colour: string; label: string }> = {
  observed: { colour: PALETTE.blue, label: 'Observed r among hires' },
  corrected: { colour: PALETTE.vermilion, label: 'Corrected for range restriction' },
}

export interface ForestPlotData {
  /** One row per area; greyed where there are too few hires to read. */
  rows: IntervalRow[]
  series: [IntervalSeries, IntervalSeries]
  /** Round positions on the r axis, zero among them, within −1 and 1. */
  axis: Axis
  /** Areas with no estimate, and why, so the chart can say so instead of leaving a gap. */
  missing: { name: string; reason: string }[]
}

/** Shapes the validity rows into the forest plot's two series and its axis. */
export function forestPlotData(areas: readonly AreaValidity[]): ForestPlotData {
  const estimatesOf = (series: ForestSeries) =>
    Object.fromEntries(
      areas.map((area) => {
        const [value, ci] =
          series === 'observed' ? [area.r, area.r_ci] : [area.r_corrected, area.r_corrected_ci]
        return [area.key, { value: ci === null ? null : value, ci }]
      }),
    )
  const observed = { key: 'observed', marker: 'circle' as const, ...SERIES_STYLE.observed }
  const corrected = { key: 'corrected', marker: 'diamond' as const, ...SERIES_STYLE.corrected }
  const series: [IntervalSeries, IntervalSeries] = [
    { ...observed, estimates: estimatesOf('observed') },
    { ...corrected, estimates: estimatesOf('corrected') },
  ]
  const missing = areas
    .filter((area) => area.r === null || area.r_ci === null)
    .map((area) => ({ name: area.name, reason: area.not_computable ?? 'Not computable' }))
  const ends = areas.flatMap((area) => [...(area.r_ci ?? []), ...(area.r_corrected_ci ?? [])])
  const low = Math.min(0, ...ends)
  const high = Math.max(0, ...ends)
  const domain: [number, number] = [
    Math.max(-1, Math.floor((low - 0.05) * 10) / 10),
    Math.min(1, Math.ceil((high + 0.05) * 10) / 10),
  ]
  const step = domain[1] - domain[0] > 1 ? 0.2 : 0.1
  const xTicks: number[] = []
  for (let tick = Math.ceil(domain[0] / step); tick * step <= domain[1] + 1e-9; tick++) {
    xTicks.push(Math.round(tick * step * 10) / 10)
  }
  return {
    rows: areas.map((area) => ({ key: area.key, label: area.name, muted: area.insufficient })),
    series,
    axis: { domain, ticks: xTicks },
    missing,
  }
}
