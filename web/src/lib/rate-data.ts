import type { ChartReference } from './chart-reference'
import { toCsv } from '../../../common/csv'
import { formatPercent } from './format'

export interface RatePoint {
  key: string
  label: string
  /** Row position, top to bottom. */
  y: number
  rate: number
  /** Distances from the rate to its interval's ends, as the error bar wants them. */
  errorX: [number, number]
  insufficient: boolean
}

export interface RateChartData {
  points: RatePoint[]
  /** Every group's row, with or without a rate, top to bottom. */
  rows: { name: string; note: string }[]
  domain: [number, number]
  ticks: number[]
  references: ChartReference[]
}

/** Twelve-month retention of one group of hires, as the analytics endpoints report it. */
export interface GroupRetention {
  key: string
  label: string
  n_outcome: number
  retained: number
  retention_rate: number | null
  retention_rate_ci: [number, number] | null
  insufficient: boolean
}

/** The groups with a rate as points with error bars, on an axis that takes in every interval. */
export function rateChartData(
  groups: readonly GroupRetention[],
  references: readonly ChartReference[] = [],
): RateChartData {
  const points: RatePoint[] = groups.flatMap((group, index) =>
    group.retention_rate === null
      ? []
      : [
          {
            key: group.key,
            label: group.label,
            y: index,
            rate: group.retention_rate,
            errorX: group.retention_rate_ci
              ? [
                  group.retention_rate - group.retention_rate_ci[0],
                  group.retention_rate_ci[1] - group.retention_rate,
                ]
              : [0, 0],
            insufficient: group.insufficient,
          },
        ],
  )
  const ends = [
    ...groups.flatMap((group) => group.retention_rate_ci ?? []),
    ...references.map((reference) => reference.value),
  ]
  const low = Math.max(0, Math.floor((Math.min(1, ...ends) - 0.05) * 10) / 10)
  const ticks: number[] = []
  for (let tick = Math.round(low * 10); tick <= 10; tick++) ticks.push(tick / 10)
  return {
    points,
    rows: groups.map((group) => ({ name: group.label, note: `n = ${group.n_outcome}` })),
    domain: [low, 1],
    ticks,
    references: [...references],
  }
}

const overlap = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1]

/**
 * What the groups' retention rates say, in words that never claim more than the intervals
 * carry: a difference only where two 95% intervals of groups with enough hires do not overlap.
 */
export function retentionComparisonSentence(groups: readonly GroupRetention[]): string {
  const known = groups.filter((group) => group.n_outcome > 0)
  if (known.length === 0) {
    return 'No hire in this selection has reached twelve months or left before, so retention is not known yet.'
  }
  const sufficient = known.filter((group) => !group.insufficient && group.retention_rate_ci)
  const caveat =
    sufficient.length < known.length
      ? ' Groups with fewer than 30 hires with a known outcome are marked insufficient and left out of the comparison.'
      : ''
  if (sufficient.length < 2) {
    return `Too few hires with a known outcome to compare retention between these groups.${caveat}`
  }
  for (const [index, first] of sufficient.entries()) {
    for (const second of sufficient.slice(index + 1)) {
      if (!overlap(first.retention_rate_ci!, second.retention_rate_ci!)) {
        return `Retention differs between ${first.label} (${formatPercent(first.retention_rate)}) and ${second.label} (${formatPercent(second.retention_rate)}): their 95% intervals do not overlap.${caveat}`
      }
    }
  }
  return `The 95% intervals overlap: these data show no clear difference in twelve-month retention between the groups.${caveat}`
}

/** The numbers behind a retention chart, as a CSV file's text. */
export function retentionCsv(groups: readonly GroupRetention[]): string {
  return toCsv(
    [
      'group',
      'hires_with_outcome',
      'retained',
      'retention_rate',
      'ci_lower',
      'ci_upper',
      'insufficient',
    ],
    groups.map((group) => [
      group.label,
      group.n_outcome,
      group.retained,
      group.retention_rate,
      group.retention_rate_ci?.[0] ?? null,
      group.retention_rate_ci?.[1] ?? null,
      group.insufficient,
    ]),
  )
}
