import type { ReactNode, Ref } from 'react'
import {
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { IntervalChartData, IntervalPoint } from './interviewers-data'

export type MarkerShape = 'circle' | 'diamond' | 'square' | 'ring'

export interface KindStyle {
  colour: string
  shape: MarkerShape
  label: string
}

const ROW_HEIGHT = 24

function MarkerPath({
  shape,
  colour,
  cx,
  cy,
}: {
  shape: MarkerShape
  colour: string
  cx: number
  cy: number
}) {
  switch (shape) {
    case 'circle':
      return <circle cx={cx} cy={cy} r={5} fill={colour} stroke="#fff" strokeWidth={1} />
    case 'ring':
      return <circle cx={cx} cy={cy} r={4.5} fill="#fff" stroke={colour} strokeWidth={2} />
    case 'square':
      return <rect x={cx - 5} y={cy - 5} width={10} height={10} fill={colour} stroke="#fff" />
    case 'diamond':
      return (
        <path
          d={`M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`}
          fill={colour}
          stroke="#fff"
        />
      )
  }
}

function PointTooltip<Kind extends string>({
  active,
  payload,
  styles,
  format,
}: {
  active?: boolean
  payload?: { payload: IntervalPoint<Kind> }[]
  styles: Record<Kind, KindStyle>
  format: (value: number) => string
}) {
  const point = payload?.[0]?.payload
  if (!active || !point) return null
  return (
    <div className="chart-tooltip">
      <strong>{point.label}</strong>
      <span>
        {format(point.estimate)}
        {point.ci && ` (95% CI ${format(point.ci[0])} to ${format(point.ci[1])})`}
      </span>
      <span>{styles[point.kind].label}</span>
    </div>
  )
}

interface Props<Kind extends string> {
  data: IntervalChartData<Kind>
  styles: Record<Kind, KindStyle>
  /** Where the line of "no difference" or "chance" is drawn. */
  reference: number
  axisLabel: string
  format: (value: number) => string
  caption: ReactNode
  name: string
  ref?: Ref<HTMLElement>
}

/** A dot per row with its interval as a whisker, marker shape and colour by what it shows. */
export function IntervalChart<Kind extends string>({
  data,
  styles,
  reference,
  axisLabel,
  format,
  caption,
  name,
  ref,
}: Props<Kind>) {
  const kinds = Object.keys(styles) as Kind[]
  const series = kinds
    .map((kind) => ({ kind, points: data.points.filter((point) => point.kind === kind) }))
    .filter((entry) => entry.points.length > 0)
  const captionId = `${name}-caption`
  return (
    <figure ref={ref} className="interval-chart" aria-labelledby={captionId} data-chart={name}>
      <div className="chart-legend" aria-hidden="true">
        {series.map(({ kind }) => (
          <span key={kind} className="chart-legend__item">
            <svg width="16" height="16" viewBox="-8 -8 16 16">
              <MarkerPath shape={styles[kind].shape} colour={styles[kind].colour} cx={0} cy={0} />
            </svg>
            {styles[kind].label}
          </span>
        ))}
      </div>
      <div style={{ width: '100%', height: 70 + data.labels.length * ROW_HEIGHT }}>
        <ResponsiveContainer initialDimension={{ width: 520, height: 400 }}>
          <ScatterChart margin={{ top: 8, right: 20, bottom: 28, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="estimate"
              domain={data.domain}
              ticks={data.ticks}
              allowDataOverflow
              tickFormatter={format}
              label={{ value: axisLabel, position: 'bottom', offset: 8 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[-0.5, data.labels.length - 0.5]}
              ticks={data.labels.map((_, index) => index)}
              reversed
              width={150}
              interval={0}
              tick={{ fontSize: 12 }}
              tickFormatter={(index: number) => data.labels[index] ?? ''}
            />
            <ReferenceLine x={reference} stroke="#333" />
            <Tooltip content={<PointTooltip styles={styles} format={format} />} cursor={false} />
            {series.map(({ kind, points }) => (
              <Scatter
                key={kind}
                className={`interval-series interval-series--${kind}`}
                name={styles[kind].label}
                data={points}
                shape={({ cx = 0, cy = 0 }: { cx?: number; cy?: number }) => (
                  <MarkerPath
                    shape={styles[kind].shape}
                    colour={styles[kind].colour}
                    cx={cx}
                    cy={cy}
                  />
                )}
                isAnimationActive={false}
              >
                <ErrorBar
                  dataKey="errorX"
                  direction="x"
                  width={5}
                  strokeWidth={2}
                  stroke={styles[kind].colour}
                  isAnimationActive={false}
                />
              </Scatter>
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption id={captionId}>
        {caption}
        {data.missing.length > 0 && <> Not shown, no estimate: {data.missing.join(', ')}.</>}
      </figcaption>
    </figure>
  )
}
