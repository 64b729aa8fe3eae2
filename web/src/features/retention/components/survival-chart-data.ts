import type { AreaRetention, BandCurve } from '../api/get-retention'

export type Band = BandCurve['band']

export interface SurvivalPoint {
  /** Tenure in days. */
  time: number
  nRisk: number
  nEvent: number
  nCensor: number
  surv: number
  /** Lower and upper end of the 95% interval; null once no one is left to estimate it from. */
  ci: [number, number] | null
}

export interface SurvivalSeries {
  band: Band
  label: string
  n: number
  points: SurvivalPoint[]
}

export interface SurvivalChartData extends SurvivalAxes {
  key: string
  name: string
  /** Always the two bands, score ≥ 3 first, so colours and legend never swap. */
  series: [SurvivalSeries, SurvivalSeries]
}

const BANDS: readonly Band[] = ['ge3', 'lt3']
const YEAR = 365

function series(curve: BandCurve): SurvivalSeries {
  const points: SurvivalPoint[] = curve.steps.map((step) => ({
    time: step.time,
    nRisk: step.n_risk,
    nEvent: step.n_event,
    nCensor: step.n_censor,
    surv: step.surv,
    ci: step.lower === null || step.upper === null ? null : [step.lower, step.upper],
  }))
  // Everyone is employed on their first day; the step chart has to start there, not at the first exit.
  if (points[0]?.time !== 0) {
    points.unshift({ time: 0, nRisk: curve.n, nEvent: 0, nCensor: 0, surv: 1, ci: [1, 1] })
  }
  return { band: curve.band, label: curve.label, n: curve.n, points }
}

export interface SurvivalAxes {
  xDomain: [number, number]
  xTicks: number[]
  yDomain: [number, number]
  yTicks: number[]
}

/** Axes shared by every area's chart, so the small multiples can be compared at a glance. */
export function survivalAxes(areas: readonly AreaRetention[]): SurvivalAxes {
  const steps = areas.flatMap((area) => area.bands.flatMap((band) => band.steps))
  const last = Math.max(YEAR, ...steps.map((step) => step.time))
  const xStep = last > 2 * YEAR ? YEAR : 90
  const xTicks: number[] = []
  for (let tick = 0; tick <= last; tick += xStep) xTicks.push(tick)
  // Start at the first tick under the lowest interval end, so small differences stay visible.
  const lowest = Math.min(0.95, ...steps.map((step) => step.lower ?? step.surv))
  const yStep = 1 - lowest > 0.5 ? 0.2 : 0.1
  const yTicks = [1]
  while (yTicks[0]! > lowest + 1e-9 && yTicks[0]! > 1e-9) {
    yTicks.unshift(Math.round((yTicks[0]! - yStep) * 10) / 10)
  }
  return { xDomain: [0, last], xTicks, yDomain: [yTicks[0]!, 1], yTicks }
}

/** Shapes one area's Kaplan–Meier curves into the two step series of its small multiple. */
export function survivalChartData(
  area: AreaRetention,
  axes: SurvivalAxes = survivalAxes([area]),
): SurvivalChartData {
  const [high, low] = BANDS.map((band) => {
    const curve = area.bands.find((entry) => entry.band === band)
    if (!curve) throw new Error(`The ${area.name} curves lack the ${band} band`)
    return series(curve)
  }) as [SurvivalSeries, SurvivalSeries]
  return {
    key: area.key,
    name: area.name,
    series: [high, low],
    ...axes,
  }
}
