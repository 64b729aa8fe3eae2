import type { Ref } from 'react'
import { IntervalPlot } from '../../../components/interval-plot'
import { formatNumber } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import type { OddsRatioChartData } from './model-data'

const formatRatio = (value: number) => (value >= 10 ? value.toFixed(0) : formatNumber(value))

/** Each area's odds ratio of staying per rating point, the others held fixed, on a log axis. */
export function OddsRatioChart({
  data,
  ref,
}: {
  data: OddsRatioChartData
  ref?: Ref<HTMLElement>
}) {
  return (
    <div className="odds-ratio-chart">
      <div className="chart-legend" aria-hidden="true">
        <span className="chart-legend__item">
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect x="1" y="1" width="12" height="12" fill={PALETTE.bluishGreen} />
          </svg>
          p &lt; .05
        </span>
        <span className="chart-legend__item">
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect
              x="2"
              y="2"
              width="10"
              height="10"
              fill="#fff"
              stroke={PALETTE.bluishGreen}
              strokeWidth="2"
            />
          </svg>
          Interval takes in 1 (p ≥ .05)
        </span>
      </div>
      <IntervalPlot
        ref={ref}
        rows={data.points.map((point) => ({ key: point.key, label: point.name }))}
        series={[
          {
            key: 'odds-ratio',
            label: 'Odds ratio per rating point',
            colour: PALETTE.bluishGreen,
            marker: 'square',
            // Filled where p < .05, hollow where the interval takes in 1: shape, not only colour.
            estimates: Object.fromEntries(
              data.points.map((point) => [
                point.key,
                { value: point.oddsRatio, ci: point.ci, hollow: !point.significant },
              ]),
            ),
          },
        ]}
        scale="log"
        axis={data.axis}
        reference={{ value: 1, label: 'No change in the odds' }}
        axisLabel="Odds ratio of staying per rating point (log scale)"
        format={formatRatio}
        caption="Each area's odds ratio of staying twelve months per rating point, the other areas held fixed, with 95% Wald intervals."
      />
      <p className="odds-ratio-chart__note">
        How the odds of staying twelve months change with one more rating point in an area, the
        other areas held fixed, with 95% Wald intervals. 1 means no change; an interval that takes
        in 1 is consistent with no effect.
      </p>
    </div>
  )
}
