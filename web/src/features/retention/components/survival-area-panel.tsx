import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import type { AreaRetention } from '../api/get-retention'
import { logRankSentence } from './retention-summary'
import { SurvivalChart } from './survival-chart'
import { survivalChartData, type SurvivalAxes } from './survival-chart-data'
import { survivalCsv } from './survival-csv'
import { SurvivalTable } from './survival-table'

/** One area's small multiple: the chart, the log-rank result, its table and its CSV. */
export function SurvivalAreaPanel({
  area,
  axes,
  asOf,
}: {
  area: AreaRetention
  axes: SurvivalAxes
  asOf: string
}) {
  const chart = useRef<HTMLElement>(null)
  const data = survivalChartData(area, axes)
  if (data.series.every((series) => series.n === 0)) {
    return <p className="panel-state">Too few hires: no hire in this selection has a score here.</p>
  }
  return (
    <>
      <SurvivalChart data={data} ref={chart} />
      <p className="logrank" data-testid={`logrank-${area.key}`}>
        {logRankSentence(area)}
      </p>
      <div className="survival-area__numbers">
        <SurvivalTable data={data} />
        <ChartDownloads
          fileName={`retention-${area.key}-${asOf}`}
          csv={() => survivalCsv(data)}
          chart={chart}
          title={`Retention by ${area.name} score`}
        />
      </div>
    </>
  )
}
