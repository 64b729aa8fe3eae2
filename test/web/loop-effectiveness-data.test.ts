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

  it('gives each area a row and an observed and a corrected estimate with its interval', () => {
    expect(data.rows.map((row) => row.key)).toEqual(['ownership', 'judgment', 'unsafe_ffi'])
    const [observed, corrected] = data.series
    expect([observed.key, corrected.key]).toEqual(['observed', 'corrected'])
    expect(observed.marker).not.toBe(corrected.marker)
    expect(observed.estimates.ownership).toEqual({ value: -0.05, ci: [-0.25, 0.16] })
    expect(corrected.estimates.ownership).toEqual({ value: -0.06, ci: [-0.3, 0.19] })
    expect(observed.estimates.unsafe_ffi).toEqual({ value: null, ci: null })
  })

  it('greys the insufficient rows and lists areas without an estimate', () => {
    expect(data.rows.map((row) => row.muted)).toEqual([false, true, false])
    expect(data.missing).toEqual([
      { name: 'unsafe & FFI', reason: 'Every hire used has the same score (3)' },
    ])
  })

  it('spans every interval and zero, with round ticks that include zero', () => {
    expect(data.axis.domain[0]).toBeLessThanOrEqual(-0.3)
    expect(data.axis.domain[1]).toBeGreaterThanOrEqual(0.53)
    expect(data.axis.ticks).toContain(0)
    expect(data.axis.ticks.every((tick) => Number.isInteger(Math.round(tick * 10)))).toBe(true)
  })
})

describe('validitySummary', () => {
  it('names the strongest significant predictor with its interval and n', () => {
    const text = validitySummary(
      validity([areaRow({ key: 'ownership', name: 'Ownership', r: 0.05, q: 0.6 }), areaRow()], {
        filters: { level: 'senior', requisition_id: null, hire_type: null, from: null, to: null },
        top_area: {
          key: 'judgment',
          clearly_strongest: true,
          differences: [{ key: 'ownership', n: 96, difference: 0.26, difference_ci: [0.08, 0.43] }],
        },
      }),
    )
    expect(text).toBe(
      'Judgment is the strongest predictor of twelve-month retention among senior hires (r = .31, 95% CI .12 to .48, n = 96); it predicts better than every other area (each 95% interval of the difference excludes zero).',
    )
  })

  it('does not overstate a result that could be chance', () => {
    const text = validitySummary(
      validity([areaRow({ q: 0.09 }), areaRow({ name: 'Ownership', r: 0.1, q: 0.4 })]),
    )
    expect(text).toMatch(/^No area predicts twelve-month retention clearly enough/)
    expect(text).toContain('q = .090')
  })

  it('calls an area the strongest only when it is also clearly non-zero', () => {
    const text = validitySummary(
      validity([
        areaRow({ name: 'Ownership', r: 0.33, r_ci: [0.01, 0.59], q: 0.08, n: 40 }),
        areaRow({ r: 0.22, r_ci: [0.04, 0.39], q: 0.03 }),
      ]),
    )
    expect(text).toBe(
      'Judgment predicts twelve-month retention clearly enough to rule out chance (r = .22, 95% CI .04 to .39, n = 96); Ownership has a higher estimate that could still be chance (r = .33, 95% CI .01 to .59, n = 40).',
    )
  })

  it('leaves out areas with too few hires, and says so', () => {
    const text = validitySummary(
      validity([
        // Below the rule for enough data the server sends no estimate, and why.
        areaRow({
          name: 'Ownership',
          r: null,
          r_ci: null,
          n: 12,
          insufficient: true,
          not_computable: 'Too few hires to tell: 12 …',
        }),
        areaRow(),
      ]),
    )
    expect(text).toBe(
      'Judgment predicts twelve-month retention clearly enough to rule out chance (r = .31, 95% CI .12 to .48, n = 96). Ownership has too few hires to show.',
    )
  })

  it('names an area that clearly goes with leaving as such, not as a predictor of staying', () => {
    const text = validitySummary(
      validity([
        areaRow({ r: 0.05, r_ci: [-0.15, 0.25], q: 0.6 }),
        areaRow({ name: 'Ownership', r: -0.3, r_ci: [-0.47, -0.11], q: 0.01 }),
      ]),
    )
    expect(text).toBe(
      'No area clearly predicts staying; higher Ownership scores go with leaving (r = -.30, 95% CI -.47 to -.11, n = 96).',
    )
  })

  it('says when there are too few hires to tell, with the same counts and date as the table', () => {
    // A first look with as_of early: one hire with a known outcome (the issue's /?as_of=2024-06-30).
    const text = validitySummary(
      validity([areaRow({ r: null, r_ci: null, insufficient: true, n: 1 })], {
        as_of: '2024-06-30',
        n_hires_outcome: 1,
        n_retained: 1,
        n_left: 0,
      }),
    )
    expect(text).toBe(
      'Too few hires to tell which areas predict retention: by 2024-06-30, 1 had a known twelve-month outcome (1 stayed, 0 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.',
    )
  })

  it('says when no hire has a known outcome', () => {
    const text = validitySummary(
      validity([areaRow({ r: null, r_ci: null, n: 0 })], { n_hires_outcome: 0 }),
    )
    expect(text).toBe(
      'No hire had a known twelve-month outcome by 2026-03-31, so no area can be validated yet.',
    )
  })

  it('calls the top area the strongest only when it differs from every other area', () => {
    const judgment = areaRow({ key: 'judgment', name: 'Judgment', r: 0.33, r_ci: [0.15, 0.49] })
    const concurrency = areaRow({
      key: 'concurrency',
      name: 'Fearless concurrency',
      r: 0.27,
      r_ci: [0.09, 0.44],
    })
    const tied = validitySummary(
      validity([judgment, concurrency], {
        top_area: {
          key: 'judgment',
          clearly_strongest: false,
          differences: [
            { key: 'concurrency', n: 96, difference: 0.06, difference_ci: [-0.12, 0.24] },
          ],
        },
      }),
    )
    expect(tied).toBe(
      'Judgment predicts twelve-month retention clearly enough to rule out chance (r = .33, 95% CI .15 to .49, n = 96), but these data cannot tell it apart from Fearless concurrency (difference .06, 95% CI -.12 to .24).',
    )
    const clear = validitySummary(
      validity([judgment, concurrency], {
        top_area: {
          key: 'judgment',
          clearly_strongest: true,
          differences: [
            { key: 'concurrency', n: 96, difference: 0.2, difference_ci: [0.05, 0.35] },
          ],
        },
      }),
    )
    expect(clear).toMatch(
      /^Judgment is the strongest predictor .*each 95% interval of the difference excludes zero/,
    )
  })
})
