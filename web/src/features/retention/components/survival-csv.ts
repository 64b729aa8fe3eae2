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

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The step points of one area's chart, both bands, as a CSV file's text. */
export function survivalCsv(data: SurvivalChartData): string {
  const rows = data.series.flatMap((series) =>
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
  )
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
