import { describe, expect, it } from 'vitest'
import { correlationTest } from '../../api/analytics/correlation'
import { addDays } from '../../api/analytics/dates'
import { twoSidedZ } from '../../api/analytics/distributions'
import { timeToHireReport, type TimeToHireFacts } from '../../api/analytics/time-to-hire'

const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'] as const
const AS_OF = '2025-06-30'

function facts(overrides: Partial<TimeToHireFacts>): TimeToHireFacts {
  return {
    decision: 'hired',
    startDate: null,
    endDate: null,
    level: 'mid',
    hireType: 'direct',
    appliedAt: '2025-01-01',
    openedAt: null,
    offerAcceptedAt: null,
    ...overrides,
  }
}

/** Four accepted offers by the as-of date, one accepted after it, one never accepted. */
const SAMPLE: TimeToHireFacts[] = [
  // 2025-01-01 → 01-11: 10 days to hire; 2024-12-02 → 2025-01-11: 30 + 10 = 40 days to fill
  facts({
    level: 'senior',
    hireType: 'direct',
    appliedAt: '2025-01-01',
    openedAt: '2024-12-02',
    offerAcceptedAt: '2025-01-11',
  }),
  // 20 days to hire, no requisition opening date: no time to fill
  facts({
    level: 'junior',
    hireType: 'contract',
    appliedAt: '2025-01-01',
    offerAcceptedAt: '2025-01-21',
  }),
  // 2025-02-01 → 03-03: 28 + 2 = 30 days; 2025-01-02 → 03-03: 30 + 30 = 60 days to fill
  facts({
    level: 'senior',
    hireType: null,
    appliedAt: '2025-02-01',
    openedAt: '2025-01-02',
    offerAcceptedAt: '2025-03-03',
  }),
  // accepted after the as-of date: not yet known, ignored everywhere
  facts({
    level: 'staff',
    hireType: 'direct',
    appliedAt: '2025-06-01',
    openedAt: '2025-05-01',
    offerAcceptedAt: '2025-07-15',
  }),
  // never accepted: ignored
  facts({ level: 'principal', hireType: 'direct', appliedAt: '2025-03-01' }),
  // 2025-03-01 → 03-15: 14 days; 2025-02-20 → 03-15: 8 + 15 = 23 days to fill
  facts({
    level: 'junior',
    hireType: 'direct',
    appliedAt: '2025-03-01',
    openedAt: '2025-02-20',
    offerAcceptedAt: '2025-03-15',
  }),
]

describe('timeToHireReport: time to hire and time to fill', () => {
  const report = timeToHireReport(SAMPLE, AS_OF, 20, LEVELS)

  it('summarises the offers accepted by the as-of date, ignoring later and missing ones', () => {
    // days to hire 10, 20, 30, 14 → sorted 10, 14, 20, 30 (type 7 quartiles):
    // q1 at 0.75 → 10 + 0.75·4 = 13; median at 1.5 → 14 + 0.5·6 = 17; q3 at 2.25 → 20 + 0.25·10
    // = 22.5; mean 74 / 4 = 18.5
    expect(report.overall.key).toBe('all')
    expect(report.overall.time_to_hire).toEqual({
      n: 4,
      min: 10,
      q1: 13,
      median: 17,
      q3: 22.5,
      max: 30,
      mean: 18.5,
    })
    // days to fill 40, 60, 23 → sorted 23, 40, 60: q1 23 + 0.5·17 = 31.5, q3 40 + 0.5·20 = 50,
    // mean 123 / 3 = 41
    expect(report.overall.time_to_fill).toEqual({
      n: 3,
      min: 23,
      q1: 31.5,
      median: 40,
      q3: 50,
      max: 60,
      mean: 41,
    })
  })

  it('counts the share within the benchmark, a hire on the benchmark day included', () => {
    // 10, 14 and 20 are ≤ 20 days: 3 / 4
    expect(report.benchmark_days).toBe(20)
    expect(report.overall.within_benchmark).toBe(0.75)
  })

  it('groups by level in the given level order', () => {
    // junior: 20 and 14 days (both ≤ 20 → 1); senior: 10 and 30 (1 of 2 → 0.5); staff's offer
    // came after the as-of date and principal's was never accepted, so neither level appears
    expect(report.by_level.map((group) => group.key)).toEqual(['junior', 'senior'])
    const [junior, senior] = report.by_level
    expect(junior!.time_to_hire).toMatchObject({ n: 2, min: 14, max: 20, mean: 17 })
    expect(junior!.time_to_fill).toMatchObject({ n: 1, min: 23, max: 23 })
    expect(junior!.within_benchmark).toBe(1)
    expect(senior!.time_to_hire).toMatchObject({ n: 2, min: 10, max: 30, mean: 20 })
    // fill 40 and 60 → mean 50
    expect(senior!.time_to_fill).toMatchObject({ n: 2, mean: 50 })
    expect(senior!.within_benchmark).toBe(0.5)
  })

  it('puts levels missing from the order after the known ones', () => {
    const withIntern = [
      facts({ level: 'intern', offerAcceptedAt: '2025-01-08' }),
      facts({ level: 'staff', offerAcceptedAt: '2025-01-15' }),
      facts({ level: 'junior', offerAcceptedAt: '2025-01-22' }),
    ]
    const result = timeToHireReport(withIntern, AS_OF, null, LEVELS)
    expect(result.by_level.map((group) => group.key)).toEqual(['junior', 'staff', 'intern'])
    expect(result.by_level.map((group) => group.time_to_hire.min)).toEqual([21, 14, 7])
  })

  it('groups by hire type alphabetically, a missing hire type as "unknown"', () => {
    // contract: 20; direct: 10 and 14; unknown: 30
    expect(report.by_hire_type.map((group) => group.key)).toEqual(['contract', 'direct', 'unknown'])
    expect(report.by_hire_type.map((group) => group.time_to_hire.n)).toEqual([1, 2, 1])
    expect(report.by_hire_type.map((group) => group.time_to_hire.mean)).toEqual([20, 12, 30])
    // within 20 days: contract 1/1, direct 2/2, unknown 0/1
    expect(report.by_hire_type.map((group) => group.within_benchmark)).toEqual([1, 1, 0])
  })

  it('bins time to hire by week, empty weeks in between kept', () => {
    // 10 → [7, 14); 14 and 20 → [14, 21); nothing in [21, 28); 30 → [28, 35)
    expect(report.histogram).toEqual([
      { from: 7, to: 14, count: 1 },
      { from: 14, to: 21, count: 2 },
      { from: 21, to: 28, count: 0 },
      { from: 28, to: 35, count: 1 },
    ])
  })

  it('gives a null share within the benchmark when there is no benchmark', () => {
    const result = timeToHireReport(SAMPLE, AS_OF, null, LEVELS)
    expect(result.benchmark_days).toBeNull()
    expect(result.overall.within_benchmark).toBeNull()
    expect(result.by_level.map((group) => group.within_benchmark)).toEqual([null, null])
    expect(result.by_hire_type.map((group) => group.within_benchmark)).toEqual([null, null, null])
  })

  it('has no retention figures when no accepted offer is a hire with a known outcome', () => {
    // no start dates in the sample: no twelve-month outcome
    expect(report.retention).toEqual({ n: 0, r: null, r_ci: null, p: null, by_quartile: [] })
  })
})

describe('timeToHireReport: degenerate inputs', () => {
  it('reports empty summaries, no bins and no retention for no applications', () => {
    const result = timeToHireReport([], AS_OF, 30, LEVELS)
    const empty = { n: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null }
    expect(result.overall).toEqual({
      key: 'all',
      time_to_hire: empty,
      time_to_fill: empty,
      within_benchmark: null,
    })
    expect(result.by_level).toEqual([])
    expect(result.by_hire_type).toEqual([])
    expect(result.histogram).toEqual([])
    expect(result.retention).toEqual({ n: 0, r: null, r_ci: null, p: null, by_quartile: [] })
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('ignores an offer accepted the day after the as-of date but keeps one on it', () => {
    const result = timeToHireReport(
      [
        facts({ appliedAt: '2025-06-01', offerAcceptedAt: '2025-06-30' }),
        facts({ appliedAt: '2025-06-01', offerAcceptedAt: '2025-07-01' }),
      ],
      AS_OF,
      null,
      LEVELS,
    )
    // only 2025-06-01 → 06-30: 29 days
    expect(result.overall.time_to_hire).toMatchObject({ n: 1, min: 29, max: 29 })
  })
})

/** A hire who applied on 2025-01-01, accepted after `days`, started 2025-03-01; left early or not. */
function hire(days: number, stayed: boolean, level = 'mid'): TimeToHireFacts {
  return facts({
    level,
    appliedAt: '2025-01-01',
    offerAcceptedAt: addDays('2025-01-01', days),
    startDate: '2025-03-01',
    // 2025-03-01 → 09-01 is 184 days: left within the first year
    endDate: stayed ? null : '2025-09-01',
  })
}

describe('timeToHireReport: time to hire against twelve-month retention', () => {
  // By 2026-06-30 every hire (started 2025-03-01, + 365 = 2026-03-01) has a known outcome.
  const asOf = '2026-06-30'
  const days = [10, 20, 30, 40, 50, 60, 70, 80]
  const stayed = [true, true, true, false, true, false, false, false]
  const hires = days.map((d, i) => hire(d, stayed[i]!))
  const result = timeToHireReport(hires, asOf, null, LEVELS)

  it('correlates days to hire with the outcome', () => {
    // x̄ = 45, ȳ = 0.5; Σdx·dy = 0.5·(−35 − 25 − 15) + 0.5·5 + 0.5·5 − 0.5·(15 + 25 + 35) = −70,
    // Σdx² = 2·(35² + 25² + 15² + 5²) = 4200, Σdy² = 8·0.25 = 2 → r = −70 / √8400 = −3.5 / √21
    const r = -3.5 / Math.sqrt(21)
    expect(result.retention.n).toBe(8)
    expect(result.retention.r).toBeCloseTo(r, 12)
    // Fisher z interval: tanh(atanh r ∓ 1.96 / √(8 − 3))
    const half = twoSidedZ(0.95) / Math.sqrt(5)
    expect(result.retention.r_ci![0]).toBeCloseTo(Math.tanh(Math.atanh(r) - half), 12)
    expect(result.retention.r_ci![1]).toBeCloseTo(Math.tanh(Math.atanh(r) + half), 12)
    expect(result.retention.r_ci![0]).toBeCloseTo(-0.954644, 5)
    expect(result.retention.r_ci![1]).toBeCloseTo(-0.127956, 5)
    // t = r·√(6 / (1 − r²)) = −2.898 with 6 df: p ≈ 0.0274, the same as correlationTest's
    const outcomes = stayed.map((value) => (value ? 1 : 0))
    expect(result.retention.p).toBe(correlationTest(days, outcomes)!.p)
    expect(result.retention.p).toBeCloseTo(0.0274, 3)
  })

  it('shows retention by quartile of time to hire with Wilson intervals', () => {
    // sorted days 10..80 (n = 8): q1 at 1.75 → 27.5, median at 3.5 → 45, q3 at 5.25 → 62.5;
    // bands (−∞, 27.5], (27.5, 45], (45, 62.5], (62.5, ∞)
    const bands = result.retention.by_quartile
    expect(
      bands.map(({ from, to, n_outcome, retained }) => [from, to, n_outcome, retained]),
    ).toEqual([
      [10, 20, 2, 2],
      [30, 40, 2, 1],
      [50, 60, 2, 1],
      [70, 80, 2, 0],
    ])
    expect(bands.map((band) => band.retention_rate)).toEqual([1, 0.5, 0.5, 0])
    // Wilson 2/2: [0.342380, 1]; 1/2: [0.094531, 0.905469]; 0/2: [0, 0.657620]
    expect(bands[0]!.retention_rate_ci![0]).toBeCloseTo(0.34238, 5)
    expect(bands[0]!.retention_rate_ci![1]).toBe(1)
    expect(bands[1]!.retention_rate_ci![0]).toBeCloseTo(0.094531, 5)
    expect(bands[1]!.retention_rate_ci![1]).toBeCloseTo(0.905469, 5)
    expect(bands[3]!.retention_rate_ci![0]).toBe(0)
    expect(bands[3]!.retention_rate_ci![1]).toBeCloseTo(0.65762, 5)
    // two hires a band is far below 30
    expect(bands.every((band) => band.insufficient)).toBe(true)
  })

  it('leaves hires without a known outcome out of the retention figures only', () => {
    // started 2026-03-01: still inside the first year on the as-of date
    const recent = facts({
      appliedAt: '2026-01-01',
      offerAcceptedAt: '2026-01-31',
      startDate: '2026-03-01',
    })
    const withRecent = timeToHireReport([...hires, recent], asOf, null, LEVELS)
    expect(withRecent.overall.time_to_hire.n).toBe(9)
    expect(withRecent.retention.n).toBe(8)
    expect(withRecent.retention.r).toBeCloseTo(-3.5 / Math.sqrt(21), 12)
  })

  it('gives a null correlation when every hire had the same outcome', () => {
    const allStayed = timeToHireReport(
      days.map((d) => hire(d, true)),
      asOf,
      null,
      LEVELS,
    )
    expect(allStayed.retention.n).toBe(8)
    expect(allStayed.retention.r).toBeNull()
    expect(allStayed.retention.r_ci).toBeNull()
    expect(allStayed.retention.p).toBeNull()
    // the quartile bands are still shown: all retained
    expect(allStayed.retention.by_quartile.map((band) => band.retention_rate)).toEqual([1, 1, 1, 1])
    expect(JSON.stringify(allStayed)).not.toMatch(/NaN|Infinity/)
  })

  it('collapses tied quartiles into one band when every hire took the same time', () => {
    // days 10, 10, 10, 10: every cut is 10, so all four fall in (−∞, 10]; r is null (x constant)
    const tied = timeToHireReport(
      [hire(10, true), hire(10, false), hire(10, true), hire(10, true)],
      asOf,
      null,
      LEVELS,
    )
    expect(tied.retention.r).toBeNull()
    expect(tied.retention.by_quartile).toHaveLength(1)
    expect(tied.retention.by_quartile[0]).toMatchObject({
      from: 10,
      to: 10,
      n_outcome: 4,
      retained: 3,
      retention_rate: 0.75,
    })
    // Wilson 3/4: [0.300642, 0.954413]
    expect(tied.retention.by_quartile[0]!.retention_rate_ci![0]).toBeCloseTo(0.300642, 5)
    expect(tied.retention.by_quartile[0]!.retention_rate_ci![1]).toBeCloseTo(0.954413, 5)
    expect(JSON.stringify(tied)).not.toMatch(/NaN|Infinity/)
  })

  it('gives a single band and no correlation for one hire', () => {
    const one = timeToHireReport([hire(25, false)], asOf, 30, LEVELS)
    expect(one.retention.n).toBe(1)
    expect(one.retention.r).toBeNull()
    expect(one.retention.by_quartile).toHaveLength(1)
    expect(one.retention.by_quartile[0]).toMatchObject({ from: 25, to: 25, retained: 0 })
    expect(one.overall.within_benchmark).toBe(1)
    expect(JSON.stringify(one)).not.toMatch(/NaN|Infinity/)
  })
})
