import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import type { AreaValidity } from '../api/get-validity'
import { ForestPlot } from './forest-plot'
import { validityCsv } from './validity-csv'

/** The forest plot with the downloads of its numbers and its drawing. */
export function ForestPlotPanel({ areas, asOf }: { areas: readonly AreaValidity[]; asOf: string }) {
  const chart = useRef<HTMLElement>(null)
  return (
    <>
      <ForestPlot areas={areas} ref={chart} />
      <ChartDownloads
        fileName={`validity-${asOf}`}
        csv={() => validityCsv(areas)}
        chart={chart}
        title="Correlation of each area with twelve-month retention"
      />
    </>
  )
}
