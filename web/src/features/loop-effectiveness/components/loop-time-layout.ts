import { wrapLabel } from '../../../lib/wrap-label'
import type { LoopTimeBar, LoopTimeChartData } from './loop-time-data'

/** Below this width the area names go on a line of their own above each row. */
const NARROW = 560
const PAD = 8
const PANEL_GAP = 28
const BAR_HEIGHT = 16
const AXIS_HEIGHT = 30
const TITLE_LINE = 15
/** Room a tick label needs on an axis, so narrow panels drop every other one. */
const TICK_ROOM = 42

export interface Panel {
  left: number
  right: number
  title: string[]
  ticks: { value: number; x: number }[]
  toX: (value: number) => number
}

export interface LoopTimeRow {
  bar: LoopTimeBar
  /** Top of the row's band and the middle of its marks. */
  top: number
  middle: number
  /** Where the area's name goes: right-aligned before the panels, or above the row (wrapped). */
  label: { x: number; y: number; anchor: 'end' | 'start'; lines: string[] }
  /** The typical-share band of this row, in the share panel; only the ownership row has one. */
  band: { x: number; width: number } | null
}

export interface LoopTimeLayout {
  width: number
  height: number
  narrow: boolean
  labelWidth: number
  fontSize: number
  barHeight: number
  plotTop: number
  plotBottom: number
  share: Panel
  validity: Panel
  rows: LoopTimeRow[]
}

function panel(
  [from, to]: [number, number],
  ticks: number[],
  left: number,
  right: number,
  title: string,
  charsPerLine: number,
): Panel {
  const toX = (value: number) => left + ((value - from) / (to - from || 1)) * (right - left)
  const room = Math.max(1, Math.floor((right - left) / TICK_ROOM))
  const every = Math.ceil(ticks.length / room)
  return {
    left,
    right,
    title: wrapLabel(title, charsPerLine),
    ticks: ticks
      .filter((_, index) => index % every === 0)
      .map((value) => ({ value, x: toX(value) })),
    toX,
  }
}

/**
 * Two panels side by side on the same rows, drawn for the width there is (one unit a pixel):
 * the share of loop minutes on the left, the corrected validity with its interval on the right.
 */
export function loopTimeLayout(data: LoopTimeChartData, width: number): LoopTimeLayout {
  const narrow = width < NARROW
  const fontSize = narrow ? 11 : 12
  const labelWidth = narrow ? 0 : Math.min(190, Math.round(width * 0.26))
  const panelWidth = (width - labelWidth - PAD * 2 - PANEL_GAP) / 2
  const shareLeft = labelWidth + PAD
  const validityLeft = shareLeft + panelWidth + PANEL_GAP
  const charsPerLine = Math.max(10, Math.floor(panelWidth / (fontSize * 0.58)))
  const share = panel(
    data.shareDomain,
    data.shareTicks,
    shareLeft,
    shareLeft + panelWidth,
    'Share of loop minutes',
    charsPerLine,
  )
  const validity = panel(
    data.validityDomain,
    data.validityTicks,
    validityLeft,
    validityLeft + panelWidth,
    'Corrected validity (r) with 95% CI',
    charsPerLine,
  )
  const titleLines = Math.max(share.title.length, validity.title.length)
  const plotTop = titleLines * TITLE_LINE + 10
  // Narrow, each name runs across the row above its marks, wrapped to the width.
  const nameChars = Math.max(12, Math.floor((width - PAD * 2) / ((fontSize + 1) * 0.6)))
  const nameLines = data.bars.map((bar) => (narrow ? wrapLabel(bar.name, nameChars) : [bar.name]))
  const lineHeight = fontSize + 4
  const labelRoom = narrow
    ? Math.max(...nameLines.map((lines) => lines.length)) * lineHeight + 4
    : 0
  const rowHeight = BAR_HEIGHT + 20 + labelRoom
  const rows = data.bars.map((bar, index) => {
    const top = plotTop + index * rowHeight
    const middle = top + labelRoom + (rowHeight - labelRoom) / 2
    const band = bar.typicalShare
      ? {
          x: share.toX(bar.typicalShare[0]),
          width: share.toX(bar.typicalShare[1]) - share.toX(bar.typicalShare[0]),
        }
      : null
    return {
      bar,
      top,
      middle,
      label: narrow
        ? { x: PAD, y: top + fontSize + 4, anchor: 'start' as const, lines: nameLines[index]! }
        : { x: labelWidth, y: middle, anchor: 'end' as const, lines: nameLines[index]! },
      band,
    }
  })
  const plotBottom = plotTop + data.bars.length * rowHeight
  return {
    width,
    height: plotBottom + AXIS_HEIGHT,
    narrow,
    labelWidth,
    fontSize,
    barHeight: BAR_HEIGHT,
    plotTop,
    plotBottom,
    share,
    validity,
    rows,
  }
}
