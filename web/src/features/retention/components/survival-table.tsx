import { formatNumber } from '../../../lib/format'
import type { SurvivalChartData } from './survival-chart-data'

/** The numbers behind one area's chart, for readers who cannot or would rather not read it. */
export function SurvivalTable({ data }: { data: SurvivalChartData }) {
  return (
    <details className="numbers-table">
      <summary>Table of the {data.name} curves</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Kaplan–Meier steps of {data.name} hires by score band
          </caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col">Day</th>
              <th scope="col">At risk</th>
              <th scope="col">Left</th>
              <th scope="col" title="Still employed when the data ends">
                Censored
              </th>
              <th scope="col">Still employed</th>
              <th scope="col">95% CI</th>
            </tr>
          </thead>
          <tbody>
            {data.series.flatMap((series) =>
              series.points.map((point) => (
                <tr key={`${series.band}-${point.time}`}>
                  <th scope="row">{series.label}</th>
                  <td>{point.time}</td>
                  <td>{point.nRisk}</td>
                  <td>{point.nEvent}</td>
                  <td>{point.nCensor}</td>
                  <td>{formatNumber(point.surv, 3)}</td>
                  <td>
                    {point.ci
                      ? `${formatNumber(point.ci[0], 3)} to ${formatNumber(point.ci[1], 3)}`
                      : '–'}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </details>
  )
}
