import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { RateChart } from '../../../components/rate-chart'
import { RetentionRateTable } from '../../../components/retention-rate-table'
import { rateChartData, retentionComparisonSentence, retentionCsv } from '../../../lib/rate-data'
import type { Salary } from '../api/get-salary'
import { retentionByCompaRatio } from './salary-data'

/** Whether hires paid below or above the band midpoint stayed twelve months. */
export function CompaRetentionPanel({ data }: { data: Salary }) {
  const chart = useRef<HTMLElement>(null)
  const groups = retentionByCompaRatio(data)
  if (data.compa_ratio.n === 0) {
    return (
      <p className="panel-state">
        No hire in this selection has a compa-ratio: none has an offer and a benchmark band of their
        own level, so retention by compa-ratio cannot be shown. Add a band per level in Settings.
      </p>
    )
  }
  if (groups.every((group) => group.n_outcome === 0)) {
    return <p className="panel-state">{retentionComparisonSentence(groups)}</p>
  }
  return (
    <>
      <p className="salary__summary" data-testid="compa-retention-summary">
        {retentionComparisonSentence(groups)}
      </p>
      <RateChart
        ref={chart}
        data={rateChartData(groups)}
        axisLabel="Stayed twelve months"
        caption="Share of hires who stayed twelve months by compa-ratio band, with 95% Wilson intervals; n counts hires whose twelve-month outcome is known."
      />
      <div className="chart-numbers">
        <RetentionRateTable groups={groups} summary="Table of retention by compa-ratio" />
        <ChartDownloads
          fileName={`retention-by-compa-ratio-${data.as_of}`}
          csv={() => retentionCsv(groups)}
          chart={chart}
          title="Retention by compa-ratio"
        />
      </div>
    </>
  )
}
