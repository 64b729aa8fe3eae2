import { toCsv } from '../../../../../common/csv'
import type { IntervalRow, IntervalSeries, Marker } from '../../../lib/interval-plot-layout'
import { SERIES_COLOURS } from '../../../lib/palette'
import type { ValidityOverTime } from '../api/get-validity-over-time'

const MARKERS: readonly Marker[] = ['circle', 'diamond', 'square', 'triangle']

export interface TimelineChartData {
  rows: IntervalRow[]
  series: IntervalSeries[]
  /** Half-years with no estimate in any series, named so the chart can say so. */
  missing: string[]
}

const rowsOf = (response: ValidityOverTime): IntervalRow[] =>
  response.halves.map((cell) => ({ key: cell.half, label: cell.half }))

function missingOf(response: ValidityOverTime, series: readonly IntervalSeries[]): string[] {
  return response.halves
    .filter((cell) => series.every((entry) => entry.estimates[cell.half] === undefined))
    .map((cell) => cell.half)
}

/** Each area's r by half-year with its Fisher-z interval: a series per area, a row per half-year. */
export function validityByHalfYear(response: ValidityOverTime): TimelineChartData {
  const series = response.areas.map((area, k): IntervalSeries => ({
    key: area.key,
    label: area.name,
    colour: SERIES_COLOURS[k % SERIES_COLOURS.length]!,
    marker: MARKERS[k % MARKERS.length]!,
    estimates: Object.fromEntries(
      response.halves.flatMap((cell) => {
        const figure = cell.areas[k]
        return figure && figure.r !== null
          ? [[cell.half, { value: figure.r, ci: figure.r_ci }]]
          : []
      }),
    ),
  }))
  return { rows: rowsOf(response), series, missing: missingOf(response, series) }
}

/** One figure by half-year with its interval, as a single series. */
function oneSeries(
  response: ValidityOverTime,
  key: string,
  label: string,
  read: (cell: ValidityOverTime['halves'][number]) => {
    value: number | null
    ci: [number, number] | null
    hollow?: boolean
  },
): TimelineChartData {
  const series: IntervalSeries[] = [
    {
      key,
      label,
      colour: SERIES_COLOURS[0]!,
      marker: 'circle',
      estimates: Object.fromEntries(
        response.halves.flatMap((cell) => {
          const { value, ci, hollow } = read(cell)
          return value === null ? [] : [[cell.half, hollow ? { value, ci, hollow } : { value, ci }]]
        }),
      ),
    },
  ]
  return { rows: rowsOf(response), series, missing: missingOf(response, series) }
}

/** Median days to an accepted offer by half-year, with its distribution-free interval. */
export const timeToHireByHalfYear = (response: ValidityOverTime) =>
  oneSeries(response, 'time_to_hire', 'Median time to hire', (cell) => ({
    value: cell.time_to_hire.median,
    ci: cell.time_to_hire.median_ci,
  }))

/**
 * Share of hires who stayed twelve months by half-year, with its Wilson interval; hollow
 * where too few hires make it no finding.
 */
export const retentionByHalfYear = (response: ValidityOverTime) =>
  oneSeries(response, 'retention', 'Stayed twelve months', (cell) => ({
    value: cell.retention.share,
    ci: cell.retention.share_ci,
    hollow: cell.retention.insufficient,
  }))

/** Whether any half-year has an r: below the data floor everywhere, the r chart is not drawn. */
export const hasAnyValidity = (response: ValidityOverTime) =>
  response.halves.some((cell) => cell.areas.some((area) => area.r !== null))

/**
 * "Is the loop getting better?" in sentences, each only as strong as its test allows; one
 * sentence for the areas when none has two half-years to compare.
 */
export function trendSentences(response: ValidityOverTime): string[] {
  const areas = response.trends.areas
  const noneCompared = areas.length > 0 && areas.every((trend) => trend.from === null)
  return [
    ...(noneCompared
      ? [
          'No area has two half-years with enough hires for a correlation, so the data cannot tell yet whether the loop predicts retention better or worse than it did.',
        ]
      : areas.map((trend) => trend.sentence)),
    response.trends.retention.sentence,
    response.trends.time_to_hire.sentence,
  ]
}

/** One line per half-year and area, with the half-year's time to hire and retention. */
export function validityOverTimeCsv(response: ValidityOverTime): string {
  return toCsv(
    [
      'half_year',
      'area',
      'n',
      'stayed',
      'left',
      'r',
      'r_ci_lower',
      'r_ci_upper',
      'accepted_offers',
      'median_time_to_hire_days',
      'median_ci_lower',
      'median_ci_upper',
      'hires_with_outcome',
      'retained',
      'retention',
      'retention_ci_lower',
      'retention_ci_upper',
    ],
    response.halves.flatMap((cell) =>
      cell.areas.map((area) => [
        cell.half,
        area.key,
        area.n,
        area.n_stayed,
        area.n_left,
        area.r,
        area.r_ci?.[0],
        area.r_ci?.[1],
        cell.time_to_hire.n,
        cell.time_to_hire.median,
        cell.time_to_hire.median_ci?.[0],
        cell.time_to_hire.median_ci?.[1],
        cell.retention.n,
        cell.retention.stayed,
        cell.retention.share,
        cell.retention.share_ci?.[0],
        cell.retention.share_ci?.[1],
      ]),
    ),
  )
}
