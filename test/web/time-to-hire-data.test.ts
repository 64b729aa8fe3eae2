import { describe, expect, it } from 'vitest'
import {
  benchmarkReferences,
  hireTypeLabel,
  measuresWithData,
  retentionBySpeed,
  speedBoxPlot,
  speedCsv,
  speedHeadline,
  speedCorrelationSentence,
  speedScale,
} from '../../web/src/features/time-to-hire/components/time-to-hire-data'
import { formatLevel } from '../../web/src/lib/format'
import { days, speedSummary, timeToHire } from './time-to-hire-fixture'

describe('speedBoxPlot', () => {
  it('draws time to hire and to fill per level, labelled with the number of offers', () => {
    const data = timeToHire()
    const plot = speedBoxPlot(data, data.by_level, formatLevel)
    expect(plot.series.map((series) => series.key)).toEqual(['time_to_hire', 'time_to_fill'])
    expect(plot.series.map((series) => series.marker)).toEqual(['circle', 'diamond'])
    expect(plot.groups.map((group) => [group.label, group.note])).toEqual([
      ['Junior', 'n = 25'],
      ['Senior', 'n = 56'],
      ['Staff', 'n = 11'],
    ])
    expect(plot.groups[1]!.boxes.time_to_hire).toEqual({
      n: 56,
      min: 14,
      q1: 20.75,
      median: 27.5,
      q3: 37.5,
      max: 75,
    })
    expect(plot.groups.every((group) => group.backdrop === null)).toBe(true)
    expect(plot.references).toEqual([{ value: 17, label: 'Benchmark 17 days' }])
  })

  it('leaves out time to fill when no requisition has an opening date', () => {
    const noFill = (summary: ReturnType<typeof speedSummary>) =>
      speedSummary(summary.key, summary.time_to_hire, days(0))
    const base = timeToHire()
    const data = timeToHire({
      overall: noFill(base.overall),
      by_level: base.by_level.map(noFill),
    })
    expect(measuresWithData(data)).toEqual(['time_to_hire'])
    const plot = speedBoxPlot(data, data.by_level, formatLevel)
    expect(plot.series).toHaveLength(1)
    expect(Object.keys(plot.groups[0]!.boxes)).toEqual(['time_to_hire'])
  })

  it('gives a group without offers no box rather than a box at zero', () => {
    const data = timeToHire({ by_level: [speedSummary('principal', days(0))] })
    const plot = speedBoxPlot(data, data.by_level, formatLevel)
    expect(plot.groups[0]!.boxes).toEqual({ time_to_hire: null, time_to_fill: null })
    expect(plot.groups[0]!.note).toBe('n = 0')
  })

  it('shares one day axis from zero across the level and hire-type charts', () => {
    const data = timeToHire()
    const scale = speedScale(data)
    expect(scale.domain[0]).toBe(0)
    expect(scale.domain[1]).toBeGreaterThanOrEqual(129)
    expect(speedBoxPlot(data, data.by_hire_type, hireTypeLabel).scale).toEqual(scale)
  })

  it('draws no benchmark line when there is no benchmark', () => {
    expect(benchmarkReferences(timeToHire({ benchmark: null, benchmark_days: null }))).toEqual([])
  })
})

describe('hireTypeLabel', () => {
  it('names hire types as the filter does, and a missing one as not recorded', () => {
    expect(['direct', 'contract_to_hire', 'unknown'].map(hireTypeLabel)).toEqual([
      'Direct',
      'Contract to hire',
      'Not recorded',
    ])
  })
})

describe('speedCsv', () => {
  it('writes both measures of every group, the share within the benchmark on time to hire only', () => {
    const data = timeToHire()
    const lines = speedCsv(data.by_level.slice(0, 1), formatLevel).trimEnd().split('\r\n')
    expect(lines).toEqual([
      'group,measure,n,min_days,q1_days,median_days,q3_days,max_days,mean_days,within_benchmark',
      'Junior,time_to_hire,25,19,22,25,38,59,30,0.1',
      'Junior,time_to_fill,25,15,28,36,50,129,39,',
    ])
  })
})

describe('speedHeadline', () => {
  it('sets the median beside the benchmark and names the benchmark source', () => {
    expect(speedHeadline(timeToHire())).toBe(
      'Median time to hire 27 days over 156 accepted offers, middle half 20 to 36 days, against the 17-day benchmark (IT staffing firm, general IT search average, 2026); 10% came within it.',
    )
  })

  it('gives the median alone when there is no benchmark', () => {
    expect(speedHeadline(timeToHire({ benchmark: null, benchmark_days: null }))).toBe(
      'Median time to hire 27 days over 156 accepted offers, middle half 20 to 36 days.',
    )
  })

  it('says so when no offer was accepted', () => {
    const data = timeToHire({ overall: speedSummary('all', days(0)) })
    expect(speedHeadline(data)).toMatch(/^No offer in this selection was accepted/)
  })
})

describe('retentionBySpeed', () => {
  it('names each quartile by its range of days and keeps its interval and flag', () => {
    const groups = retentionBySpeed(timeToHire())
    expect(groups.map((group) => [group.label, group.insufficient])).toEqual([
      ['14–20 days', false],
      ['21–26 days', true],
    ])
    expect(groups[0]!.retention_rate_ci).toEqual([0.61, 0.89])
  })
})

describe('speedCorrelationSentence', () => {
  it('says there is no detectable relation when the test does not find one', () => {
    expect(speedCorrelationSentence(timeToHire())).toBe(
      'Over 108 hires with a known outcome: no detectable relation between days to hire and staying twelve months (r = .03, 95% CI -.16 to .21, p = .790).',
    )
  })

  it('names the direction only when p is below .05', () => {
    const base = timeToHire()
    const data = timeToHire({
      retention: { ...base.retention, r: -0.3, r_ci: [-0.46, -0.12], p: 0.002 },
    })
    expect(speedCorrelationSentence(data)).toMatch(
      /: hires who took longer were less likely to stay twelve months \(r = -\.30/,
    )
  })

  it('below the data floor gives the reason the answer gives, and no r', () => {
    const tooFew =
      'Too few hires to tell: 19 with a known twelve-month outcome (14 stayed, 5 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    const base = timeToHire()
    const below = timeToHire({
      retention: { ...base.retention, r: null, r_ci: null, p: null, too_few: tooFew },
    })
    expect(speedCorrelationSentence(below)).toBe(tooFew)
    // Even an r sent with the reason is not printed as a finding.
    const sent = timeToHire({ retention: { ...base.retention, too_few: tooFew } })
    expect(speedCorrelationSentence(sent)).toBe(tooFew)
  })

  it('says nothing when the correlation could not be computed', () => {
    const base = timeToHire()
    const data = timeToHire({ retention: { ...base.retention, r: null, r_ci: null, p: null } })
    expect(speedCorrelationSentence(data)).toBeNull()
  })
})
