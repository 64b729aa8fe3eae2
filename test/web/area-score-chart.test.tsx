// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AreaScoreChart } from '../../web/src/features/compare/components/area-score-chart'
import { areaScoreChartData } from '../../web/src/features/compare/components/compare-data'
import { compared, comparison } from './compare-fixture'

// jsdom has no layout: this observer reports the size a browser would, so the chart draws.
class SizedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target, contentRect: { width: 720, height: 280 } }
    this.callback([entry as unknown as ResizeObserverEntry], this)
  }
  unobserve() {}
  disconnect() {}
}

describe('AreaScoreChart', () => {
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', SizedResizeObserver)
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('draws the score axis over the 1–4 rating scale, not from 0', async () => {
    const data = areaScoreChartData(
      comparison([compared('A', 'Ada', [1, 4]), compared('B', 'Bo', [2.5, 3])]),
    )
    const { container, findAllByText } = render(<AreaScoreChart data={data} />)
    await findAllByText('Ownership & lifetimes')
    const yTicks = [...container.querySelectorAll('.recharts-yAxis-tick-labels text')]
    expect(yTicks.map((tick) => tick.textContent)).toEqual(['1', '2', '3', '4'])
    // The lowest tick, 1 (strong no), sits where the axis starts: the bars rise from it.
    const axis = container.querySelector('.recharts-yAxis .recharts-cartesian-axis-line')!
    expect(yTicks[0]!.getAttribute('y')).toBe(axis.getAttribute('y2'))
  })
})
