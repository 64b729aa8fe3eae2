import {
  Bar,
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'
import type { Ref } from 'react'
import { tickWidth, TwoLineTick } from './chart-tick'
import { referenceLines } from './chart-references'
import './charts.css'
import type { ChartReference } from '../lib/chart-reference'
import type { NiceScale } from '../lib/nice-scale'

/** min and max are null where they are withheld (each is one person's value): no whiskers. */
export interface BoxSummary {
  n: number
  min: number | null
  q1: number
  median: number
  q3: number
  max: number | null
}

/** The ends a box spans: its whiskers, or the box itself where they are withheld. */
const spanOf = (box: BoxSummary): [number, number] => [box.min ?? box.q1, box.max ?? box.q3]

export interface BoxSeries {
  key: string
  label: string
  colour: string
  /** The median's marker, so the series differ by shape as well as colour. */
  marker: 'circle' | 'diamond'
}

export interface BoxPlotGroup {
  key: string
  label: string
  /** Said under the label, such as the group's count. */
  note: string
  boxes: Record<string, BoxSummary | null>
  /** A range drawn behind the group's boxes, such as a benchmark band, named on the chart. */
  backdrop: { low: number; high: number; label: string } | null
}

export interface BoxPlotData {
  series: BoxSeries[]
  groups: BoxPlotGroup[]
  scale: NiceScale
  references: ChartReference[]
  /** What the backdrops are, for the legend, e.g. "Benchmark band"; null without backdrops. */
  backdropName: string | null
}

interface BoxShapeProps {
  x?: number
  y?: number
  width?: number
  height?: number
  payload?: BoxPlotGroup
}

function MedianMarker({
  marker,
  cx,
  cy,
  colour,
}: {
  marker: BoxSeries['marker']
  cx: number
  cy: number
  colour: string
}) {
  return marker === 'circle' ? (
    <circle cx={cx} cy={cy} r={5} fill={colour} stroke="#fff" strokeWidth={1.5} />
  ) : (
    <path
      d={`M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`}
      fill={colour}
      stroke="#fff"
      strokeWidth={1.5}
    />
  )
}

/** One box: whiskers from min to max, the box from q1 to q3, the median as a marker. */
function boxShape(series: BoxSeries, format: (value: number) => string) {
  return function BoxShape({ x = 0, y = 0, width = 0, height = 0, payload }: BoxShapeProps) {
    const box = payload?.boxes[series.key]
    if (!box) return null
    const [low, high] = spanOf(box)
    const at = (value: number) => (high === low ? x : x + ((value - low) / (high - low)) * width)
    const middle = y + height / 2
    const boxHeight = Math.min(height * 0.7, 22)
    const whiskers = box.min !== null && box.max !== null
    const range = whiskers
      ? `range ${format(box.min!)} to ${format(box.max!)}`
      : 'smallest and largest withheld'
    return (
      <g className="box-plot__box" data-series={series.key} data-group={payload.key}>
        <title>
          {`${payload.label} (${payload.note}), ${series.label}: median ${format(box.median)}, middle half ${format(box.q1)} to ${format(box.q3)}, ${range}`}
        </title>
        {whiskers && (
          <>
            <line
              x1={x}
              x2={x + width}
              y1={middle}
              y2={middle}
              stroke={series.colour}
              strokeWidth={1.5}
            />
            {[x, x + width].map((end) => (
              <line
                key={end}
                x1={end}
                x2={end}
                y1={middle - 5}
                y2={middle + 5}
                stroke={series.colour}
                strokeWidth={1.5}
              />
            ))}
          </>
        )}
        <rect
          x={at(box.q1)}
          y={middle - boxHeight / 2}
          width={Math.max(1, at(box.q3) - at(box.q1))}
          height={boxHeight}
          fill={series.colour}
          fillOpacity={0.25}
          stroke={series.colour}
          strokeWidth={1.5}
        />
        <MedianMarker
          marker={series.marker}
          cx={at(box.median)}
          cy={middle}
          colour={series.colour}
        />
      </g>
    )
  }
}

// About the width of one character of the 11 px label, to cut a source that does not fit.
const LABEL_CHARACTER_WIDTH = 5.8

/** The backdrop's name written inside its top edge, shortened with an ellipsis to fit. */
function BackdropLabel({
  text,
  viewBox,
}: {
  text: string
  viewBox?: { x?: number; y?: number; width?: number; height?: number }
}) {
  const { x = 0, y = 0, width = 0 } = viewBox ?? {}
  const fits = Math.floor((width - 8) / LABEL_CHARACTER_WIDTH)
  if (fits < 4) return null
  const shown = text.length > fits ? `${text.slice(0, fits - 1)}…` : text
  return (
    <text x={x + 4} y={y + 11} fontSize={11} fill="#3b4150" className="box-plot__backdrop-label">
      <title>{text}</title>
      {shown}
    </text>
  )
}

function BoxPlotLegend({
  series,
  backdropName,
}: {
  series: readonly BoxSeries[]
  backdropName: string | null
}) {
  return (
    <div className="chart-legend" aria-hidden="true">
      {backdropName !== null && (
        <span className="chart-legend__item">
          <svg width="34" height="14" viewBox="0 0 34 14">
            <rect
              x="1"
              y="1"
              width="32"
              height="12"
              fill="#9a9a9a"
              fillOpacity="0.18"
              stroke="#6b6b6b"
              strokeDasharray="4 3"
            />
          </svg>
          {backdropName}
        </span>
      )}
      {series.map((entry) => (
        <span key={entry.key} className="chart-legend__item">
          <svg width="34" height="14" viewBox="0 0 34 14">
            <line x1="1" x2="33" y1="7" y2="7" stroke={entry.colour} strokeWidth="1.5" />
            <rect
              x="8"
              y="2"
              width="18"
              height="10"
              fill={entry.colour}
              fillOpacity="0.25"
              stroke={entry.colour}
            />
            <MedianMarker marker={entry.marker} cx={17} cy={7} colour={entry.colour} />
          </svg>
          {entry.label}
        </span>
      ))}
    </div>
  )
}

interface Props {
  data: BoxPlotData
  axisLabel: string
  format: (value: number) => string
  /** Says in words what the chart shows, for screen readers and under the chart. */
  caption: string
  className?: string
  ref?: Ref<HTMLElement>
}

/**
 * Distributions per group as horizontal box plots, one box per series, on one shared axis,
 * with reference lines (benchmarks) and optional backdrop ranges per group.
 */
export function BoxPlotChart({ data, axisLabel, format, caption, className, ref }: Props) {
  const withBackdrops = data.groups.some((group) => group.backdrop !== null)
  const rowHeight = data.series.length > 1 || withBackdrops ? 64 : 48
  const height = 60 + data.groups.length * rowHeight
  const labelWidth = tickWidth(data.groups.map((group) => group.label))
  return (
    <figure ref={ref} className={`box-plot ${className ?? ''}`}>
      <BoxPlotLegend series={data.series} backdropName={data.backdropName} />
      <div className="box-plot__plot" style={{ height }}>
        <ResponsiveContainer initialDimension={{ width: 600, height }}>
          <ComposedChart
            layout="vertical"
            data={data.groups}
            margin={{ top: 18, right: 24, bottom: 24, left: 4 }}
            barCategoryGap={withBackdrops ? '36%' : '18%'}
            barGap={2}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={data.scale.domain}
              ticks={data.scale.ticks}
              tickFormatter={format}
              allowDataOverflow
              label={{ value: axisLabel, position: 'bottom', offset: 6 }}
            />
            <YAxis
              type="category"
              dataKey="key"
              width={labelWidth}
              interval={0}
              tick={
                <TwoLineTick
                  linesOf={(key) => {
                    const group = data.groups.find((entry) => entry.key === key)
                    return { name: group?.label ?? String(key), note: group?.note ?? '' }
                  }}
                />
              }
            />
            {data.groups.flatMap((group) =>
              group.backdrop
                ? [
                    <ReferenceArea
                      key={`backdrop-${group.key}`}
                      className="box-plot__backdrop"
                      y1={group.key}
                      y2={group.key}
                      x1={group.backdrop.low}
                      x2={group.backdrop.high}
                      fill="#9a9a9a"
                      fillOpacity={0.18}
                      stroke="#6b6b6b"
                      strokeDasharray="4 3"
                      label={<BackdropLabel text={group.backdrop.label} />}
                      ifOverflow="hidden"
                    />,
                  ]
                : [],
            )}
            {referenceLines(data.references, data.scale.domain)}
            {data.series.map((series) => (
              <Bar
                key={series.key}
                className={`box-plot__series box-plot__series--${series.key}`}
                dataKey={(group: BoxPlotGroup) => {
                  const box = group.boxes[series.key]
                  return box ? spanOf(box) : null
                }}
                name={series.label}
                shape={boxShape(series, format)}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
