import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { HistogramChart } from '../../../components/histogram-chart'
import { HistogramTable } from '../../../components/histogram-table'
import { histogramCsv, histogramData } from '../../../lib/histogram-data'
import type { TimeToHire } from '../api/get-time-to-hire'
import { benchmarkReferences, days } from './time-to-hire-data'

/** How many offers were accepted after how many days, by week, against the benchmark. */
export function SpeedHistogramPanel({ data }: { data: TimeToHire }) {
  const chart = useRef<HTMLElement>(null)
  if (data.histogram.length === 0) {
    return <p className="panel-state">No accepted offer in this selection to draw.</p>
  }
  return (
    <>
      <HistogramChart
        ref={chart}
        data={histogramData(data.histogram, benchmarkReferences(data))}
        axisLabel="Days from application to accepted offer"
        format={days}
        caption="Accepted offers by weeks from application to acceptance. The dashed line is the benchmark."
      />
      <div className="chart-numbers">
        <HistogramTable
          bins={data.histogram}
          format={days}
          binLabel="Days"
          summary="Table of time to hire by week"
        />
        <ChartDownloads
          fileName={`time-to-hire-histogram-${data.as_of}`}
          csv={() => histogramCsv(data.histogram)}
          chart={chart}
          title="Time to hire, accepted offers by week"
        />
      </div>
    </>
  )
}
