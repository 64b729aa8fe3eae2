import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { RateChart } from '../../../components/rate-chart'
import { RetentionRateTable } from '../../../components/retention-rate-table'
import { rateChartData, retentionComparisonSentence, retentionCsv } from '../../../lib/rate-data'
import type { TimeToHire } from '../api/get-time-to-hire'
import { retentionBySpeed, speedCorrelationSentence } from './time-to-hire-data'

/** Whether hires who took longer to hire stayed less: retention by quartile of days. */
export function SpeedRetentionPanel({ data }: { data: TimeToHire }) {
  const chart = useRef<HTMLElement>(null)
  const groups = retentionBySpeed(data)
  if (groups.length === 0) {
    return (
      <p className="panel-state">
        No hire in this selection has reached twelve months or left before, so retention is not
        known yet.
      </p>
    )
  }
  const correlation = speedCorrelationSentence(data)
  return (
    <>
      <p className="speed-retention__summary" data-testid="speed-retention-summary">
        {retentionComparisonSentence(groups)}
        {correlation !== null && <> {correlation}</>}
      </p>
      <RateChart
        ref={chart}
        data={rateChartData(groups)}
        axisLabel="Stayed twelve months"
        caption="Share of hires who stayed twelve months, by quartile of days from application to accepted offer, with 95% Wilson intervals."
      />
      <div className="chart-numbers">
        <RetentionRateTable groups={groups} summary="Table of retention by time to hire" />
        <ChartDownloads
          fileName={`retention-by-time-to-hire-${data.as_of}`}
          csv={() => retentionCsv(groups)}
          chart={chart}
          title="Retention by time to hire"
        />
      </div>
    </>
  )
}
