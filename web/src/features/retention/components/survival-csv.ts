import { toCsv } from '../../../../../common/csv'
import type { SurvivalChartData } from './survival-chart-data'

const HEADER = [
  'area',
  'band',
  'time_days',
  'at_risk',
  'events',
  'censored',
  'survival',
  'ci_lower',
  'ci_upper',
]

/** The step points of one area's chart, both bands, as a CSV file's text. */
export function survivalCsv(data: SurvivalChartData): string {
  return toCsv(
    HEADER,
    data.series.flatMap((series) =>
      series.points.map((point) => [
        data.name,
        series.label,
        point.time,
        point.nRisk,
        point.nEvent,
        point.nCensor,
        point.surv,
        point.ci?.[0] ?? null,
        point.ci?.[1] ?? null,
      ]),
    ),
  )
}
