import type { Ref } from 'react'
import {
  intervalPlotLayout,
  type IntervalPlotOptions,
  type IntervalRow,
  type IntervalSeries,
  type Marker,
} from '../lib/interval-plot-layout'
import { PALETTE } from '../lib/palette'
import { useMeasuredWidth } from '../lib/use-measured-width'
import { SvgLabel } from './svg-label'

interface Props extends IntervalPlotOptions {
  rows: readonly IntervalRow[]
  series: readonly IntervalSeries[]
  /** A vertical line to read against: no effect (0 or 1), or a benchmark. */
  reference?: { value: number; label: string }
  axisLabel: string
  format: (value: number) => string
  caption: string
  /** The legend's words for greyed rows, shown when some row is greyed. */
  mutedLabel?: string
  /** Show the legend even for one series (by default only for two or more). */
  legend?: boolean
  className?: string
  ref?: Ref<HTMLElement>
}

function MarkerShape({
  marker,
  x,
  y,
  fill,
  hollow = false,
}: {
  marker: Marker
  x: number
  y: number
  fill: string
  hollow?: boolean | undefined
}) {
  const common = hollow
    ? { fill: '#fff', stroke: fill, strokeWidth: 2 }
    : { fill, stroke: '#fff', strokeWidth: 1 }
  switch (marker) {
    case 'circle':
      return <circle cx={x} cy={y} r={5.5} {...common} />
    case 'square':
      return <rect x={x - 5} y={y - 5} width={10} height={10} {...common} />
    case 'diamond':
      return <path d={`M${x},${y - 7}L${x + 7},${y}L${x},${y + 7}L${x - 7},${y}Z`} {...common} />
    case 'triangle':
      return <path d={`M${x},${y - 7}L${x + 7},${y + 5}L${x - 7},${y + 5}Z`} {...common} />
  }
}

function LegendMarker({
  marker,
  colour,
  hollow = false,
}: {
  marker: Marker
  colour: string
  hollow?: boolean
}) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <MarkerShape marker={marker} x={8} y={8} fill={colour} hollow={hollow} />
    </svg>
  )
}

/** A series all of whose estimates are outlined shows an outline in the legend too. */
const allHollow = (series: IntervalSeries) => {
  const estimates = Object.values(series.estimates)
  return estimates.length > 0 && estimates.every((estimate) => estimate.hollow)
}

/**
 * Estimates with their intervals, a row per item and a marker shape per series, drawn as plain
 * SVG: the home view needs no charting library, which keeps its first load small.
 */
export function IntervalPlot({
  rows,
  series,
  reference,
  axisLabel,
  format,
  caption,
  mutedLabel,
  legend = false,
  className,
  ref,
  ...options
}: Props) {
  // Drawn for the room there is, one unit a pixel, so text keeps its size on a phone.
  const [room, measuredWidth] = useMeasuredWidth(options.width ?? 720)
  const layout = intervalPlotLayout(rows, series, {
    ...options,
    width: measuredWidth,
    include: [...(options.include ?? []), ...(reference ? [reference.value] : [])],
  })
  const mutedRows = new Set(rows.filter((row) => row.muted).map((row) => row.key))
  const showMuted = mutedLabel !== undefined && mutedRows.size > 0
  const seriesByKey = new Map(series.map((entry) => [entry.key, entry]))
  const axisY = layout.plotBottom
  return (
    <figure ref={ref} className={['interval-plot', className].filter(Boolean).join(' ')}>
      {(legend || series.length > 1 || showMuted) && (
        <div className="chart-legend" aria-hidden="true">
          {series.map((entry) => (
            <span key={entry.key} className="chart-legend__item">
              <LegendMarker marker={entry.marker} colour={entry.colour} hollow={allHollow(entry)} />
              {entry.label}
            </span>
          ))}
          {showMuted && (
            <span className="chart-legend__item">
              <LegendMarker marker={series[0]?.marker ?? 'circle'} colour={PALETTE.grey} />
              {mutedLabel}
            </span>
          )}
        </div>
      )}
      <div ref={room} className="chart-room">
        <svg
          className="interval-plot__drawing"
          viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
          width={layout.width}
          height={layout.height}
          role="img"
          aria-label={caption}
        >
          {layout.ticks.map((tick) => (
            <g key={tick.value}>
              <line
                x1={tick.x}
                x2={tick.x}
                y1={layout.plotTop}
                y2={axisY}
                stroke="#dde1e8"
                strokeDasharray="3 3"
              />
              <text x={tick.x} y={axisY + 16} textAnchor="middle" fontSize="12" fill="#5b6475">
                {format(tick.value)}
              </text>
            </g>
          ))}
          <line x1={layout.plotLeft} x2={layout.plotRight} y1={axisY} y2={axisY} stroke="#5b6475" />
          <text
            x={(layout.plotLeft + layout.plotRight) / 2}
            y={axisY + 34}
            textAnchor="middle"
            fontSize="12"
            fill="#1d2330"
          >
            {axisLabel}
          </text>
          {reference && (
            <g className="interval-plot__reference">
              <line
                x1={layout.toX(reference.value)}
                x2={layout.toX(reference.value)}
                y1={layout.plotTop}
                y2={axisY}
                stroke="#1d2330"
                strokeDasharray="5 3"
              />
              <title>{reference.label}</title>
            </g>
          )}
          {layout.rowBands.map(({ row, y }) => (
            <SvgLabel
              key={row.key}
              text={row.label}
              x={layout.plotLeft - 10}
              y={y}
              width={layout.labelChars}
              fill={row.muted ? PALETTE.grey : '#1d2330'}
            />
          ))}
          {layout.marks.map((mark) => {
            const entry = seriesByKey.get(mark.series)!
            const colour = mutedRows.has(mark.row) ? PALETTE.grey : entry.colour
            const estimate = entry.estimates[mark.row]!
            const row = rows.find((candidate) => candidate.key === mark.row)!
            return (
              <g
                key={`${mark.row}-${mark.series}`}
                className="interval-plot__mark"
                data-series={mark.series}
                data-row={mark.row}
              >
                <title>
                  {`${row.label} · ${entry.label}: ${format(estimate.value!)}${
                    estimate.ci
                      ? ` (95% CI ${format(estimate.ci[0])} to ${format(estimate.ci[1])})`
                      : ''
                  }${row.muted ? ' · too few cases to read' : ''}`}
                </title>
                {mark.ci && (
                  <>
                    <line
                      x1={mark.ci[0]}
                      x2={mark.ci[1]}
                      y1={mark.y}
                      y2={mark.y}
                      stroke={colour}
                      strokeWidth={2}
                    />
                    {/* An interval running past the axis ends in an arrow, not a cut. */}
                    {mark.clippedLow && (
                      <path
                        d={`M${String(mark.ci[0] + 7)},${String(mark.y - 4)}L${String(mark.ci[0])},${String(mark.y)}L${String(mark.ci[0] + 7)},${String(mark.y + 4)}`}
                        fill="none"
                        stroke={colour}
                        strokeWidth={2}
                      />
                    )}
                    {mark.clippedHigh && (
                      <path
                        d={`M${String(mark.ci[1] - 7)},${String(mark.y - 4)}L${String(mark.ci[1])},${String(mark.y)}L${String(mark.ci[1] - 7)},${String(mark.y + 4)}`}
                        fill="none"
                        stroke={colour}
                        strokeWidth={2}
                      />
                    )}
                  </>
                )}
                <MarkerShape
                  marker={entry.marker}
                  x={mark.x}
                  y={mark.y}
                  fill={colour}
                  hollow={estimate.hollow}
                />
              </g>
            )
          })}
        </svg>
      </div>
      <figcaption className="visually-hidden">{caption}</figcaption>
    </figure>
  )
}
