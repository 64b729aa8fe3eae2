import { useRef } from 'react'
import { BoxPlotChart } from '../../../components/box-plot-chart'
import { ChartDownloads } from '../../../components/chart-downloads'
import type { SpeedSummary, TimeToHire } from '../api/get-time-to-hire'
import { SpeedTable } from './speed-table'
import { days, measuresWithData, speedBoxPlot, speedCsv } from './time-to-hire-data'

/** Time to hire and to fill by one grouping (level or hire type): boxes, table and downloads. */
export function SpeedPanel({
  data,
  summaries,
  labelOf,
  what,
}: {
  data: TimeToHire
  summaries: readonly SpeedSummary[]
  labelOf: (key: string) => string
  /** The grouping in words: "level", "hire type". */
  what: string
}) {
  const chart = useRef<HTMLElement>(null)
  if (summaries.length === 0) {
    return <p className="panel-state">No accepted offer in this selection to group by {what}.</p>
  }
  const fileKey = what.replaceAll(' ', '-')
  return (
    <>
      <BoxPlotChart
        ref={chart}
        className={`speed-chart speed-chart--${fileKey}`}
        data={speedBoxPlot(data, summaries, labelOf)}
        axisLabel="Days"
        format={days}
        caption={`Days to an accepted offer by ${what}: each box spans the middle half of the offers, the whiskers the shortest and longest, the marker the median; n is the number of accepted offers. The dashed line is the benchmark.`}
      />
      <div className="chart-numbers">
        <SpeedTable
          summaries={summaries}
          measures={measuresWithData(data)}
          labelOf={labelOf}
          what={what}
        />
        <ChartDownloads
          fileName={`time-to-hire-by-${fileKey}-${data.as_of}`}
          csv={() => speedCsv(summaries, labelOf)}
          chart={chart}
          title={`Time to hire by ${what}`}
        />
      </div>
    </>
  )
}
