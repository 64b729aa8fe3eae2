import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatCorrelation, formatNumber, formatPercent } from '../../../lib/format'
import type { LoopTime } from '../api/get-loop-time'
import { LoopTimeChart } from './loop-time-chart'
import { loopTimeCsv } from './loop-time-csv'
import { loopTimeChartData, loopTimeSentence } from './loop-time-data'
import { MinutesWithheldNote } from './minutes-withheld-note'

/** Time spent per area beside its validity: the chart, a sentence, its table and downloads. */
export function LoopTimePanel({ loopTime }: { loopTime: LoopTime }) {
  const chart = useRef<HTMLElement>(null)
  const sentence = loopTimeSentence(loopTime)
  if (loopTime.total_minutes === 0) {
    return <p className="panel-state">{sentence}</p>
  }
  return (
    <>
      <p className="loop-time-summary" data-testid="loop-time-summary">
        {sentence}
      </p>
      <LoopTimeChart data={loopTimeChartData(loopTime.areas)} ref={chart} />
      <div className="panel-numbers">
        <details className="numbers-table">
          <summary>Table of time and validity</summary>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">
                Interview minutes per area beside its correlation with staying
              </caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  <th scope="col">Minutes</th>
                  <th scope="col">Share</th>
                  <th scope="col">Minutes per loop</th>
                  <th scope="col">r</th>
                  <th scope="col">Corrected r</th>
                  <th scope="col">AUC</th>
                </tr>
              </thead>
              <tbody>
                {loopTime.areas.map((area) => (
                  <tr
                    key={area.key}
                    data-area={area.key}
                    className={area.insufficient ? 'is-insufficient' : undefined}
                  >
                    <th scope="row">
                      {area.name}
                      {area.insufficient && ' (insufficient data)'}
                      <MinutesWithheldNote disclosure={loopTime.disclosure} area={area.key} />
                    </th>
                    <td>{area.minutes === null ? '–' : area.minutes.toLocaleString('en')}</td>
                    <td>{formatPercent(area.share)}</td>
                    <td>{formatNumber(area.mean_minutes_per_loop, 1)}</td>
                    <td>{formatCorrelation(area.r)}</td>
                    <td>{formatCorrelation(area.r_corrected)}</td>
                    <td>{formatNumber(area.auc)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ChartDownloads
          fileName={`loop-time-${loopTime.as_of}`}
          csv={() => loopTimeCsv(loopTime.areas)}
          chart={chart}
          title="Share of interview minutes beside validity, per area"
        />
      </div>
    </>
  )
}
