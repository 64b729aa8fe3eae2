import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatInterval, formatPercent } from '../../../lib/format'
import type { Expectancy } from '../api/get-expectancy'
import { ExpectancyChart } from './expectancy-chart'
import {
  expectancyCsv,
  expectancyRows,
  hasObservedShares,
  taylorRussellSentence,
} from './worth-data'

/** Retention by composite band beside the model, and the loop against random hiring. */
export function ExpectancyPanel({ data }: { data: Expectancy }) {
  const chart = useRef<HTMLElement>(null)
  const observed = hasObservedShares(data.bands)
  const drawable = observed || data.bands.some((band) => band.curve !== null)
  return (
    <>
      <p className="headline" data-testid="taylor-russell">
        {taylorRussellSentence(data)}
      </p>
      {!drawable ? (
        <p className="panel-state">{data.too_few ?? data.band_rule}</p>
      ) : (
        <>
          <ExpectancyChart
            ref={chart}
            rows={expectancyRows(data.bands)}
            observed={observed}
            caption={`${observed ? 'Share of hires who stayed twelve months in each band of the current composite, with 95% Wilson intervals, beside the multivariable model’s mean predicted probability for the same hires; diamonds' : 'Shares per band are withheld here; diamonds'} read a logistic regression of retention on the composite at each band’s centre. ${data.band_rule}`}
          />
          <div className="chart-numbers">
            <details>
              <summary>Table of retention by composite band</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Band</th>
                    <th scope="col">Hires</th>
                    <th scope="col">Stayed</th>
                    <th scope="col">95% interval</th>
                    <th scope="col">Model</th>
                    <th scope="col">Curve</th>
                  </tr>
                </thead>
                <tbody>
                  {data.bands.map((band) => (
                    <tr key={band.key}>
                      <th scope="row">{band.label}</th>
                      <td>{band.share_stayed === null ? '–' : String(band.n)}</td>
                      <td>{formatPercent(band.share_stayed)}</td>
                      <td>{formatInterval(band.share_ci, formatPercent) || '–'}</td>
                      <td>{formatPercent(band.expected)}</td>
                      <td>{formatPercent(band.curve)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <ChartDownloads
              fileName={`expectancy-${data.as_of}`}
              csv={() => expectancyCsv(data.bands)}
              chart={chart}
              title="Retention by composite band"
            />
          </div>
        </>
      )}
    </>
  )
}
