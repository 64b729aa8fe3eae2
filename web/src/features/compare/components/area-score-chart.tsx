import type { Ref } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { RATING_DOMAIN, RATING_TICKS, type AreaScoreChartData } from './compare-data'

/** Each candidate's mean score per area, side by side on the 1–4 rating scale. */
export function AreaScoreChart({
  data,
  ref,
}: {
  data: AreaScoreChartData
  ref?: Ref<HTMLElement>
}) {
  return (
    <figure ref={ref} className="compare-chart" aria-labelledby="compare-chart-caption">
      <div className="compare-chart__plot">
        <ResponsiveContainer initialDimension={{ width: 720, height: 280 }}>
          <BarChart data={data.rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="area" interval={0} tick={{ fontSize: 12 }} />
            {/* The scale starts at 1 (strong no): from 0 a rating of 1 would look like a third of 3. */}
            <YAxis domain={RATING_DOMAIN} ticks={RATING_TICKS} allowDataOverflow width={32} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : '–')} />
            <Legend itemSorter={null} />
            {data.series.map((series) => (
              <Bar
                key={series.key}
                className="compare-bar"
                dataKey={series.key}
                name={series.label}
                fill={series.colour}
                stroke="#1d2330"
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="compare-chart-caption" className="visually-hidden">
        Mean rating per rubric area of {data.series.map((series) => series.label).join(', ')}, on
        the 1 to 4 scale. The table below gives the same numbers with every interviewer's rating.
      </figcaption>
    </figure>
  )
}
