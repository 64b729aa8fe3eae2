import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts'
import type { Ref } from 'react'
import { referenceLines } from './chart-references'
import './charts.css'
import type { HistogramData } from '../lib/histogram-data'
import { PALETTE } from '../lib/palette'

interface Props {
  data: HistogramData
  axisLabel: string
  format: (value: number) => string
  caption: string
  ref?: Ref<HTMLElement>
}

/** Counts per bin on a numeric axis, so benchmark lines sit at their true values. */
export function HistogramChart({ data, axisLabel, format, caption, ref }: Props) {
  return (
    <figure ref={ref} className="histogram">
      <div className="histogram__plot">
        <ResponsiveContainer initialDimension={{ width: 600, height: 260 }}>
          <BarChart
            data={data.bins}
            margin={{ top: 22, right: 24, bottom: 24, left: 4 }}
            barCategoryGap={1}
          >
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="middle"
              domain={data.scale.domain}
              ticks={data.scale.ticks}
              tickFormatter={format}
              allowDataOverflow
              label={{ value: axisLabel, position: 'bottom', offset: 6 }}
            />
            <YAxis
              type="number"
              ticks={data.countTicks}
              domain={[0, data.countTicks.at(-1) ?? 1]}
              allowDecimals={false}
              width={56}
              label={{ value: 'Hires', angle: -90, position: 'insideLeft', offset: 0 }}
            />
            <Bar
              className="histogram__bars"
              dataKey="count"
              fill={PALETTE.blue}
              fillOpacity={0.8}
              stroke="#fff"
              isAnimationActive={false}
            />
            {referenceLines(data.references, data.scale.domain)}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
