import { formatPercent } from '../../../lib/format'
import type { SpeedSummary } from '../api/get-time-to-hire'
import { days, MEASURE_NAMES, type SpeedMeasure } from './time-to-hire-data'

const range = (low: number | null, high: number | null) =>
  low === null || high === null ? '–' : `${days(low)} to ${days(high)}`

/** Both measures of every group, for readers who cannot or would rather not read the boxes. */
export function SpeedTable({
  summaries,
  measures,
  labelOf,
  what,
}: {
  summaries: readonly SpeedSummary[]
  measures: readonly SpeedMeasure[]
  labelOf: (key: string) => string
  what: string
}) {
  return (
    <details className="numbers-table">
      <summary>Table of time to hire by {what}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Time to hire and to fill by {what}, in days</caption>
          <thead>
            <tr>
              <th scope="col">{what.charAt(0).toUpperCase() + what.slice(1)}</th>
              <th scope="col">Measure</th>
              <th scope="col">n</th>
              <th scope="col">Median</th>
              <th scope="col">Middle half</th>
              <th scope="col">Range</th>
              <th scope="col">Mean</th>
              <th scope="col">Within benchmark</th>
            </tr>
          </thead>
          <tbody>
            {summaries.flatMap((summary) =>
              measures.map((measure) => {
                const distribution = summary[measure]
                return (
                  <tr key={`${summary.key}-${measure}`}>
                    <th scope="row">{labelOf(summary.key)}</th>
                    <td>{MEASURE_NAMES[measure]}</td>
                    <td>{distribution.n}</td>
                    <td>{distribution.median === null ? '–' : days(distribution.median)}</td>
                    <td>{range(distribution.q1, distribution.q3)}</td>
                    <td>{range(distribution.min, distribution.max)}</td>
                    <td>{distribution.mean === null ? '–' : days(distribution.mean)}</td>
                    <td>
                      {measure === 'time_to_hire' ? formatPercent(summary.within_benchmark) : '–'}
                    </td>
                  </tr>
                )
              }),
            )}
          </tbody>
        </table>
      </div>
    </details>
  )
}
