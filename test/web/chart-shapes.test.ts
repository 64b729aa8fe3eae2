import { describe, expect, it } from 'vitest'
import { histogramCsv, histogramData } from '../../web/src/lib/histogram-data'
import { niceScale } from '../../web/src/lib/nice-scale'
import {
  rateChartData,
  retentionComparisonSentence,
  retentionCsv,
  type GroupRetention,
} from '../../web/src/lib/rate-data'

describe('niceScale', () => {
  it('puts ticks on round numbers that cover the data', () => {
    expect(niceScale(0, 129, 8)).toEqual({
      domain: [0, 140],
      ticks: [0, 20, 40, 60, 80, 100, 120, 140],
    })
    expect(niceScale(86_000, 217_500, 7).ticks).toEqual([
      75_000, 100_000, 125_000, 150_000, 175_000, 200_000, 225_000,
    ])
  })

  it('keeps decimal ticks free of floating-point noise', () => {
    expect(niceScale(0.55, 1.45, 8).ticks).toEqual([0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6])
    expect(niceScale(0, 0.3, 4).ticks).toEqual([0, 0.1, 0.2, 0.3])
  })

  it('still gives an axis when every value is the same', () => {
    const scale = niceScale(5, 5)
    expect(scale.domain[0]).toBeLessThanOrEqual(5)
    expect(scale.domain[1]).toBeGreaterThan(5)
  })
})

describe('histogramData', () => {
  const bins = [
    { from: 21, to: 28, count: 41 },
    { from: 28, to: 35, count: 9 },
  ]

  it('stands each bar on its bin centre, with whole-number count ticks', () => {
    const data = histogramData(bins, [])
    expect(data.bins.map((bin) => bin.middle)).toEqual([24.5, 31.5])
    expect(data.countTicks.every(Number.isInteger)).toBe(true)
    expect(data.countTicks.at(-1)).toBeGreaterThanOrEqual(41)
  })

  it('widens the axis to a reference line outside the data', () => {
    const data = histogramData(bins, [{ value: 17, label: 'Benchmark 17 days' }])
    expect(data.scale.domain[0]).toBeLessThanOrEqual(17)
    expect(data.references).toHaveLength(1)
  })

  it('writes the bins as CSV', () => {
    expect(histogramCsv(bins)).toBe('from,to,hires\r\n21,28,41\r\n28,35,9\r\n')
  })
})

function group(
  key: string,
  rate: number | null,
  ci: [number, number] | null,
  insufficient = false,
): GroupRetention {
  return {
    key,
    label: key,
    n_outcome: rate === null ? 0 : insufficient ? 20 : 40,
    retained: rate === null ? 0 : Math.round(rate * 40),
    retention_rate: rate,
    retention_rate_ci: ci,
    insufficient,
  }
}

describe('rateChartData', () => {
  it('gives each group with a rate a point and error bar, and each group a labelled row', () => {
    const data = rateChartData([
      group('low', 0.7, [0.54, 0.83]),
      group('none', null, null),
      group('high', 0.9, [0.77, 0.95], true),
    ])
    expect(data.points.map((point) => [point.key, point.y, point.insufficient])).toEqual([
      ['low', 0, false],
      ['high', 2, true],
    ])
    expect(data.points[0]!.errorX[0]).toBeCloseTo(0.16)
    expect(data.points[0]!.errorX[1]).toBeCloseTo(0.13)
    expect(data.rows).toEqual([
      { name: 'low', note: 'n = 40' },
      { name: 'none', note: 'n = 0' },
      { name: 'high', note: 'n = 20' },
    ])
    expect(data.domain).toEqual([0.4, 1])
  })
})

describe('retentionComparisonSentence', () => {
  it('calls overlapping intervals no clear difference', () => {
    expect(
      retentionComparisonSentence([group('a', 0.7, [0.54, 0.83]), group('b', 0.89, [0.77, 0.95])]),
    ).toBe(
      'The 95% intervals overlap: these data show no clear difference in twelve-month retention between the groups.',
    )
  })

  it('names a difference only where two intervals do not overlap', () => {
    expect(
      retentionComparisonSentence([group('a', 0.6, [0.45, 0.73]), group('b', 0.9, [0.78, 0.96])]),
    ).toBe('Retention differs between a (60%) and b (90%): their 95% intervals do not overlap.')
  })

  it('leaves groups with too few hires out of the comparison and says so', () => {
    const sentence = retentionComparisonSentence([
      group('a', 0.6, [0.45, 0.73]),
      group('b', 0.95, [0.8, 0.99], true),
    ])
    expect(sentence).toMatch(/^Too few hires with a known outcome to compare/)
    expect(sentence).toContain('marked insufficient')
  })

  it('says when no outcome is known yet', () => {
    expect(retentionComparisonSentence([group('a', null, null)])).toMatch(
      /^No hire in this selection has reached twelve months/,
    )
  })

  it('writes the groups as CSV', () => {
    expect(retentionCsv([group('a', 0.7, [0.54, 0.83])]).split('\r\n')[1]).toBe(
      'a,40,28,0.7,0.54,0.83,false',
    )
  })
})
