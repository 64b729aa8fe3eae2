import { describe, expect, it } from 'vitest'
import { aucDeLong } from '../../api/analytics/auc'
import {
  correctForRangeRestriction,
  correlationTest,
  pearson,
} from '../../api/analytics/correlation'
import { addDays, dayNumber, isIsoDate } from '../../api/analytics/dates'
import { mean, sampleSd, sampleVariance } from '../../api/analytics/descriptive'
import { benjaminiHochberg } from '../../api/analytics/multiple-testing'
import { hiresToDetect } from '../../api/analytics/power'
import { retained12m } from '../../api/analytics/retention'

describe('descriptive statistics', () => {
  it('uses the n − 1 denominator', () => {
    expect(mean([2, 4, 9])).toBe(5)
    expect(sampleVariance([2, 4, 9])).toBeCloseTo(13, 12)
    expect(sampleSd([1, 1, 1])).toBe(0)
    expect(sampleVariance([3])).toBeNaN()
  })
})

describe('pearson and correlationTest', () => {
  it('gives r = 6/√60 on a hand-worked example', () => {
    // Sxy = 6, Sxx = 10, Syy = 6
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 14)
  })

  it('is ±1 for a perfect linear relation, with p = 0 and a degenerate interval', () => {
    const test = correlationTest(
      [1, 2, 3, 4, 5],
      [0, 0, 1, 1, 1].map((_, i) => 10 - 2 * i),
    )
    expect(test?.r).toBe(-1)
    expect(test?.p).toBe(0)
    expect(test?.ci).toEqual([-1, -1])
  })

  it('has the Fisher-z interval tanh(atanh r ± 1.96/√(n − 3))', () => {
    // Forty pairs built to have r exactly 0.5 would be tedious; check the formula on real data.
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const y = [2, 1, 4, 3, 7, 5, 6, 9, 8, 10]
    const test = correlationTest(x, y)!
    const halfWidth = 1.959963984540054 / Math.sqrt(7)
    expect(test.ci[0]).toBeCloseTo(Math.tanh(Math.atanh(test.r) - halfWidth), 12)
    expect(test.ci[1]).toBeCloseTo(Math.tanh(Math.atanh(test.r) + halfWidth), 12)
    // y is a permutation of x with Σd² = 12, so r = 1 − 6·12 / (10·99) = 153/165;
    // t = r √(8 / (1 − r²)) = 7.005 on 8 df, two-sided p ≈ 1.1e-4
    expect(test.r).toBeCloseTo(153 / 165, 12)
    expect(test.p).toBeGreaterThan(1.0e-4)
    expect(test.p).toBeLessThan(1.25e-4)
  })

  it('is not computable below four pairs or with a constant variable', () => {
    expect(correlationTest([1, 2, 3], [0, 1, 1])).toBeNull()
    expect(correlationTest([3, 3, 3, 3, 3], [0, 1, 0, 1, 1])).toBeNull()
    expect(correlationTest([1, 2, 3, 4, 5], [1, 1, 1, 1, 1])).toBeNull()
  })
})

describe('Benjamini–Hochberg', () => {
  it('adjusts as p.adjust(method = "BH")', () => {
    // sorted: .005 → .02, .01 → .02, .03 → .04, .04 → .04
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005])
    expect(adjusted[0]).toBeCloseTo(0.02, 15)
    expect(adjusted[1]).toBeCloseTo(0.04, 15)
    expect(adjusted[2]).toBeCloseTo(0.04, 15)
    expect(adjusted[3]).toBeCloseTo(0.02, 15)
  })

  it('passes nulls through without counting them as tests', () => {
    expect(benjaminiHochberg([0.02, null, 0.04])).toEqual([0.04, null, 0.04])
    expect(benjaminiHochberg([null])).toEqual([null])
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95])
  })
})

describe('Case II range-restriction correction', () => {
  it('leaves r alone when U = 1 and enlarges it when the hires vary less', () => {
    expect(correctForRangeRestriction(0.3, 1)).toBeCloseTo(0.3, 15)
    expect(correctForRangeRestriction(0.3, 2)).toBeCloseTo(0.6 / Math.sqrt(1.27), 15)
    expect(correctForRangeRestriction(-0.3, 2)).toBeCloseTo(-0.6 / Math.sqrt(1.27), 15)
    expect(correctForRangeRestriction(1, 3)).toBeCloseTo(1, 15)
  })
})

describe('AUC with DeLong interval', () => {
  it('is 1 with a zero-width interval under perfect separation', () => {
    const estimate = aucDeLong([3, 4, 4], [1, 2])!
    expect(estimate.auc).toBe(1)
    expect(estimate.ci).toEqual([1, 1])
  })

  it('counts ties as one half', () => {
    expect(aucDeLong([2, 2], [2, 2])!.auc).toBe(0.5)
    expect(aucDeLong([1, 2, 3], [2])!.auc).toBe(0.5)
  })

  it('matches a hand-worked DeLong variance', () => {
    // case placements .25, .75, 1 (variance .1458333); control placements 5/6, 1/2 (variance 1/18)
    const estimate = aucDeLong([1, 2, 3], [1, 2])!
    expect(estimate.auc).toBeCloseTo(2 / 3, 15)
    const variance = 0.2916666666666667 / 2 / 3 + 1 / 18 / 2
    expect(estimate.variance).toBeCloseTo(variance, 15)
    expect(estimate.ci![0]).toBeCloseTo(2 / 3 - 1.959963984540054 * Math.sqrt(variance), 9)
    expect(estimate.ci![1]).toBe(1)
  })

  it('has no interval with a single case or control, and no estimate with none', () => {
    expect(aucDeLong([3], [1, 2])!.ci).toBeNull()
    expect(aucDeLong([], [1, 2])).toBeNull()
  })
})

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2026-02-30')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('26-01-01')).toBe(false)
    expect(isIsoDate('2026-1-1')).toBe(false)
  })

  it('counts days across leap years', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2)
    expect(addDays('2023-06-01', 365)).toBe('2024-05-31')
  })
})

describe('retained12m', () => {
  const asOf = '2026-03-31'
  it('is 0 for a hire who left within 365 days', () => {
    expect(retained12m({ startDate: '2024-01-01', endDate: '2024-12-30' }, asOf)).toBe(0)
    expect(retained12m({ startDate: '2026-01-01', endDate: '2026-02-01' }, asOf)).toBe(0)
  })

  it('ignores an end that was not known on the as-of date', () => {
    expect(retained12m({ startDate: '2026-01-01', endDate: '2026-05-01' }, asOf)).toBeNull()
    expect(retained12m({ startDate: '2024-01-01', endDate: '2024-06-01' }, '2024-05-31')).toBeNull()
    expect(retained12m({ startDate: '2024-01-01', endDate: '2024-06-01' }, '2024-06-01')).toBe(0)
  })

  it('is 1 once 365 days have passed without such an end', () => {
    expect(retained12m({ startDate: '2024-01-01', endDate: null }, asOf)).toBe(1)
    expect(retained12m({ startDate: '2024-01-01', endDate: '2024-12-31' }, asOf)).toBe(1)
    expect(retained12m({ startDate: '2025-03-31', endDate: null }, asOf)).toBe(1)
  })

  it('is unknown while the hire is inside the first year', () => {
    expect(retained12m({ startDate: '2025-04-01', endDate: null }, asOf)).toBeNull()
  })
})

describe('power note', () => {
  it('needs about 194 hires for r = .20 and 85 for r = .30', () => {
    expect(hiresToDetect(0.2)).toBe(194)
    expect(hiresToDetect(0.3)).toBe(85)
  })
})
