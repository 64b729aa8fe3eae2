import type { AreaValidity } from '../api/get-validity'

export type ForestSeries = 'observed' | 'corrected'

export interface ForestPoint {
  series: ForestSeries
  areaKey: string
  areaName: string
  /** Row position: areas at whole numbers, the two series either side of them. */
  y: number
  r: number
  ci: [number, number]
  /** Distances from r to the interval's ends, as the error bar wants them. */
  errorX: [number, number]
  insufficient: boolean
}

export interface ForestPlotData {
  observed: ForestPoint[]
  corrected: ForestPoint[]
  labels: string[]
  ticks: number[]
  domain: [number, number]
  /** Round positions on the r axis, zero among them. */
  xTicks: number[]
  /** Areas with no estimate, and why, so the chart can say so instead of leaving a gap. */
  missing: { name: string; reason: string }[]
}

const OFFSET = 0.17

function point(
  area: AreaValidity,
  index: number,
  series: ForestSeries,
  r: number | null,
  ci: [number, number] | null,
): ForestPoint | null {
  if (r === null || ci === null) return null
  return {
    series,
    areaKey: area.key,
    areaName: area.name,
    y: index + (series === 'observed' ? -OFFSET : OFFSET),
    r,
    ci,
    errorX: [r - ci[0], ci[1] - r],
    insufficient: area.insufficient,
  }
}

/** Shapes the validity rows into the forest plot's two series and its axes. */
export function forestPlotData(areas: readonly AreaValidity[]): ForestPlotData {
  const observed: ForestPoint[] = []
  const corrected: ForestPoint[] = []
  const missing: ForestPlotData['missing'] = []
  areas.forEach((area, index) => {
    const observedPoint = point(area, index, 'observed', area.r, area.r_ci)
    const correctedPoint = point(area, index, 'corrected', area.r_corrected, area.r_corrected_ci)
    if (observedPoint) observed.push(observedPoint)
    if (correctedPoint) corrected.push(correctedPoint)
    if (!observedPoint) {
      missing.push({ name: area.name, reason: area.not_computable ?? 'Not computable' })
    }
  })
  const ends = [...observed, ...corrected].flatMap((entry) => entry.ci)
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
    observed,
    corrected,
    labels: areas.map((area) => area.name),
    ticks: areas.map((_, index) => index),
    domain,
    xTicks,
    missing,
  }
}
