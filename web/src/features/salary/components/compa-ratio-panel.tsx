import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { HistogramChart } from '../../../components/histogram-chart'
import { HistogramTable } from '../../../components/histogram-table'
import { histogramCsv } from '../../../lib/histogram-data'
import type { Salary } from '../api/get-salary'
import { compaHistogram, compaSentence, ratio } from './salary-data'

/** How far offers sit from their band's midpoint, hire by hire. */
export function CompaRatioPanel({ data }: { data: Salary }) {
  const chart = useRef<HTMLElement>(null)
  if (data.compa_histogram.length === 0) {
    return <p className="panel-state">{compaSentence(data)}</p>
  }
  return (
    <>
      <p className="salary__summary" data-testid="compa-summary">
        {compaSentence(data)}
      </p>
      <HistogramChart
        ref={chart}
        data={compaHistogram(data)}
        axisLabel="Compa-ratio (offer ÷ band midpoint)"
        format={ratio}
        caption="Hires by compa-ratio in steps of 0.05. The dashed line marks an offer at its band's midpoint."
      />
      <div className="chart-numbers">
        <HistogramTable
          bins={data.compa_histogram}
          format={ratio}
          binLabel="Compa-ratio"
          summary="Table of compa-ratios"
        />
        <ChartDownloads
          fileName={`compa-ratio-${data.as_of}`}
          csv={() => histogramCsv(data.compa_histogram)}
          chart={chart}
          title="Compa-ratio of hires"
        />
      </div>
    </>
  )
}
