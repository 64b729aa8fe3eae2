import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { IntervalPlot } from '../../../components/interval-plot'
import { formatCorrelation, formatInterval, formatNumber, formatPercent } from '../../../lib/format'
import type { ValidityOverTime } from '../api/get-validity-over-time'
import {
  hasAnyValidity,
  retentionByHalfYear,
  timeToHireByHalfYear,
  trendSentences,
  validityByHalfYear,
  validityOverTimeCsv,
  type TimelineChartData,
} from './validity-over-time-data'

const formatDays = (days: number) => `${formatNumber(days, 0)} d`
const formatShare = (share: number) => formatPercent(share)
const bracketed = (ci: readonly [number, number] | null, format: (value: number) => string) =>
  ci === null ? '' : ` (${formatInterval(ci, format)})`

function Missing({ data, what }: { data: TimelineChartData; what: string }) {
  if (data.missing.length === 0) return null
  return (
    <>
      {' '}
      No {what} for {data.missing.join(', ')}: too few hires, or withheld.
    </>
  )
}

/**
 * Per half-year of application: each area's r with retention, median time to hire and
 * twelve-month retention, each with its interval; whether the loop is getting better, said
 * only as strongly as the tests allow; a table of every figure and downloads.
 */
export function ValidityOverTimePanel({ response }: { response: ValidityOverTime }) {
  const figure = useRef<HTMLDivElement>(null)
  if (response.halves.length === 0) {
    return <p className="panel-state">No applications in this selection, so no half-years.</p>
  }
  const validity = validityByHalfYear(response)
  const timeToHire = timeToHireByHalfYear(response)
  const retention = retentionByHalfYear(response)
  return (
    <>
      <ul className="timeline-trends" data-testid="timeline-trends">
        {trendSentences(response).map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <div ref={figure} className="timeline-charts">
        {hasAnyValidity(response) ? (
          <div className="timeline-chart" data-chart="validity-by-half-year">
            <IntervalPlot
              rows={validity.rows}
              series={validity.series}
              reference={{ value: 0, label: 'No relation' }}
              axisLabel="Correlation with twelve-month retention (r)"
              format={formatCorrelation}
              caption="Each area's correlation with staying twelve months among hires who applied in the half-year, with its 95% Fisher-z interval."
            />
            <p className="interval-chart__note">
              Each area's r among hires who applied in the half-year, with its 95% interval. A
              half-year needs 30 hires with a known outcome, 10 who stayed and 10 who left, before
              it shows an r.
              <Missing data={validity} what="r" />
            </p>
          </div>
        ) : (
          <p className="panel-state" data-testid="timeline-too-few">
            No half-year has enough hires with a known twelve-month outcome (30, with 10 who stayed
            and 10 who left) for a correlation, so validity by half-year cannot be shown yet.
          </p>
        )}
        <div className="timeline-chart" data-chart="time-to-hire-by-half-year">
          <IntervalPlot
            rows={timeToHire.rows}
            series={timeToHire.series}
            include={[0]}
            axisLabel="Median days from application to accepted offer"
            format={formatDays}
            caption="Median time to hire of offers accepted, by half-year of application, with its 95% distribution-free interval."
          />
          <p className="interval-chart__note">
            Median days from application to accepted offer, with its 95% interval from the order
            statistics (none below six offers).
            <Missing data={timeToHire} what="median" />
          </p>
        </div>
        <div className="timeline-chart" data-chart="retention-by-half-year">
          <IntervalPlot
            rows={retention.rows}
            series={retention.series}
            include={[0, 1]}
            axisLabel="Share of hires who stayed twelve months"
            format={formatShare}
            caption="Share of hires with a known outcome who stayed twelve months, by half-year of application, with its 95% Wilson interval."
          />
          <p className="interval-chart__note">
            Share of hires with a known outcome who stayed twelve months, with its 95% Wilson
            interval. Hollow markers rest on fewer than 30 hires, 10 who stayed or 10 who left, and
            are no finding either way. Recent half-years have few known outcomes: most of their
            hires have not reached a year.
            <Missing data={retention} what="retention" />
          </p>
        </div>
      </div>
      <div className="panel-numbers">
        <details className="numbers-table">
          <summary>Table of the half-years</summary>
          <div className="table-scroll">
            <table data-testid="timeline-table">
              <caption className="visually-hidden">
                Per half-year of application: each area's r, median time to hire and retention
              </caption>
              <thead>
                <tr>
                  <th scope="col">Half-year</th>
                  {response.areas.map((area) => (
                    <th key={area.key} scope="col">
                      {area.name}: r (95% CI)
                    </th>
                  ))}
                  <th scope="col">Median time to hire (95% CI)</th>
                  <th scope="col">Stayed twelve months (95% CI)</th>
                </tr>
              </thead>
              <tbody>
                {response.halves.map((cell) => (
                  <tr key={cell.half}>
                    <th scope="row">{cell.half}</th>
                    {cell.areas.map((area) => (
                      <td
                        key={area.key}
                        className={area.r === null ? 'is-insufficient' : undefined}
                        title={area.not_computable ?? undefined}
                      >
                        {area.r === null
                          ? `–${area.n === null ? '' : `, n = ${String(area.n)}`}`
                          : `${formatCorrelation(area.r)}${bracketed(area.r_ci, formatCorrelation)}, n = ${String(area.n)}`}
                      </td>
                    ))}
                    <td>
                      {cell.time_to_hire.median === null
                        ? '–'
                        : `${formatDays(cell.time_to_hire.median)}${bracketed(cell.time_to_hire.median_ci, formatDays)}, n = ${String(cell.time_to_hire.n)}`}
                    </td>
                    <td>
                      {cell.retention.share === null
                        ? '–'
                        : `${formatShare(cell.retention.share)}${bracketed(cell.retention.share_ci, formatShare)}, ${String(cell.retention.stayed)} of ${String(cell.retention.n)}${cell.retention.insufficient ? ' (insufficient)' : ''}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ChartDownloads
          fileName={`validity-over-time-${response.as_of}`}
          csv={() => validityOverTimeCsv(response)}
          chart={figure}
          title="Validity, time to hire and retention by half-year of application"
        />
      </div>
    </>
  )
}
