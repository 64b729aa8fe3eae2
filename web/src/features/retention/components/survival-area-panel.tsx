import type { AreaRetention } from '../api/get-retention'
import { logRankSentence } from './retention-summary'
import { SurvivalChart } from './survival-chart'
import { survivalChartData, type SurvivalAxes } from './survival-chart-data'
import { survivalCsv } from './survival-csv'
import { SurvivalTable } from './survival-table'

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  URL.revokeObjectURL(url)
}

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
  const data = survivalChartData(area, axes)
  if (data.series.every((series) => series.n === 0)) {
    return <p className="panel-state">Too few hires: no hire in this selection has a score here.</p>
  }
  return (
    <>
      <SurvivalChart data={data} />
      <p className="logrank" data-testid={`logrank-${area.key}`}>
        {logRankSentence(area)}
      </p>
      <div className="survival-area__numbers">
        <SurvivalTable data={data} />
        <button
          type="button"
          onClick={() => download(`retention-${area.key}-${asOf}.csv`, survivalCsv(data))}
        >
          Download CSV
        </button>
      </div>
    </>
  )
}
