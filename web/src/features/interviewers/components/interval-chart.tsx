import type { Ref } from 'react'
import { IntervalPlot } from '../../../components/interval-plot'
import type { Marker } from '../../../lib/interval-plot-layout'
import type { IntervalChartData } from './interviewers-data'

export type MarkerShape = Marker | 'ring'

export interface KindStyle {
  colour: string
  shape: MarkerShape
  label: string
}

interface Props<Kind extends string> {
  data: IntervalChartData<Kind>
  styles: Record<Kind, KindStyle>
  /** Where the line of "no difference" or "chance" is drawn. */
  reference: { value: number; label: string }
  axisLabel: string
  format: (value: number) => string
  caption: string
  name: string
  ref?: Ref<HTMLElement>
}

/** A dot per interviewer with its interval, marker shape and colour by what it shows. */
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
  const kinds = (Object.keys(styles) as Kind[]).filter((kind) =>
    data.points.some((point) => point.kind === kind),
  )
  return (
    <div className="interval-chart" data-chart={name}>
      <IntervalPlot
        ref={ref}
        rows={data.rows}
        series={kinds.map((kind) => ({
          key: kind,
          label: styles[kind].label,
          colour: styles[kind].colour,
          // A ring is an outlined circle: the estimate is there but not to be read.
          marker: styles[kind].shape === 'ring' ? 'circle' : styles[kind].shape,
          estimates: Object.fromEntries(
            data.points
              .filter((point) => point.kind === kind)
              .map((point) => [
                point.key,
                { value: point.estimate, ci: point.ci, hollow: styles[kind].shape === 'ring' },
              ]),
          ),
        }))}
        axis={data.axis}
        reference={reference}
        axisLabel={axisLabel}
        format={format}
        caption={caption}
        stacked={false}
        rowHeight={24}
        legend
      />
      <p className="interval-chart__note">
        {caption}
        {data.missing.length > 0 && <> Not shown, no estimate: {data.missing.join(', ')}.</>}
      </p>
    </div>
  )
}
