import { describe, expect, it } from 'vitest'
import { describeDistribution, histogram, quantile } from '../../api/analytics/quantiles'

describe('quantile (type 7)', () => {
  it('interpolates at (n − 1)·p as R does', () => {
    const values = [1, 2, 3, 4]
    // (4 − 1)·.25 = .75 → 1 + .75·(2 − 1) = 1.75; median at 1.5 → 2.5; (4 − 1)·.75 = 2.25 → 3.25
    expect(quantile(values, 0.25)).toBe(1.75)
    expect(quantile(values, 0.5)).toBe(2.5)
    expect(quantile(values, 0.75)).toBe(3.25)
    // (5 − 1)·.1 = .4 → 1 + .4·(3 − 1) = 1.8
    expect(quantile([1, 3, 7, 15, 31], 0.1)).toBeCloseTo(1.8, 14)
  })

  it('returns the extremes at p = 0 and p = 1 exactly', () => {
    expect(quantile([0.1, 0.2, 0.7], 0)).toBe(0.1)
    expect(quantile([0.1, 0.2, 0.7], 1)).toBe(0.7)
  })

  it('returns tied neighbours unchanged rather than a rounded blend', () => {
    expect(quantile([0.1, 0.1, 0.1, 5], 0.4)).toBe(0.1)
  })

  it('accepts typed arrays', () => {
    expect(quantile(Float64Array.from([2, 4]), 0.5)).toBe(3)
  })

  it('is null for no values and the value itself for one', () => {
    expect(quantile([], 0.5)).toBeNull()
    expect(quantile([7], 0)).toBe(7)
    expect(quantile([7], 0.3)).toBe(7)
    expect(quantile([7], 1)).toBe(7)
  })

  it('rejects a probability outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError)
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError)
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError)
  })
})

describe('describeDistribution', () => {
  it('summarises unsorted values without touching the input', () => {
    const values = [31, 1, 15, 3, 7]
    // sorted 1, 3, 7, 15, 31: quartiles at positions 1, 2, 3; mean = 57 / 5 = 11.4
    expect(describeDistribution(values)).toEqual({
      n: 5,
      min: 1,
      q1: 3,
      median: 7,
      q3: 15,
      max: 31,
      mean: 11.4,
    })
    expect(values).toEqual([31, 1, 15, 3, 7])
  })

  it('interpolates quartiles for an even count', () => {
    // 1..6: q1 at 1.25 → 2.25, median at 2.5 → 3.5, q3 at 3.75 → 4.75, mean 21 / 6 = 3.5
    expect(describeDistribution([6, 5, 4, 3, 2, 1])).toEqual({
      n: 6,
      min: 1,
      q1: 2.25,
      median: 3.5,
      q3: 4.75,
      max: 6,
      mean: 3.5,
    })
  })

  it('sorts negative numbers numerically', () => {
    const summary = describeDistribution([-10, 2, -3])
    expect(summary.min).toBe(-10)
    expect(summary.median).toBe(-3)
    expect(summary.max).toBe(2)
  })

  it('is all null for no values', () => {
    expect(describeDistribution([])).toEqual({
      n: 0,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      mean: null,
    })
  })

  it('collapses to the value for one value', () => {
    expect(describeDistribution([4.5])).toEqual({
      n: 1,
      min: 4.5,
      q1: 4.5,
      median: 4.5,
      q3: 4.5,
      max: 4.5,
      mean: 4.5,
    })
  })

  it('rejects values that are not finite', () => {
    expect(() => describeDistribution([1, Number.NaN])).toThrow(RangeError)
    expect(() => describeDistribution([Infinity])).toThrow(RangeError)
  })
})

describe('histogram', () => {
  it('counts each value in the bin [from, to) that holds it', () => {
    // .5 → [0, 1); 1 → [1, 2); 2.9 → [2, 3); 3 → [3, 4)
    expect(histogram([0.5, 1, 2.9, 3], 1)).toEqual([
      { from: 0, to: 1, count: 1 },
      { from: 1, to: 2, count: 1 },
      { from: 2, to: 3, count: 1 },
      { from: 3, to: 4, count: 1 },
    ])
  })

  it('keeps empty bins between the smallest and the largest value', () => {
    expect(histogram([5, 1, 1], 1)).toEqual([
      { from: 1, to: 2, count: 2 },
      { from: 2, to: 3, count: 0 },
      { from: 3, to: 4, count: 0 },
      { from: 4, to: 5, count: 0 },
      { from: 5, to: 6, count: 1 },
    ])
  })

  it('aligns bins on start + k·width, below start too', () => {
    // width 5 from 1: 7 → [6, 11), 12 → [11, 16)
    expect(histogram([7, 12], 5, 1)).toEqual([
      { from: 6, to: 11, count: 1 },
      { from: 11, to: 16, count: 1 },
    ])
    // −3 → [−3, −2), −.5 → [−1, 0)
    expect(histogram([-3, -0.5], 1)).toEqual([
      { from: -3, to: -2, count: 1 },
      { from: -2, to: -1, count: 0 },
      { from: -1, to: 0, count: 1 },
    ])
  })

  it('puts a value on a rounded boundary in a bin whose reported edges hold it', () => {
    // 1.7 / .1 = 17 but 17 · .1 = 1.7000000000000002; 4.3 / .1 = 42.99… but 43 · .1 = 4.3
    for (const value of [0.3, 1.7, 4.3, 7.8, 0.1 + 0.2]) {
      const bins = histogram([value], 0.1)
      expect(bins).toHaveLength(1)
      expect(bins[0]!.from).toBeLessThanOrEqual(value)
      expect(bins[0]!.to).toBeGreaterThan(value)
    }
  })

  it('leaves no gaps and counts every value', () => {
    const values = Array.from({ length: 500 }, (_, i) => Math.sin(i) * 37.3)
    const bins = histogram(values, 2.5, 0.4)
    expect(bins.reduce((total, bin) => total + bin.count, 0)).toBe(500)
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to)
    expect(bins[0]!.from).toBeLessThanOrEqual(Math.min(...values))
    expect(bins[bins.length - 1]!.to).toBeGreaterThan(Math.max(...values))
  })

  it('gives no bins for no values and one bin for one value or equal values', () => {
    expect(histogram([], 1)).toEqual([])
    expect(histogram([2], 1)).toEqual([{ from: 2, to: 3, count: 1 }])
    expect(histogram([2.5, 2.5, 2.5], 1)).toEqual([{ from: 2, to: 3, count: 3 }])
  })

  it('rejects a width that is not positive and finite, and absurd bin counts', () => {
    expect(() => histogram([1], 0)).toThrow(RangeError)
    expect(() => histogram([1], -1)).toThrow(RangeError)
    expect(() => histogram([1], Number.NaN)).toThrow(RangeError)
    expect(() => histogram([1, Number.NaN], 1)).toThrow(RangeError)
    expect(() => histogram([0, 1e9], 1)).toThrow(RangeError)
  })
})
