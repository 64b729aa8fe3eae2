import {
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from 'recharts'
import type { Ref } from 'react'
import { tickWidth, TwoLineTick } from './chart-tick'
import { referenceLines } from './chart-references'
import './charts.css'
import { PALETTE } from '../lib/palette'
import type { RateChartData, RatePoint } from '../lib/rate-data'

const percent = (value: number) => `${Math.round(value * 100)}%`

interface MarkerProps {
  cx?: number
  cy?: number
  payload?: RatePoint
}

/** Filled where the group has enough hires, hollow and grey where it does not. */
function RateMarker({ cx = 0, cy = 0, payload }: MarkerProps) {
  const insufficient = payload?.insufficient ?? false
  return (
    <rect
      className="rate-chart__point"
      data-key={payload?.key}
      x={cx - 6}
      y={cy - 6}
      width={12}
      height={12}
      fill={insufficient ? '#fff' : PALETTE.bluishGreen}
      stroke={insufficient ? PALETTE.grey : PALETTE.bluishGreen}
      strokeWidth={2}
    />
  )
}

interface Props {
  data: RateChartData
  axisLabel: string
  caption: string
  ref?: Ref<HTMLElement>
}

/** A rate per group with its 95% interval; groups with too few hires drawn hollow and grey. */
export function RateChart({ data, axisLabel, caption, ref }: Props) {
  const height = 80 + data.rows.length * 48
  return (
    <figure ref={ref} className="rate-chart">
      <div className="chart-legend" aria-hidden="true">
        <span className="chart-legend__item">
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect x="1" y="1" width="12" height="12" fill={PALETTE.bluishGreen} />
          </svg>
          Rate with 95% interval
        </span>
        <span className="chart-legend__item">
          <svg width="14" height="14" viewBox="0 0 14 14">
            <rect
              x="2"
              y="2"
              width="10"
              height="10"
              fill="#fff"
              stroke={PALETTE.grey}
              strokeWidth="2"
            />
          </svg>
          Fewer than 30 hires: insufficient data
        </span>
      </div>
      <div className="rate-chart__plot" style={{ height }}>
        <ResponsiveContainer initialDimension={{ width: 600, height }}>
          <ScatterChart margin={{ top: 22, right: 24, bottom: 24, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="rate"
              domain={data.domain}
              ticks={data.ticks}
              tickFormatter={percent}
              allowDataOverflow
              label={{ value: axisLabel, position: 'bottom', offset: 6 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[-0.5, data.rows.length - 0.5]}
              ticks={data.rows.map((_, index) => index)}
              reversed
              width={tickWidth(data.rows.map((row) => row.name))}
              interval={0}
              tick={
                <TwoLineTick
                  linesOf={(index) => data.rows[Number(index)] ?? { name: '', note: '' }}
                />
              }
            />
            {referenceLines(data.references, data.domain)}
            <Scatter
              className="rate-chart__series"
              data={data.points}
              shape={RateMarker}
              isAnimationActive={false}
            >
              <ErrorBar
                dataKey="errorX"
                direction="x"
                width={8}
                strokeWidth={2}
                stroke="#3b4150"
                isAnimationActive={false}
              />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
