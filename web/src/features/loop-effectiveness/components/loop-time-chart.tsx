import type { Ref } from 'react'
import { SvgLabel } from '../../../components/svg-label'
import { formatCorrelation, formatPercent } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import { TYPICAL_OWNERSHIP_SHARE, type LoopTimeBar, type LoopTimeChartData } from './loop-time-data'

const SHARE_COLOUR = PALETTE.blue
const VALIDITY_COLOUR = PALETTE.vermilion
const WIDTH = 720
const LABEL_WIDTH = 190
const PLOT_LEFT = LABEL_WIDTH + 10
const PLOT_RIGHT = WIDTH - 96
const AXIS_HEIGHT = 40
const ROW_HEIGHT = 60
const BAR_HEIGHT = 16

/** Stripes tell the validity bars from the time bars without relying on colour. */
function Stripes({ id, colour }: { id: string; colour: string }) {
  return (
    <pattern
      id={id}
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill={colour} fillOpacity="0.35" />
      <line x1="0" y1="0" x2="0" y2="6" stroke={colour} strokeWidth="3" />
    </pattern>
  )
}

const shareLabel = (bar: LoopTimeBar) => (bar.hasMinutes ? formatPercent(bar.share) : 'no minutes')

const validityLabel = (bar: LoopTimeBar) => {
  if (!bar.validityKnown) return 'not computable'
  return `r ${formatCorrelation(bar.validity)}${bar.insufficient ? ' (too few hires)' : ''}`
}

const scale =
  ([from, to]: [number, number]) =>
  (value: number) =>
    PLOT_LEFT + ((value - from) / (to - from || 1)) * (PLOT_RIGHT - PLOT_LEFT)

/** Per area, the share of interview minutes (top axis) beside its corrected r (bottom axis). */
export function LoopTimeChart({ data, ref }: { data: LoopTimeChartData; ref?: Ref<HTMLElement> }) {
  const shareX = scale(data.shareDomain)
  const validityX = scale(data.validityDomain)
  const top = AXIS_HEIGHT
  const bottom = top + data.bars.length * ROW_HEIGHT
  const height = bottom + AXIS_HEIGHT
  const [typicalLow, typicalHigh] = TYPICAL_OWNERSHIP_SHARE
  return (
    <figure ref={ref} className="loop-time-chart" aria-labelledby="loop-time-caption">
      <div className="chart-legend" aria-hidden="true">
        <span className="chart-legend__item">
          <svg width="18" height="12" viewBox="0 0 18 12">
            <rect width="18" height="12" fill={SHARE_COLOUR} />
          </svg>
          Share of interview minutes (top axis)
        </span>
        <span className="chart-legend__item">
          <svg width="18" height="12" viewBox="0 0 18 12">
            <defs>
              <Stripes id="loop-time-legend-stripes" colour={VALIDITY_COLOUR} />
            </defs>
            <rect width="18" height="12" fill="url(#loop-time-legend-stripes)" />
          </svg>
          Correlation with staying, corrected (bottom axis)
        </span>
        <span className="chart-legend__item">
          <svg width="18" height="12" viewBox="0 0 18 12">
            <rect
              width="18"
              height="12"
              fill={PALETTE.skyBlue}
              fillOpacity="0.25"
              stroke={PALETTE.blue}
              strokeDasharray="4 3"
            />
          </svg>
          Typical share for ownership, {formatPercent(typicalLow)}–{formatPercent(typicalHigh)}
        </span>
      </div>
      <svg
        className="loop-time-chart__drawing"
        viewBox={`0 0 ${String(WIDTH)} ${String(height)}`}
        width="100%"
        role="img"
        aria-labelledby="loop-time-caption"
      >
        <defs>
          <Stripes id="loop-time-stripes" colour={VALIDITY_COLOUR} />
          <Stripes id="loop-time-stripes-insufficient" colour={PALETTE.grey} />
        </defs>
        <rect
          x={shareX(typicalLow)}
          width={shareX(typicalHigh) - shareX(typicalLow)}
          y={top}
          height={bottom - top}
          fill={PALETTE.skyBlue}
          fillOpacity={0.12}
          stroke={PALETTE.blue}
          strokeDasharray="4 3"
        />
        <g className="loop-time-chart__axis" fontSize="12" fill="#5b6475">
          <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={top} y2={top} stroke="#5b6475" />
          {data.shareTicks.map((tick) => (
            <text key={tick} x={shareX(tick)} y={top - 8} textAnchor="middle">
              {formatPercent(tick)}
            </text>
          ))}
          <text x={PLOT_RIGHT} y={12} textAnchor="end" fill="#1d2330">
            Share of interview minutes
          </text>
          <line x1={PLOT_LEFT} x2={PLOT_RIGHT} y1={bottom} y2={bottom} stroke="#5b6475" />
          {data.validityTicks.map((tick) => (
            <g key={tick}>
              <line
                x1={validityX(tick)}
                x2={validityX(tick)}
                y1={top}
                y2={bottom}
                stroke="#dde1e8"
                strokeDasharray="3 3"
              />
              <text x={validityX(tick)} y={bottom + 16} textAnchor="middle">
                {formatCorrelation(tick)}
              </text>
            </g>
          ))}
          <text x={PLOT_RIGHT} y={bottom + 34} textAnchor="end" fill="#1d2330">
            Correlation with staying, corrected (r)
          </text>
        </g>
        <line x1={validityX(0)} x2={validityX(0)} y1={top} y2={bottom} stroke="#333" />
        {data.bars.map((bar, index) => {
          const y = top + index * ROW_HEIGHT + 8
          const validityEnd = validityX(bar.validity)
          const validityStart = validityX(0)
          return (
            <g key={bar.key} className="loop-time-chart__area" data-area={bar.key}>
              <SvgLabel text={bar.name} x={LABEL_WIDTH} y={y + BAR_HEIGHT + 4} />
              <rect
                data-series="share"
                data-area={bar.key}
                x={PLOT_LEFT}
                y={y}
                width={Math.max(0, shareX(bar.share) - PLOT_LEFT)}
                height={BAR_HEIGHT}
                fill={SHARE_COLOUR}
              />
              <text x={shareX(bar.share) + 4} y={y + 12} fontSize="12" fill="#1d2330">
                {shareLabel(bar)}
              </text>
              <rect
                data-series="validity"
                data-area={bar.key}
                x={Math.min(validityStart, validityEnd)}
                y={y + BAR_HEIGHT + 8}
                width={Math.abs(validityEnd - validityStart)}
                height={BAR_HEIGHT}
                fill={
                  bar.insufficient
                    ? 'url(#loop-time-stripes-insufficient)'
                    : 'url(#loop-time-stripes)'
                }
                stroke={bar.insufficient ? PALETTE.grey : VALIDITY_COLOUR}
              />
              <text
                x={Math.max(validityStart, validityEnd) + 4}
                y={y + BAR_HEIGHT + 20}
                fontSize="12"
                fill="#1d2330"
              >
                {validityLabel(bar)}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption id="loop-time-caption">
        Where the loop's time goes beside what each area predicts. Typical loops spend{' '}
        {formatPercent(typicalLow)}–{formatPercent(typicalHigh)} of their technical time on
        ownership and lifetimes (the shaded band); time is worth spending where the correlation is
        high. Grey striped bars have fewer than 30 hires with a known outcome.
      </figcaption>
    </figure>
  )
}
