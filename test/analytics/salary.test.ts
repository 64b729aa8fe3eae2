import { describe, expect, it } from 'vitest'
import {
  COMPA_BANDS,
  matchingBand,
  salaryReport,
  type SalaryBand,
  type SalaryFacts,
} from '../../api/analytics/salary'

const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'] as const

function band(overrides: Partial<SalaryBand> & { id: number }): SalaryBand {
  return {
    level: null,
    metro: null,
    low: 100_000,
    high: 140_000,
    value: null,
    source: 'survey',
    source_date: '2025-01-01',
    ...overrides,
  }
}

describe('matchingBand', () => {
  const general = band({ id: 1 })
  const senior = band({ id: 2, level: 'senior' })
  const nyc = band({ id: 3, metro: 'NYC' })
  const seniorNyc = band({ id: 4, level: 'senior', metro: 'NYC' })

  it("uses only a band of the offer's own level, its metro's before the nationwide one", () => {
    expect(matchingBand([general, nyc, senior, seniorNyc], 'senior', 'NYC')?.id).toBe(4)
    expect(matchingBand([general, nyc, senior], 'senior', 'NYC')?.id).toBe(2)
    // a band for every level, nationwide or of the metro, would measure the level: none
    expect(matchingBand([general, nyc], 'senior', 'NYC')).toBeNull()
    expect(matchingBand([general], 'senior', null)).toBeNull()
  })

  it('never uses a band of another level or metro', () => {
    // SF: the NYC bands do not apply, the senior one does
    expect(matchingBand([general, nyc, senior, seniorNyc], 'senior', 'SF')?.id).toBe(2)
    // junior in NYC: the senior bands are of another level
    expect(matchingBand([general, nyc, senior, seniorNyc], 'junior', 'NYC')).toBeNull()
    // no metro: metro bands never match
    expect(matchingBand([nyc, seniorNyc], 'senior', null)).toBeNull()
    expect(matchingBand([senior, seniorNyc], 'junior', 'NYC')).toBeNull()
  })

  it('takes the newest source date among equally specific bands, whatever their order', () => {
    const older = band({ id: 10, level: 'mid', source_date: '2024-06-01' })
    const newer = band({ id: 11, level: 'mid', source_date: '2025-06-01' })
    const oldest = band({ id: 12, level: 'mid', source_date: '2023-06-01' })
    expect(matchingBand([older, newer, oldest], 'mid', null)?.id).toBe(11)
    expect(matchingBand([newer, oldest, older], 'mid', null)?.id).toBe(11)
    expect(matchingBand([oldest, older, newer], 'mid', null)?.id).toBe(11)
    // a newer band for every level still loses to the level's own
    const newestGeneral = band({ id: 13, source_date: '2026-01-01' })
    expect(matchingBand([newestGeneral, older], 'mid', null)?.id).toBe(10)
  })

  it('skips bands without a low or a high end', () => {
    const noHigh = band({ id: 20, level: 'senior', metro: 'NYC', high: null })
    const noLow = band({ id: 21, level: 'senior', low: null })
    const whole = band({ id: 22, level: 'senior' })
    expect(matchingBand([general, noHigh, noLow, whole], 'senior', 'NYC')?.id).toBe(22)
    expect(matchingBand([general, noHigh, noLow], 'senior', 'NYC')).toBeNull()
    expect(matchingBand([], 'senior', 'NYC')).toBeNull()
  })
})

function application(overrides: Partial<SalaryFacts> & { id: string }): SalaryFacts {
  return {
    decision: 'rejected',
    startDate: null,
    endDate: null,
    level: 'senior',
    metro: null,
    offerSalary: null,
    ...overrides,
  }
}

const AS_OF = '2025-06-30'
// senior: midpoint (100000 + 140000) / 2 = 120000; senior NYC: (120000 + 160000) / 2 = 140000;
// junior: (60000 + 80000) / 2 = 70000; the band for every level is never an offer's band
const BANDS: SalaryBand[] = [
  band({ id: 1, level: 'senior', low: 100_000, high: 140_000 }),
  band({ id: 2, level: 'senior', metro: 'NYC', low: 120_000, high: 160_000 }),
  band({ id: 3, level: 'junior', low: 60_000, high: 80_000 }),
  band({ id: 4, level: null, low: 115_000, high: 191_000 }),
]
const hired = { decision: 'hired', startDate: '2024-01-01' }
const APPLICATIONS: SalaryFacts[] = [
  // an offer that was declined: counted against the band, no compa-ratio
  application({ id: 's1', offerSalary: 90_000 }),
  // on the low end (within); compa 100000 / 120000 = 0.8333; stayed (2024-01-01 + 365 ≤ as-of)
  application({ id: 's2', offerSalary: 100_000, ...hired }),
  // on the high end (within); compa 140000 / 120000 = 1.1667; left after 152 days
  application({ id: 's3', offerSalary: 140_000, ...hired, endDate: '2024-06-01' }),
  // above the band; starts after the as-of date: no compa-ratio
  application({ id: 's4', offerSalary: 150_000, decision: 'hired', startDate: '2025-12-01' }),
  // NYC: above the senior band in the level table, but compa 154000 / 140000 = 1.1 on the NYC one
  application({ id: 's5', offerSalary: 154_000, metro: 'NYC', ...hired }),
  // compa 63000 / 70000 = 0.9 exactly; stayed
  application({ id: 'j1', level: 'junior', offerSalary: 63_000, ...hired }),
  // no offer: left out of everything
  application({ id: 'j2', level: 'junior', ...hired }),
  // compa 77000 / 70000 = 1.1; started 2025-03-01, outcome not yet known
  application({
    id: 'j3',
    level: 'junior',
    offerSalary: 77_000,
    decision: 'hired',
    startDate: '2025-03-01',
  }),
  // no mid band (the band for every level does not count)
  application({ id: 'm1', level: 'mid', offerSalary: 80_000 }),
  // a mid hire who stayed: no compa-ratio and left out of retention by compa-ratio
  application({ id: 'm2', level: 'mid', offerSalary: 153_000, ...hired }),
]

const NO_MID_BAND =
  "No benchmark band for mid: a compa-ratio is held only against a band of the hire's own level."

describe('salaryReport', () => {
  const report = salaryReport(APPLICATIONS, BANDS, AS_OF, LEVELS)

  it('counts offers below, within and above the band of each level, in level order', () => {
    expect(report.by_level.map((row) => row.level)).toEqual(['junior', 'mid', 'senior'])
    const [junior, mid, senior] = report.by_level
    // junior 63000 and 77000 both in [60000, 80000]
    expect(junior).toMatchObject({ below_band: 0, within_band: 2, above_band: 0 })
    expect(junior!.band?.id).toBe(3)
    expect(junior!.offers).toEqual({
      n: 2,
      min: 63_000,
      q1: 66_500,
      median: 70_000,
      q3: 73_500,
      max: 77_000,
      mean: 70_000,
    })
    // mid: no band, nothing counted, the offers still described, the reason given
    expect(mid).toMatchObject({
      band: null,
      band_reason: NO_MID_BAND,
      below_band: 0,
      within_band: 0,
      above_band: 0,
    })
    expect(mid!.offers).toMatchObject({ n: 2, min: 80_000, max: 153_000 })
    expect(junior!.band_reason).toBeNull()
    // senior 90000 below; 100000 and 140000 within (ends included); 150000 and 154000 above.
    // The level table uses the level's band without metro, so the NYC offer is held against
    // [100000, 140000], not the NYC band.
    expect(senior!.band?.id).toBe(1)
    expect(senior).toMatchObject({ below_band: 1, within_band: 2, above_band: 2 })
    // 90000 + 100000 + 140000 + 150000 + 154000 = 634000 → mean 126800
    expect(senior!.offers).toMatchObject({ n: 5, median: 140_000, mean: 126_800 })
  })

  it('gives a compa-ratio to hires that started by the as-of date, against their own band', () => {
    const banded = { compa_ratio_reason: null }
    expect(report.hires).toEqual([
      {
        application_id: 's2',
        level: 'senior',
        salary: 100_000,
        band_midpoint: 120_000,
        compa_ratio: 100_000 / 120_000,
        ...banded,
      },
      {
        application_id: 's3',
        level: 'senior',
        salary: 140_000,
        band_midpoint: 120_000,
        compa_ratio: 140_000 / 120_000,
        ...banded,
      },
      {
        application_id: 's5',
        level: 'senior',
        salary: 154_000,
        band_midpoint: 140_000,
        compa_ratio: 1.1,
        ...banded,
      },
      {
        application_id: 'j1',
        level: 'junior',
        salary: 63_000,
        band_midpoint: 70_000,
        compa_ratio: 0.9,
        ...banded,
      },
      {
        application_id: 'j3',
        level: 'junior',
        salary: 77_000,
        band_midpoint: 70_000,
        compa_ratio: 1.1,
        ...banded,
      },
      {
        application_id: 'm2',
        level: 'mid',
        salary: 153_000,
        band_midpoint: null,
        compa_ratio: null,
        compa_ratio_reason: NO_MID_BAND,
      },
    ])
  })

  it('describes and bins the compa-ratios', () => {
    // sorted 0.8333, 0.9, 1.1, 1.1, 1.1667: q1 0.9, median 1.1, q3 1.1;
    // mean (5/6 + 0.9 + 1.1 + 1.1 + 7/6) / 5 = 5.1 / 5 = 1.02
    expect(report.compa_ratio).toMatchObject({ n: 5, q1: 0.9, median: 1.1, q3: 1.1 })
    expect(report.compa_ratio.min).toBeCloseTo(5 / 6, 12)
    expect(report.compa_ratio.max).toBeCloseTo(7 / 6, 12)
    expect(report.compa_ratio.mean).toBeCloseTo(1.02, 12)
    // bins of 0.05 from k = 16 (0.8333) to k = 23 (1.1667): 0.9 in k = 18, both 1.1 in k = 22
    expect(report.compa_histogram.map((bin) => bin.count)).toEqual([1, 0, 1, 0, 0, 0, 2, 1])
    expect(report.compa_histogram[0]!.from).toBeCloseTo(0.8, 12)
    expect(report.compa_histogram[7]!.to).toBeCloseTo(1.2, 12)
  })

  it('compares retention by compa-ratio band, 0.9 in the middle band and 1.1 above it', () => {
    expect(COMPA_BANDS.map((entry) => entry.key)).toEqual(['below_0_9', '0_9_to_1_1', 'above_1_1'])
    const [below, middle, above] = report.retention_by_compa_ratio
    // below 0.9: s2 (stayed)
    expect(below).toMatchObject({
      key: 'below_0_9',
      label: 'below 0.9',
      n_outcome: 1,
      retained: 1,
      retention_rate: 1,
      insufficient: true,
    })
    // Wilson 1/1: [0.206549, 1]
    expect(below!.retention_rate_ci![0]).toBeCloseTo(0.206549, 5)
    expect(below!.retention_rate_ci![1]).toBe(1)
    // 0.9 to 1.1: j1 at exactly 0.9 (stayed)
    expect(middle).toMatchObject({ key: '0_9_to_1_1', n_outcome: 1, retained: 1 })
    // above 1.1: s3 (left) and s5 at exactly 1.1 (stayed); j3 at 1.1 has no outcome yet
    expect(above).toMatchObject({
      key: 'above_1_1',
      n_outcome: 2,
      retained: 1,
      retention_rate: 0.5,
      insufficient: true,
    })
    // Wilson 1/2: [0.094531, 0.905469]
    expect(above!.retention_rate_ci![0]).toBeCloseTo(0.094531, 5)
    expect(above!.retention_rate_ci![1]).toBeCloseTo(0.905469, 5)
  })

  it('marks a band with 30 hires with an outcome as sufficient', () => {
    // 30 hires at compa 1.0 (salary = midpoint 120000), 24 stayed and 6 left
    const many = Array.from({ length: 30 }, (_, i) =>
      application({
        id: `h${i}`,
        offerSalary: 120_000,
        ...hired,
        endDate: i < 6 ? '2024-03-01' : null,
      }),
    )
    const middle = salaryReport(many, BANDS, AS_OF, LEVELS).retention_by_compa_ratio[1]!
    expect(middle).toMatchObject({ n_outcome: 30, retained: 24, retention_rate: 0.8 })
    expect(middle.insufficient).toBe(false)
    // Wilson 24/30: [0.626943, 0.904949]
    expect(middle.retention_rate_ci![0]).toBeCloseTo(0.626943, 5)
    expect(middle.retention_rate_ci![1]).toBeCloseTo(0.904949, 5)
  })
})

describe('salaryReport: degenerate inputs', () => {
  it('returns empty results and three empty retention bands for no applications', () => {
    const report = salaryReport([], BANDS, AS_OF, LEVELS)
    expect(report.by_level).toEqual([])
    expect(report.hires).toEqual([])
    expect(report.compa_ratio).toEqual({
      n: 0,
      min: null,
      q1: null,
      median: null,
      q3: null,
      max: null,
      mean: null,
    })
    expect(report.compa_histogram).toEqual([])
    expect(report.retention_by_compa_ratio).toEqual(
      COMPA_BANDS.map((entry) => ({
        key: entry.key,
        label: entry.label,
        n_outcome: 0,
        retained: 0,
        retention_rate: null,
        retention_rate_ci: null,
        insufficient: true,
      })),
    )
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/)
  })

  it('counts nothing against a band and gives no compa-ratio when there are no bands', () => {
    const report = salaryReport(APPLICATIONS, [], AS_OF, LEVELS)
    expect(report.by_level.map((row) => [row.level, row.band, row.below_band])).toEqual([
      ['junior', null, 0],
      ['mid', null, 0],
      ['senior', null, 0],
    ])
    expect(report.by_level.map((row) => row.offers.n)).toEqual([2, 2, 5])
    expect(report.hires.map((hire) => [hire.application_id, hire.compa_ratio])).toEqual([
      ['s2', null],
      ['s3', null],
      ['s5', null],
      ['j1', null],
      ['j3', null],
      ['m2', null],
    ])
    expect(report.hires.every((hire) => hire.compa_ratio_reason !== null)).toBe(true)
    expect(report.compa_ratio.n).toBe(0)
    expect(report.retention_by_compa_ratio.map((entry) => entry.n_outcome)).toEqual([0, 0, 0])
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/)
  })

  it('handles a single hire whose outcome is still unknown', () => {
    const report = salaryReport(
      [application({ id: 'x', offerSalary: 132_000, decision: 'hired', startDate: '2025-06-30' })],
      BANDS,
      AS_OF,
      LEVELS,
    )
    // started on the as-of date: a hire, compa 132000 / 120000 = 1.1 → but no outcome yet
    expect(report.hires).toHaveLength(1)
    expect(report.hires[0]!.compa_ratio).toBeCloseTo(1.1, 12)
    expect(report.retention_by_compa_ratio.map((entry) => entry.n_outcome)).toEqual([0, 0, 0])
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/)
  })
})

describe('salaryReport: level order', () => {
  // BUG: salaryReport sorts levels by levelOrder.indexOf, which is −1 for a level missing from
  // the order, so such a level comes FIRST; timeToHireReport puts unknown levels LAST
  // (index −1 → levelOrder.length). With levels 'intern' and 'senior' and the order
  // [junior, mid, senior, staff, principal], by_level is ['intern', 'senior'] here but
  // ['senior', 'intern'] in the time-to-hire report. (Not reachable through the API today,
  // where every level is one of LEVELS.)
  it('puts levels missing from the order after the known ones, as time to hire does', () => {
    const report = salaryReport(
      [
        application({ id: 'a', level: 'senior', offerSalary: 120_000 }),
        application({ id: 'b', level: 'intern', offerSalary: 40_000 }),
      ],
      BANDS,
      AS_OF,
      LEVELS,
    )
    expect(report.by_level.map((row) => row.level)).toEqual(['senior', 'intern'])
  })
})
