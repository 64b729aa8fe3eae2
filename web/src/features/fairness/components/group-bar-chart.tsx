import type { ReactNode, Ref } from 'react'
import {
  Bar,
  type BarShapeProps,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts'
import { PALETTE } from '../../../lib/palette'
import type { BarChartData, GroupBar, ImpactKind } from './fairness-data'

export const KIND_STYLE: Record<ImpactKind, { colour: string; label: string }> = {
  reference: { colour: PALETTE.grey, label: 'Reference group (highest rate)' },
  at_or_above: { colour: PALETTE.blue, label: 'At or above four-fifths' },
  below: { colour: PALETTE.vermilion, label: 'Below four-fifths (labelled “below ⅘”)' },
}

interface Props {
  name: string
  data: BarChartData
  axisLabel: string
  format: (value: number) => string
  /** Lines across the bars, each labelled, e.g. the four-fifths threshold. */
  references?: { value: number; label: string }[]
  caption: ReactNode
  ref?: Ref<HTMLElement>
}

/** One horizontal bar per group, its value printed at the end and its kind in colour and words. */
export function GroupBarChart({
  name,
  data,
  axisLabel,
  format,
  references = [],
  caption,
  ref,
}: Props) {
  const kinds = (Object.keys(KIND_STYLE) as ImpactKind[]).filter((kind) =>
    data.bars.some((bar) => bar.kind === kind),
  )
  return (
    <figure
      ref={ref}
      className="group-bar-chart"
      aria-labelledby={`${name}-caption`}
      data-chart={name}
    >
      <div className="chart-legend" aria-hidden="true">
        {kinds.map((kind) => (
          <span key={kind} className="chart-legend__item">
            <svg width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" fill={KIND_STYLE[kind].colour} />
            </svg>
            {KIND_STYLE[kind].label}
          </span>
        ))}
        {references.map((reference) => (
          <span key={reference.label} className="chart-legend__item">
            <svg width="18" height="14" viewBox="0 0 18 14">
              <line
                x1="9"
                x2="9"
                y1="0"
                y2="14"
                stroke={PALETTE.black}
                strokeDasharray="3 2"
                strokeWidth="2"
              />
            </svg>
            {reference.label}
          </span>
        ))}
      </div>
      <div style={{ width: '100%', height: 80 + data.bars.length * 44 }}>
        <ResponsiveContainer initialDimension={{ width: 520, height: 240 }}>
          <BarChart
            data={data.bars}
            layout="vertical"
            margin={{ top: 16, right: 24, bottom: 24, left: 4 }}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={data.domain}
              ticks={data.ticks}
              tickFormatter={format}
              label={{ value: axisLabel, position: 'bottom', offset: 4 }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={150}
              interval={0}
              tick={{ fontSize: 12 }}
            />
            <Bar
              dataKey="value"
              className="group-bar"
              isAnimationActive={false}
              barSize={22}
              shape={(props: BarShapeProps) => {
                const bar = props.payload as GroupBar
                return (
                  <Rectangle {...props} fill={KIND_STYLE[bar.kind].colour} data-kind={bar.kind} />
                )
              }}
            >
              <LabelList dataKey="text" position="right" fontSize={12} fill={PALETTE.black} />
            </Bar>
            {references.map((reference) => (
              <ReferenceLine
                key={reference.label}
                x={reference.value}
                stroke={PALETTE.black}
                strokeDasharray="4 3"
                strokeWidth={2}
                label={{ value: reference.label, position: 'top', fontSize: 12 }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id={`${name}-caption`}>
        {caption}
        {data.missing.length > 0 && <> Not shown, no value: {data.missing.join(', ')}.</>}
      </figcaption>
    </figure>
  )
}
