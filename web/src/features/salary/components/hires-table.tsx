import { ChartDownloads } from '../../../components/chart-downloads'
import { formatLevel, formatMoney } from '../../../lib/format'
import type { Salary } from '../api/get-salary'
import { hiresCsv, ratio } from './salary-data'

/** One row per hire with its offer and compa-ratio; a hiring manager gets only their own. */
export function HiresTable({ data }: { data: Salary }) {
  if (data.hires.length === 0) {
    return (
      <p className="panel-state">
        No hire in this selection to list. Hiring managers see the hires of their own requisitions
        only.
      </p>
    )
  }
  const listedWithBand = data.hires.filter((hire) => hire.compa_ratio !== null).length
  const hidden = data.compa_ratio.n - listedWithBand
  return (
    <div className="chart-numbers">
      {hidden > 0 && (
        <p className="salary__summary" data-testid="hires-scope">
          {listedWithBand} of the {data.compa_ratio.n} hires with a band are listed: hiring managers
          see the hires of their own requisitions only. The charts above cover all of them.
        </p>
      )}
      <details className="numbers-table">
        <summary>Table of {data.hires.length} hires</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Offer salary and compa-ratio of each hire</caption>
            <thead>
              <tr>
                <th scope="col">Application</th>
                <th scope="col">Level</th>
                <th scope="col">Salary</th>
                <th scope="col">Band midpoint</th>
                <th scope="col">Compa-ratio</th>
              </tr>
            </thead>
            <tbody>
              {data.hires.map((hire) => (
                <tr key={hire.application_id}>
                  <th scope="row">{hire.application_id}</th>
                  <td>{formatLevel(hire.level)}</td>
                  <td>{formatMoney(hire.salary)}</td>
                  {hire.compa_ratio === null || hire.band_midpoint === null ? (
                    <td colSpan={2} title={hire.compa_ratio_reason ?? undefined}>
                      No band for this level
                    </td>
                  ) : (
                    <>
                      <td>{formatMoney(hire.band_midpoint)}</td>
                      <td>{ratio(hire.compa_ratio)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <ChartDownloads
        fileName={`salary-hires-${data.as_of}`}
        csv={() => hiresCsv(data.hires)}
        title="Offers per hire"
      />
    </div>
  )
}
