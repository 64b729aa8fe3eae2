import type { Ref } from 'react'
import { IntervalPlot } from '../../../components/interval-plot'
import type { IntervalSeries, Marker } from '../../../lib/interval-plot-layout'
import { PALETTE } from '../../../lib/palette'
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
  /** How the legend names the shrunk estimate drawn beside each raw one. */
  shrunkLabel: string
  /** Said before the names of the rows with no estimate. */
  missingNote: string
  ref?: Ref<HTMLElement>
}

/**
 * A dot per interviewer with its interval, marker shape and colour by what it shows, and a
 * triangle on the same line where empirical Bayes puts the estimate.
 */
export function IntervalChart<Kind extends string>({
  data,
  styles,
  reference,
  axisLabel,
  format,
  caption,
  name,
  shrunkLabel,
  missingNote,
  ref,
}: Props<Kind>) {
  const kinds = (Object.keys(styles) as Kind[]).filter((kind) =>
    data.points.some((point) => point.kind === kind),
  )
  const shrunk = data.points.filter((point) => point.shrunk !== null)
  const shrunkSeries: IntervalSeries[] =
    shrunk.length === 0
      ? []
      : [
          {
            key: 'shrunk',
            label: shrunkLabel,
            colour: PALETTE.orange,
            marker: 'triangle',
            estimates: Object.fromEntries(
              shrunk.map((point) => [point.key, { value: point.shrunk, ci: null }]),
            ),
          },
        ]
  return (
    <div className="interval-chart" data-chart={name}>
      <IntervalPlot
        ref={ref}
        rows={data.rows}
        series={[
          ...kinds.map((kind): IntervalSeries => ({
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
          })),
          ...shrunkSeries,
        ]}
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
        {data.missing.length > 0 && (
          <>
            {' '}
            {missingNote}: {data.missing.join(', ')}.
          </>
        )}
      </p>
    </div>
  )
}
