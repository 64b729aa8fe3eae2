interface Props {
  x?: number
  y?: number
  payload?: { value: string | number }
  /** The tick's name and, under it in grey, a note such as its count. */
  linesOf: (value: string | number) => { name: string; note: string }
}

/** A category tick in two lines, so long group names and their counts never wrap mid-phrase. */
export function TwoLineTick({ x = 0, y = 0, payload, linesOf }: Props) {
  if (!payload) return null
  const { name, note } = linesOf(payload.value)
  return (
    <text x={x - 6} y={y} textAnchor="end" fontSize={13} className="chart-tick">
      <tspan x={x - 6} dy="-0.2em" fill="#1d2330">
        {name}
      </tspan>
      <tspan x={x - 6} dy="1.15em" fill="#5b6475" fontSize={11}>
        {note}
      </tspan>
    </text>
  )
}

/** Room for the longest of the labels at the tick's font size, within sensible bounds. */
export function tickWidth(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length))
  return Math.min(170, Math.max(60, 16 + longest * 7.4))
}
