import { ReferenceLine } from 'recharts'
import type { ChartReference } from '../lib/chart-reference'

/**
 * The reference's name above the top of its line, running away from the nearer edge of the
 * plot, so a long name near either edge is not cut off.
 */
function ReferenceLabel({
  text,
  anchor,
  viewBox,
}: {
  text: string
  anchor: 'start' | 'end'
  viewBox?: { x?: number; y?: number }
}) {
  const { x = 0, y = 0 } = viewBox ?? {}
  return (
    <text
      x={anchor === 'start' ? x + 4 : x - 4}
      y={y - 6}
      textAnchor={anchor}
      fontSize={12}
      fill="#333"
      className="chart-reference__label"
    >
      {text}
    </text>
  )
}

/** The references as dashed vertical lines on an axis spanning `domain`, each named above. */
export function referenceLines(
  references: readonly ChartReference[],
  domain: readonly [number, number],
) {
  return references.map((reference) => {
    const share = (reference.value - domain[0]) / (domain[1] - domain[0] || 1)
    return (
      <ReferenceLine
        key={reference.label}
        x={reference.value}
        stroke="#333"
        strokeDasharray="6 4"
        strokeWidth={1.5}
        label={<ReferenceLabel text={reference.label} anchor={share > 0.5 ? 'end' : 'start'} />}
      />
    )
  })
}
