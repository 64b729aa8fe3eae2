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
import { formatCorrelation } from '../../../lib/format'
import type { AreaValidity } from '../api/get-validity'
import { forestPlotData, type ForestPoint, type ForestSeries } from './forest-plot-data'

// Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
export const SERIES_STYLE: Record<ForestSeries, { colour: string; label: string }> = {
  observed: { colour: '#0072B2', label: 'Observed r among hires' },
  corrected: { colour: '#D55E00', label: 'Corrected for range restriction' },
}
const INSUFFICIENT_COLOUR = '#9a9a9a'

interface MarkerProps {
  cx?: number
  cy?: number
  payload?: ForestPoint
}

function marker(series: ForestSeries) {
  return function Marker({ cx = 0, cy = 0, payload }: MarkerProps) {
    const colour = payload?.insufficient ? INSUFFICIENT_COLOUR : SERIES_STYLE[series].colour
    const common = {
      fill: colour,
      stroke: '#fff',
      strokeWidth: 1,
      'data-series': series,
      'data-area': payload?.areaKey,
    }
    return series === 'observed' ? (
      <circle cx={cx} cy={cy} r={6} {...common} />
    ) : (
      <path d={`M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z`} {...common} />
    )
  }
}

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean
  payload?: { payload: ForestPoint }[]
}) {
  const entry = payload?.[0]?.payload
  if (!active || !entry) return null
  return (
    <div className="chart-tooltip">
      <strong>{entry.areaName}</strong>
      <span>
        {SERIES_STYLE[entry.series].label}: r = {formatCorrelation(entry.r)} (95% CI{' '}
        {formatCorrelation(entry.ci[0])} to {formatCorrelation(entry.ci[1])})
      </span>
      {entry.insufficient && <span>Fewer than 30 hires: read with caution.</span>}
    </div>
  )
}

/** r of each area with retention, with its 95% interval, observed and range-corrected. */
export function ForestPlot({ areas }: { areas: readonly AreaValidity[] }) {
  const data = forestPlotData(areas)
  const height = 70 + areas.length * 62
  return (
    <figure className="forest-plot" aria-labelledby="forest-plot-caption">
      <div className="chart-legend" aria-hidden="true">
        {(['observed', 'corrected'] as const).map((series) => (
          <span key={series} className={`chart-legend__item chart-legend__item--${series}`}>
            <svg width="14" height="14" viewBox="-7 -7 14 14">
              {series === 'observed' ? (
                <circle r="6" fill={SERIES_STYLE[series].colour} />
              ) : (
                <path d="M0,-7L7,0L0,7L-7,0Z" fill={SERIES_STYLE[series].colour} />
              )}
            </svg>
            {SERIES_STYLE[series].label}
          </span>
        ))}
        <span className="chart-legend__item">
          <svg width="14" height="14" viewBox="-7 -7 14 14">
            <circle r="6" fill={INSUFFICIENT_COLOUR} />
          </svg>
          Fewer than 30 hires
        </span>
      </div>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer>
          <ScatterChart margin={{ top: 10, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="r"
              domain={data.domain}
              ticks={data.xTicks}
              tickFormatter={(value: number) => formatCorrelation(value)}
              label={{
                value: 'Correlation with twelve-month retention (r)',
                position: 'bottom',
                offset: 8,
              }}
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[-0.5, areas.length - 0.5]}
              ticks={data.ticks}
              reversed
              width={210}
              interval={0}
              tickFormatter={(index: number) => data.labels[index] ?? ''}
            />
            <ReferenceLine x={0} stroke="#333" />
            <Tooltip content={<PointTooltip />} cursor={false} />
            {(['observed', 'corrected'] as const).map((series) => (
              <Scatter
                key={series}
                name={SERIES_STYLE[series].label}
                data={data[series]}
                shape={marker(series)}
                isAnimationActive={false}
              >
                <ErrorBar
                  dataKey="errorX"
                  direction="x"
                  width={6}
                  strokeWidth={2}
                  stroke={SERIES_STYLE[series].colour}
                  isAnimationActive={false}
                />
              </Scatter>
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption id="forest-plot-caption">
        Each area's correlation with staying twelve months, with its 95% confidence interval. An
        interval that crosses zero is consistent with no relation. The corrected estimate undoes the
        narrowing caused by hiring only high scorers (Thorndike Case II).
        {data.missing.length > 0 && (
          <>
            {' '}
            Not shown: {data.missing.map((entry) => `${entry.name} (${entry.reason})`).join('; ')}
          </>
        )}
      </figcaption>
    </figure>
  )
}
