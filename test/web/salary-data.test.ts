import { describe, expect, it } from 'vitest'
import {
  averageReferences,
  bandSource,
  compaHistogram,
  compaSentence,
  hiresCsv,
  levelsWithoutBand,
  missingBandLead,
  offersBoxPlot,
  offersCsv,
  retentionByCompaRatio,
} from '../../web/src/features/salary/components/salary-data'
import { GLASSDOOR, levelSalary, salary, ZIPRECRUITER } from './salary-fixture'

describe('offersBoxPlot', () => {
  it('draws the offers of each level over its band, the band named with source and date', () => {
    const plot = offersBoxPlot(salary())
    expect(plot.series.map((series) => series.key)).toEqual(['offers'])
    expect(plot.groups.map((group) => `${group.label} (${group.note})`)).toEqual([
      'Junior (n = 25)',
      'Staff (n = 11)',
    ])
    expect(plot.groups[0]!.backdrop).toEqual({
      low: 115_000,
      high: 191_000,
      label: 'Glassdoor (Rust developer, US average and common range), 2026',
    })
    expect(plot.groups[0]!.boxes.offers?.median).toBe(118_000)
    expect(plot.backdropName).toMatch(/^Benchmark band/)
  })

  it('draws an average without a range as a line, and the axis takes in all of it', () => {
    const plot = offersBoxPlot(salary())
    expect(plot.references).toEqual([
      { value: 110_000, label: 'Average: ZipRecruiter (Rust developer, US average), 2026' },
    ])
    expect(plot.scale.domain[0]).toBeLessThanOrEqual(86_000)
    expect(plot.scale.domain[1]).toBeGreaterThanOrEqual(191_000)
  })

  it('gives a level without a matching band no backdrop', () => {
    const plot = offersBoxPlot(salary({ by_level: [levelSalary('principal', 3, null)] }))
    expect(plot.groups[0]!.backdrop).toBeNull()
  })
})

describe('band sources', () => {
  it('names the metro of a metro band', () => {
    expect(bandSource({ ...GLASSDOOR, metro: 'Berlin' })).toBe(
      'Glassdoor (Rust developer, US average and common range), Berlin, 2026',
    )
  })

  it('keeps level-specific averages off the all-levels lines', () => {
    expect(averageReferences([GLASSDOOR, { ...ZIPRECRUITER, level: 'senior' }])).toEqual([])
  })
})

describe('CSV files', () => {
  it('writes the offers of each level with its band and where it comes from', () => {
    const lines = offersCsv([levelSalary('junior', 25)])
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'level,offers,min,q1,median,q3,max,mean,band_low,band_high,band_source,band_date,below_band,within_band,above_band',
    )
    expect(lines[1]).toBe(
      'junior,25,86000,109500,118000,125000,180000,119480,115000,191000,"Glassdoor (Rust developer, US average and common range)",2026,8,17,0',
    )
  })

  it('writes one row per hire, with the reason where a hire has no compa-ratio', () => {
    const unbanded = {
      application_id: 'APP-000011',
      level: 'staff',
      salary: 230_000,
      band_midpoint: null,
      compa_ratio: null,
      compa_ratio_reason: 'No benchmark band for staff',
    }
    const lines = hiresCsv([...salary().hires, unbanded])
      .trimEnd()
      .split('\r\n')
    expect(lines).toEqual([
      'application_id,level,salary,band_midpoint,compa_ratio,compa_ratio_reason',
      'APP-000005,senior,155000,153000,1.0131,',
      'APP-000009,senior,210000,153000,1.3725,',
      'APP-000011,staff,230000,,,No benchmark band for staff',
    ])
  })
})

describe('missing bands', () => {
  it('names the levels with offers but no band of their own', () => {
    const data = salary({
      by_level: [
        levelSalary('junior', 25),
        levelSalary('mid', 4, null),
        levelSalary('staff', 11, null),
        levelSalary('principal', 2, null),
      ],
    })
    expect(levelsWithoutBand(data)).toEqual(['mid', 'staff', 'principal'])
    expect(missingBandLead(levelsWithoutBand(data))).toBe(
      'No benchmark band for mid, staff and principal',
    )
    expect(missingBandLead(['staff'])).toBe('No benchmark band for staff')
    expect(missingBandLead(levelsWithoutBand(salary()))).toBeNull()
  })
})

describe('compa-ratio', () => {
  it('marks the band midpoint on the histogram', () => {
    const histogram = compaHistogram(salary())
    expect(histogram.references).toEqual([{ value: 1, label: 'Band midpoint' }])
    expect(histogram.bins.map((bin) => bin.middle)).toEqual([0.925, 0.975, 1.025])
  })

  it('describes the middle of the ratios, or says there are none', () => {
    expect(compaSentence(salary())).toBe(
      'Median compa-ratio 0.96 over 152 hires; middle half 0.84 to 1.08. A ratio of 1 is an offer at the midpoint of its band.',
    )
    const none = salary({
      compa_ratio: { n: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null },
    })
    expect(compaSentence(none)).toMatch(/^No hire in this selection has an offer/)
  })

  it('names the retention groups as compa-ratio bands', () => {
    expect(retentionByCompaRatio(salary()).map((group) => group.label)).toEqual([
      'Compa-ratio below 0.9',
      'Compa-ratio 0.9 to 1.1',
      'Compa-ratio above 1.1',
    ])
  })
})
