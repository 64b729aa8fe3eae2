import { wrapLabel } from '../lib/wrap-label'

const LINE_HEIGHT = 1.15

interface Props {
  text: string
  /** The right end of the label, and the middle of its lines. */
  x: number
  y: number
  /** Characters per line before it breaks. */
  width?: number
  fontSize?: number
  fill?: string
}

/** A right-aligned SVG label, wrapped over lines and centred on `y`. */
export function SvgLabel({ text, x, y, width = 26, fontSize = 13, fill = '#1d2330' }: Props) {
  const lines = wrapLabel(text, width)
  const first = y + fontSize * 0.35 - ((lines.length - 1) * fontSize * LINE_HEIGHT) / 2
  return (
    <text x={x} y={first} textAnchor="end" fontSize={fontSize} fill={fill}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : fontSize * LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  )
}
