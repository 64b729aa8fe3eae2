import { describe, expect, it } from 'vitest'
import { forestPlotData } from '../../web/src/features/loop-effectiveness/components/forest-plot-data'
import { validitySummary } from '../../web/src/features/loop-effectiveness/components/validity-summary'
import { areaRow, validity } from './validity-fixture'

describe('forestPlotData', () => {
  const areas = [
    areaRow({
      key: 'ownership',
      name: 'Ownership',
      r: -0.05,
      r_ci: [-0.25, 0.16],
      r_corrected: -0.06,
      r_corrected_ci: [-0.3, 0.19],
    }),
    areaRow({ key: 'judgment', name: 'Judgment', insufficient: true }),
    areaRow({
      key: 'unsafe_ffi',
      name: 'unsafe & FFI',
      r: null,
      r_ci: null,
      r_corrected: null,
      r_corrected_ci: null,
      not_computable: 'Every hire used has the same score (3)',
    }),
  ]
  const data = forestPlotData(areas)

  it('puts one observed and one corrected point per computable area, either side of its row', () => {
    expect(data.observed.map((point) => point.areaKey)).toEqual(['ownership', 'judgment'])
    expect(data.corrected.map((point) => point.areaKey)).toEqual(['ownership', 'judgment'])
    expect(data.observed[1]!.y).toBeLessThan(1)
    expect(data.corrected[1]!.y).toBeGreaterThan(1)
  })

  it('turns intervals into distances for the error bars', () => {
    const ownership = data.observed[0]!
    expect(ownership.errorX[0]).toBeCloseTo(0.2, 12)
    expect(ownership.errorX[1]).toBeCloseTo(0.21, 12)
  })

  it('carries the insufficient flag and lists areas without an estimate', () => {
    expect(data.observed[1]!.insufficient).toBe(true)
    expect(data.missing).toEqual([
      { name: 'unsafe & FFI', reason: 'Every hire used has the same score (3)' },
    ])
    expect(data.labels).toEqual(['Ownership', 'Judgment', 'unsafe & FFI'])
  })

  it('spans every interval and zero, with round ticks that include zero', () => {
    expect(data.domain[0]).toBeLessThanOrEqual(-0.3)
    expect(data.domain[1]).toBeGreaterThanOrEqual(0.53)
    expect(data.xTicks).toContain(0)
    expect(data.xTicks.every((tick) => Number.isInteger(Math.round(tick * 10)))).toBe(true)
  })
})

describe('validitySummary', () => {
  it('names the strongest significant predictor with its interval and n', () => {
    const text = validitySummary(
      validity([areaRow({ name: 'Ownership', r: 0.05, q: 0.6 }), areaRow()], {
        filters: { level: 'senior', requisition_id: null, hire_type: null, from: null, to: null },
      }),
    )
    expect(text).toBe(
      'Judgment is the strongest predictor of twelve-month retention among senior hires (r = .31, 95% CI .12 to .48, n = 96).',
    )
  })

  it('does not overstate a result that could be chance', () => {
    const text = validitySummary(
      validity([areaRow({ q: 0.09 }), areaRow({ name: 'Ownership', r: 0.1, q: 0.4 })]),
    )
    expect(text).toMatch(/^No area predicts twelve-month retention clearly enough/)
    expect(text).toContain('q = .090')
  })

  it('says when there are too few hires to tell', () => {
    const text = validitySummary(
      validity([areaRow({ insufficient: true, n: 12 })], { n_hires_outcome: 12 }),
    )
    expect(text).toMatch(/Too few hires with a known outcome \(n = 12\).*about 85/)
  })

  it('says when no hire has a known outcome', () => {
    const text = validitySummary(
      validity([areaRow({ r: null, r_ci: null, n: 0 })], { n_hires_outcome: 0 }),
    )
    expect(text).toMatch(/No hire has a known twelve-month outcome yet/)
  })
})
