import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'
import type { Ref } from 'react'
import { PALETTE } from '../../../lib/palette'
import type { Band, SurvivalChartData } from './survival-chart-data'

const BAND_COLOUR: Record<Band, string> = { ge3: PALETTE.blue, lt3: PALETTE.orange }

const percent = (value: number) => `${Math.round(value * 100)}%`

/** Share of one area's hires still employed by tenure, per score band, with 95% intervals. */
export function SurvivalChart({ data, ref }: { data: SurvivalChartData; ref?: Ref<HTMLElement> }) {
  const captionId = `survival-caption-${data.key}`
  return (
    <figure ref={ref} className="survival-chart" aria-labelledby={captionId} data-area={data.key}>
      <div className="chart-legend" aria-hidden="true">
        {data.series.map((series) => (
          <span key={series.band} className="chart-legend__item">
            <svg width="18" height="12" viewBox="0 0 18 12">
              <rect y="1" width="18" height="10" fill={BAND_COLOUR[series.band]} opacity="0.2" />
              <line
                x1="0"
                x2="18"
                y1="6"
                y2="6"
                stroke={BAND_COLOUR[series.band]}
                strokeWidth="2"
              />
            </svg>
            {series.label} (n = {series.n})
          </span>
        ))}
      </div>
      <div className="survival-chart__plot">
        <ResponsiveContainer initialDimension={{ width: 360, height: 240 }}>
          <ComposedChart margin={{ top: 10, right: 12, bottom: 24, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="time"
              domain={data.xDomain}
              ticks={data.xTicks}
              label={{ value: 'Tenure (days)', position: 'bottom', offset: 4 }}
            />
            <YAxis
              type="number"
              domain={data.yDomain}
              ticks={data.yTicks}
              allowDataOverflow
              tickFormatter={percent}
              width={48}
            />
            <ReferenceLine x={365} stroke="#555" strokeDasharray="4 3" />
            {data.series.map((series) => (
              <Area
                key={`ci-${series.band}`}
                data={series.points}
                dataKey="ci"
                type="stepAfter"
                stroke="none"
                fill={BAND_COLOUR[series.band]}
                fillOpacity={0.15}
                isAnimationActive={false}
              />
            ))}
            {data.series.map((series) => (
              <Line
                key={series.band}
                className={`survival-line survival-line--${series.band}`}
                data={series.points}
                dataKey="surv"
                type="stepAfter"
                stroke={BAND_COLOUR[series.band]}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption id={captionId} className="visually-hidden">
        Share of {data.name} hires still employed by days since starting, for{' '}
        {data.series.map((series) => series.label).join(' and ')}, with 95% confidence bands. The
        dashed line marks twelve months.
      </figcaption>
    </figure>
  )
}
