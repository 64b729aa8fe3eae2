import type { Ref } from 'react'
import { IntervalPlot } from '../../../components/interval-plot'
import { formatCorrelation } from '../../../lib/format'
import type { AreaValidity } from '../api/get-validity'
import { forestPlotData } from './forest-plot-data'

/** r of each area with retention, with its 95% interval, observed and range-corrected. */
export function ForestPlot({
  areas,
  ref,
}: {
  areas: readonly AreaValidity[]
  ref?: Ref<HTMLElement>
}) {
  const data = forestPlotData(areas)
  return (
    <div className="forest-plot">
      <IntervalPlot
        ref={ref}
        rows={data.rows}
        series={data.series}
        scale="linear"
        axis={data.axis}
        reference={{ value: 0, label: 'No relation' }}
        axisLabel="Correlation with twelve-month retention (r)"
        format={(value) => formatCorrelation(value)}
        caption="Each area's correlation with staying twelve months, observed and corrected for range restriction, with 95% confidence intervals."
        mutedLabel="Fewer than 30 hires"
      />
      <p className="forest-plot__note">
        Each area's correlation with staying twelve months, with its 95% confidence interval. An
        interval that crosses zero is consistent with no relation. The corrected estimate undoes the
        narrowing caused by hiring only high scorers (Thorndike Case II).
        {data.missing.length > 0 && (
          <>
            {' '}
            Not shown: {data.missing.map((entry) => `${entry.name} (${entry.reason})`).join('; ')}
          </>
        )}
      </p>
    </div>
  )
}
