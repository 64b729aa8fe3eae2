// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { IntervalPlot } from '../../web/src/components/interval-plot'
import { intervalPlotLayout, type IntervalSeries } from '../../web/src/lib/interval-plot-layout'
import { wrapLabel } from '../../web/src/lib/wrap-label'
import { useChartEnvironment } from './render-view'

afterEach(cleanup)

const ROWS = [
  { key: 'ownership', label: 'Ownership' },
  { key: 'judgment', label: 'Judgment', muted: true },
]

const observed: IntervalSeries = {
  key: 'observed',
  label: 'Observed',
  colour: '#0072B2',
  marker: 'circle',
  estimates: {
    ownership: { value: 0.1, ci: [-0.1, 0.3] },
    judgment: { value: 0.31, ci: [0.12, 0.48] },
  },
}
const corrected: IntervalSeries = {
  ...observed,
  key: 'corrected',
  label: 'Corrected',
  marker: 'diamond',
  estimates: { ownership: { value: 0.2, ci: null }, judgment: { value: null, ci: null } },
}

describe('intervalPlotLayout', () => {
  it('puts every estimate and interval end on the axis, left to right in value order', () => {
    const layout = intervalPlotLayout(ROWS, [observed, corrected], { include: [0] })
    expect(layout.ticks[0]!.value).toBeLessThanOrEqual(-0.1)
    expect(layout.ticks.at(-1)!.value).toBeGreaterThanOrEqual(0.48)
    const mark = (row: string, series: string) =>
      layout.marks.find((entry) => entry.row === row && entry.series === series)!
    expect(mark('ownership', 'observed').x).toBeLessThan(mark('judgment', 'observed').x)
    expect(mark('ownership', 'observed').ci![0]).toBeCloseTo(layout.toX(-0.1), 10)
    // A series without an estimate in a row draws nothing there.
    expect(layout.marks).toHaveLength(3)
    // The two series of a row sit apart, within the row's band.
    expect(mark('ownership', 'observed').y).not.toBe(mark('ownership', 'corrected').y)
  })

  it('on a log axis keeps the odds ratio of 1 in the middle of 0.5 and 2', () => {
    const ratios: IntervalSeries = {
      ...observed,
      estimates: { ownership: { value: 0.5, ci: null }, judgment: { value: 2, ci: null } },
    }
    const layout = intervalPlotLayout(ROWS, [ratios], { scale: 'log', include: [1] })
    const [low, high] = layout.marks.map((mark) => mark.x)
    expect(layout.toX(1) - low!).toBeCloseTo(high! - layout.toX(1), 8)
  })

  it('draws for a phone’s width: narrower labels wrapped onto taller rows, fewer tick labels', () => {
    const long = [{ key: 'judgment', label: 'Judgment (knowing when Rust is the wrong tool)' }]
    const wide = intervalPlotLayout(long, [observed], { include: [0], width: 1000 })
    const narrow = intervalPlotLayout(long, [observed], { include: [0], width: 340 })
    expect(narrow.width).toBe(340)
    expect(narrow.plotLeft).toBeLessThan(wide.plotLeft)
    expect(narrow.plotRight - narrow.plotLeft).toBeGreaterThanOrEqual(200)
    expect(narrow.labelChars).toBeLessThan(wide.labelChars)
    const lines = wrapLabel(long[0]!.label, narrow.labelChars).length
    expect(lines).toBeGreaterThan(1)
    expect(narrow.plotBottom - narrow.plotTop).toBeGreaterThanOrEqual(lines * 15)
    const gaps = narrow.ticks.slice(1).map((tick, index) => tick.x - narrow.ticks[index]!.x)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(44)
  })

  it('keeps to a given axis and marks the intervals cut at its ends', () => {
    const wide: IntervalSeries = {
      ...observed,
      estimates: { ownership: { value: 3, ci: [0.01, 900] }, judgment: { value: 1, ci: null } },
    }
    const layout = intervalPlotLayout(ROWS, [wide], {
      scale: 'log',
      axis: { domain: [0.1, 10], ticks: [0.1, 1, 10] },
    })
    const mark = layout.marks[0]!
    expect(mark.clippedLow && mark.clippedHigh).toBe(true)
    expect(mark.ci![0]).toBeCloseTo(layout.toX(0.1), 8)
    expect(mark.ci![1]).toBeCloseTo(layout.toX(10), 8)
  })
})

describe('IntervalPlot', () => {
  useChartEnvironment()

  it('draws a mark per estimate, greys muted rows and says each value in its title', () => {
    const { container } = render(
      <IntervalPlot
        rows={ROWS}
        series={[observed, corrected]}
        reference={{ value: 0, label: 'No relation' }}
        axisLabel="r"
        format={(value) => value.toFixed(2)}
        caption="Correlation by area"
      />,
    )
    expect(container.querySelectorAll('[data-series="observed"]')).toHaveLength(2)
    expect(container.querySelectorAll('[data-series="corrected"]')).toHaveLength(1)
    const judgment = container.querySelector('[data-series="observed"][data-row="judgment"]')!
    expect(judgment.querySelector('title')!.textContent).toBe(
      'Judgment · Observed: 0.31 (95% CI 0.12 to 0.48) · too few cases to read',
    )
    expect(judgment.querySelector('circle')!.getAttribute('fill')).toBe('#9a9a9a')
    expect(container.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toBe(
      'Correlation by area',
    )
    expect(container.querySelectorAll('.chart-legend__item')).toHaveLength(2)
  })
})

describe('wrapLabel', () => {
  it('breaks at spaces within the width, a long word on a line of its own', () => {
    expect(wrapLabel('Judgment (knowing when Rust is the wrong tool)', 26)).toEqual([
      'Judgment (knowing when',
      'Rust is the wrong tool)',
    ])
    expect(wrapLabel('Ownership & lifetimes', 26)).toEqual(['Ownership & lifetimes'])
    expect(wrapLabel('a supercalifragilistic b', 5)).toEqual(['a', 'supercalifragilistic', 'b'])
  })
})
