import type { Ref } from 'react'
import { SvgLabel } from '../../../components/svg-label'
import { formatCorrelation, formatPercent } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import { useMeasuredWidth } from '../../../lib/use-measured-width'
import { TYPICAL_OWNERSHIP_SHARE, type LoopTimeBar, type LoopTimeChartData } from './loop-time-data'
import { loopTimeLayout, type Panel } from './loop-time-layout'

const SHARE_COLOUR = PALETTE.blue
const VALIDITY_COLOUR = PALETTE.vermilion
const INK = '#1d2330'
const MUTED = '#5b6475'
const GRID = '#dde1e8'
/** Drawn at most this wide: wider, the bars would only stretch. */
const MAX_WIDTH = 960

const shareLabel = (bar: LoopTimeBar) =>
  bar.shareWithheld ? 'withheld' : bar.hasMinutes ? formatPercent(bar.share) : 'no minutes'

const validityTitle = (bar: LoopTimeBar) => {
  if (!bar.validityKnown) return `${bar.name}: validity not computable`
  const kind = bar.corrected ? 'corrected r' : 'observed r'
  const interval = bar.validityCi
    ? ` (95% CI ${formatCorrelation(bar.validityCi[0])} to ${formatCorrelation(bar.validityCi[1])})`
    : ''
  return `${bar.name}: ${kind} ${formatCorrelation(bar.validity)}${interval}${bar.insufficient ? ', too few hires to read' : ''}`
}

function PanelFrame({
  panel,
  top,
  bottom,
  fontSize,
  format,
}: {
  panel: Panel
  top: number
  bottom: number
  fontSize: number
  format: (value: number) => string
}) {
  return (
    <g className="loop-time-chart__axis" fontSize={fontSize} fill={MUTED}>
      <text x={panel.left} y={0} fill={INK} fontWeight="600">
        {panel.title.map((line, index) => (
          <tspan key={index} x={panel.left} dy={index === 0 ? 13 : 15}>
            {line}
          </tspan>
        ))}
      </text>
      {panel.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={tick.x} x2={tick.x} y1={top} y2={bottom} stroke={GRID} strokeDasharray="3 3" />
          <text x={tick.x} y={bottom + 16} textAnchor="middle">
            {format(tick.value)}
          </text>
        </g>
      ))}
      <line x1={panel.left} x2={panel.right} y1={bottom} y2={bottom} stroke={MUTED} />
    </g>
  )
}

/**
 * Two aligned panels on the same rows, one per area: the share of loop minutes on the left
 * (with the typical 40–60% band on the ownership row), the corrected validity with its 95%
 * interval on the right. Each panel has its own axis, so no value is read against the wrong one.
 */
export function LoopTimeChart({ data, ref }: { data: LoopTimeChartData; ref?: Ref<HTMLElement> }) {
  const [measured, measuredWidth] = useMeasuredWidth(720)
  const layout = loopTimeLayout(data, Math.min(MAX_WIDTH, measuredWidth))
  const { share, validity, fontSize, barHeight, plotTop, plotBottom } = layout
  const [typicalLow, typicalHigh] = TYPICAL_OWNERSHIP_SHARE
  const hasBand = layout.rows.some((row) => row.band)
  return (
    <figure ref={ref} className="loop-time-chart" aria-labelledby="loop-time-caption">
      <div className="chart-legend" aria-hidden="true">
        <span className="chart-legend__item">
          <svg width="18" height="12" viewBox="0 0 18 12">
            <rect width="18" height="12" fill={SHARE_COLOUR} />
          </svg>
          Share of loop minutes
        </span>
        <span className="chart-legend__item">
          <svg width="22" height="12" viewBox="0 0 22 12">
            <line x1="1" x2="21" y1="6" y2="6" stroke={VALIDITY_COLOUR} strokeWidth="2" />
            <circle cx="11" cy="6" r="4.5" fill={VALIDITY_COLOUR} />
          </svg>
          Corrected validity with 95% CI
        </span>
        {hasBand && (
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
            Typical for ownership, {formatPercent(typicalLow)}–{formatPercent(typicalHigh)}
          </span>
        )}
      </div>
      <div ref={measured} className="chart-room">
        <svg
          className="loop-time-chart__drawing"
          viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
          width={layout.width}
          height={layout.height}
          role="img"
          aria-labelledby="loop-time-caption"
        >
          <PanelFrame
            panel={share}
            top={plotTop}
            bottom={plotBottom}
            fontSize={fontSize}
            format={formatPercent}
          />
          <PanelFrame
            panel={validity}
            top={plotTop}
            bottom={plotBottom}
            fontSize={fontSize}
            format={formatCorrelation}
          />
          <line
            x1={validity.toX(0)}
            x2={validity.toX(0)}
            y1={plotTop}
            y2={plotBottom}
            stroke="#333"
          />
          {layout.rows.map(({ bar, top, middle, label, band }) => {
            const barTop = middle - barHeight / 2
            const shareEnd = share.toX(bar.share)
            const colour = bar.insufficient ? PALETTE.grey : VALIDITY_COLOUR
            const ci = bar.validityCi?.map(validity.toX)
            return (
              <g key={bar.key} className="loop-time-chart__area" data-area={bar.key}>
                {layout.narrow ? (
                  <text x={label.x} y={label.y} fontSize={fontSize + 1} fontWeight="600" fill={INK}>
                    {label.lines.map((line, index) => (
                      <tspan key={index} x={label.x} dy={index === 0 ? 0 : fontSize + 4}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                ) : (
                  <SvgLabel text={bar.name} x={label.x} y={label.y} />
                )}
                {band && (
                  <rect
                    className="loop-time-chart__typical"
                    data-area={bar.key}
                    x={band.x}
                    width={band.width}
                    y={barTop - 6}
                    height={barHeight + 12}
                    fill={PALETTE.skyBlue}
                    fillOpacity={0.2}
                    stroke={PALETTE.blue}
                    strokeDasharray="4 3"
                  >
                    <title>
                      Typical loops spend {formatPercent(typicalLow)}–{formatPercent(typicalHigh)}{' '}
                      of their technical time on ownership and lifetimes
                    </title>
                  </rect>
                )}
                <rect
                  data-series="share"
                  data-area={bar.key}
                  x={share.left}
                  y={barTop}
                  width={Math.max(0, shareEnd - share.left)}
                  height={barHeight}
                  fill={SHARE_COLOUR}
                >
                  <title>{`${bar.name}: ${shareLabel(bar)} of loop minutes`}</title>
                </rect>
                <text x={shareEnd + 4} y={middle + fontSize * 0.35} fontSize={fontSize} fill={INK}>
                  {shareLabel(bar)}
                </text>
                <g data-series="validity" data-area={bar.key}>
                  <title>{validityTitle(bar)}</title>
                  {bar.validityKnown ? (
                    <>
                      {ci && (
                        <>
                          <line
                            x1={ci[0]}
                            x2={ci[1]}
                            y1={middle}
                            y2={middle}
                            stroke={colour}
                            strokeWidth="2"
                          />
                          {ci.map((x, index) => (
                            <line
                              key={index}
                              x1={x}
                              x2={x}
                              y1={middle - 5}
                              y2={middle + 5}
                              stroke={colour}
                              strokeWidth="2"
                            />
                          ))}
                        </>
                      )}
                      <circle
                        cx={validity.toX(bar.validity)}
                        cy={middle}
                        r="5.5"
                        fill={bar.corrected ? colour : '#fff'}
                        stroke={colour}
                        strokeWidth="2"
                      />
                    </>
                  ) : (
                    <text
                      x={validity.left}
                      y={middle + fontSize * 0.35}
                      fontSize={fontSize}
                      fill={MUTED}
                    >
                      not computable
                    </text>
                  )}
                </g>
                {top > plotTop && (
                  <line
                    x1={layout.narrow ? 0 : share.left}
                    x2={validity.right}
                    y1={top}
                    y2={top}
                    stroke={GRID}
                  />
                )}
              </g>
            )
          })}
        </svg>
      </div>
      <figcaption id="loop-time-caption">
        Where the loop's time goes (left) beside what each area predicts (right), row by row. The
        shaded band on the ownership row is where typical loops spend {formatPercent(typicalLow)}–
        {formatPercent(typicalHigh)} of their technical time; time is worth spending where the
        correlation is high. A hollow dot is the observed r where the correction could not be made;
        grey marks have fewer than 30 hires with a known outcome.
      </figcaption>
    </figure>
  )
}
