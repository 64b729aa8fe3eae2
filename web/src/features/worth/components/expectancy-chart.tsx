import type { Ref } from 'react'
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ErrorBar,
  Legend,
  ResponsiveContainer,
  Scatter,
  XAxis,
  YAxis,
} from 'recharts'
import '../../../components/charts.css'
import { PALETTE } from '../../../lib/palette'
import type { ExpectancyRow } from './worth-data'

const percent = (value: number) => `${String(Math.round(value * 100))}%`
const HEIGHT = 320

interface Props {
  rows: ExpectancyRow[]
  /** Whether observed shares are drawn (else only the composite's curve, for a restricted viewer). */
  observed: boolean
  caption: string
  ref?: Ref<HTMLElement>
}

/**
 * Share of hires who stayed per composite band (bars, with Wilson 95% intervals), the model's
 * expectation beside each, and the composite's own logistic curve read at each band (diamonds).
 */
export function ExpectancyChart({ rows, observed, caption, ref }: Props) {
  return (
    <figure ref={ref} className="expectancy-chart">
      <p className="expectancy-chart__axes">
        Stayed twelve months (vertical) by band of the composite score (horizontal)
      </p>
      <div style={{ height: HEIGHT }}>
        <ResponsiveContainer initialDimension={{ width: 600, height: HEIGHT }}>
          <ComposedChart data={rows} margin={{ top: 12, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={percent} />
            <Legend />
            {observed && (
              <Bar
                dataKey="observed"
                name="Stayed (95% interval)"
                fill={PALETTE.bluishGreen}
                isAnimationActive={false}
              >
                <ErrorBar
                  dataKey="errorY"
                  width={8}
                  strokeWidth={2}
                  stroke="#3b4150"
                  isAnimationActive={false}
                />
              </Bar>
            )}
            {observed && (
              <Bar
                dataKey="expected"
                name="Model's expectation"
                fill={PALETTE.skyBlue}
                stroke={PALETTE.blue}
                isAnimationActive={false}
              />
            )}
            <Scatter
              dataKey="curve"
              name="Composite's curve"
              fill={PALETTE.vermilion}
              shape="diamond"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
