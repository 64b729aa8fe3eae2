import { describe, expect, it } from 'vitest'
import { EMPTIED_NOTE } from '../../api/analytics/kaplan-meier'
import { addDays } from '../../api/analytics/dates'
import { twoSidedZ } from '../../api/analytics/distributions'
import {
  retentionCurves,
  SCORE_BAND_THRESHOLD,
  tenureAsOf,
  type ScoredHire,
} from '../../api/analytics/retention-curves'

describe('tenureAsOf', () => {
  const asOf = '2025-06-30'

  it('is null for an application that is not a hire', () => {
    expect(
      tenureAsOf({ decision: 'rejected', startDate: '2025-01-01', endDate: null }, asOf),
    ).toBeNull()
    expect(tenureAsOf({ decision: 'hired', startDate: null, endDate: null }, asOf)).toBeNull()
  })

  it('is null for a hire who started after the as-of date', () => {
    expect(
      tenureAsOf({ decision: 'hired', startDate: '2025-07-01', endDate: null }, asOf),
    ).toBeNull()
  })

  it('is an event at end − start for a hire who had left by the as-of date', () => {
    // 2025-01-01 → 03-01: 31 + 28 = 59 days
    expect(
      tenureAsOf({ decision: 'hired', startDate: '2025-01-01', endDate: '2025-03-01' }, asOf),
    ).toEqual({ time: 59, event: true })
    // leaving on the as-of date itself is known then: 31 + 28 + 31 + 30 + 31 + 29 = 180 days
    expect(tenureAsOf({ decision: 'hired', startDate: '2025-01-01', endDate: asOf }, asOf)).toEqual(
      { time: 180, event: true },
    )
  })

  it('is censored at the as-of date for a hire still there, or who left after it', () => {
    expect(
      tenureAsOf({ decision: 'hired', startDate: '2025-01-01', endDate: '2025-08-01' }, asOf),
    ).toEqual({ time: 180, event: false })
    expect(tenureAsOf({ decision: 'hired', startDate: '2025-01-01', endDate: null }, asOf)).toEqual(
      { time: 180, event: false },
    )
    // started on the as-of date: a hire with zero days of follow-up
    expect(tenureAsOf({ decision: 'hired', startDate: asOf, endDate: null }, asOf)).toEqual({
      time: 0,
      event: false,
    })
  })
})

const START = '2025-01-01'
const AS_OF = '2026-06-30'
// 2025-01-01 → 2026-06-30: 365 + 180 = 545 days

function scored(areaScores: (number | null)[], leftAfterDays: number | null): ScoredHire {
  return {
    decision: 'hired',
    startDate: START,
    endDate: leftAfterDays === null ? null : addDays(START, leftAfterDays),
    areaScores,
  }
}

const AREAS = [
  { key: 'a', name: 'Area A' },
  { key: 'b', name: 'Area B' },
]
const APPLICATIONS: ScoredHire[] = [
  scored([3, null], 100), // h1: left at day 100; a score of exactly 3 is "≥ 3"
  scored([4, 2], null), // h2: censored at 545
  scored([2, 2], 200), // h3: left at day 200
  scored([1, null], null), // h4: censored at 545
  scored([null, 5], 400), // h5: left at day 400, after the first year
  // h6: started 2026-03-01, censored at 121 days (30 + 30 + 31 + 30), outcome not yet known
  { decision: 'hired', startDate: '2026-03-01', endDate: null, areaScores: [5, 5] },
  // not hires on the as-of date: left out everywhere
  { decision: 'rejected', startDate: null, endDate: null, areaScores: [5, 5] },
  { decision: 'hired', startDate: '2026-07-01', endDate: null, areaScores: [1, 1] },
]

describe('retentionCurves', () => {
  const result = retentionCurves(AREAS, APPLICATIONS, AS_OF)

  it('splits each area at a score of 3, exactly 3 counting as ≥ 3', () => {
    expect(SCORE_BAND_THRESHOLD).toBe(3)
    expect(result.threshold).toBe(3)
    const [a] = result.areas
    expect(a!.key).toBe('a')
    expect(a!.name).toBe('Area A')
    const [high, low] = a!.bands
    expect(high!.band).toBe('ge3')
    expect(high!.label).toBe('score ≥ 3')
    expect(low!.band).toBe('lt3')
    expect(low!.label).toBe('score < 3')
    // ge3: h1 (3, left 100), h2 (4, censored 545), h6 (5, censored 121)
    expect(high!.n).toBe(3)
    expect(high!.events).toBe(1)
    expect(
      high!.steps.map((step) => [step.time, step.n_risk, step.n_event, step.n_censor]),
    ).toEqual([
      [100, 3, 1, 0],
      [121, 2, 0, 1],
      [545, 1, 0, 1],
    ])
    // S = 2/3 after the one event
    expect(high!.steps.map((step) => step.surv)).toEqual([2 / 3, 2 / 3, 2 / 3])
    // lt3: h3 (2, left 200), h4 (1, censored 545): S = 1/2
    expect(low!.n).toBe(2)
    expect(low!.steps.map((step) => [step.time, step.surv])).toEqual([
      [200, 0.5],
      [545, 0.5],
    ])
  })

  it('leaves hires without a score out of that area only', () => {
    // area b: ge3 h5 (5, left 400), h6 (5, censored 121); lt3 h2 (2), h3 (2); h1 and h4 unscored
    const [, b] = result.areas
    expect(b!.bands.map((band) => [band.n, band.events])).toEqual([
      [2, 1],
      [2, 1],
    ])
    expect(b!.bands[0]!.steps.map((step) => step.time)).toEqual([121, 400])
    // h5 is unscored in area a but still in the overall curve
    expect(result.overall.n).toBe(6)
  })

  it('tests the two bands with the log-rank test', () => {
    // area a, in time order: 100 event (ge3; at risk 3 + 2), 121 censored (ge3), 200 event (lt3;
    // at risk 1 + 2). E_ge3 = 3/5 + 1/3 = 14/15, E_lt3 = 2/5 + 2/3 = 16/15;
    // V = (3/5)(2/5) + (1/3)(2/3) = 6/25 + 2/9 = 104/225; O − E of lt3 = 1 − 16/15 = −1/15;
    // χ² = (1/225) / (104/225) = 1/104, df 1, p = 2·(1 − Φ(√(1/104))) ≈ 0.92189
    const logrank = result.areas[0]!.logrank!
    expect(logrank.observed).toEqual([1, 1])
    expect(logrank.expected[0]).toBeCloseTo(14 / 15, 12)
    expect(logrank.expected[1]).toBeCloseTo(16 / 15, 12)
    expect(logrank.chisq).toBeCloseTo(1 / 104, 12)
    expect(logrank.df).toBe(1)
    expect(logrank.p).toBeCloseTo(0.92189, 4)
  })

  it('estimates overall survival at twelve months from the overall curve', () => {
    // all six hires: 100 E, 121 C, 200 E, 400 E, 545 C, 545 C
    // S(100) = 5/6, S(200) = 5/6 · 3/4 = 0.625, S(400) = 0.625 · 2/3
    expect(result.overall.events).toBe(3)
    expect(result.overall.steps.map((step) => [step.time, step.n_risk])).toEqual([
      [100, 6],
      [121, 5],
      [200, 4],
      [400, 3],
      [545, 2],
    ])
    expect(result.overall.steps[3]!.surv).toBeCloseTo(0.625 * (2 / 3), 12)
    // at 365 days the last step is the one at 200: S = 0.625; Greenwood Σ d/(n(n − d)) =
    // 1/30 + 1/12 = 7/60; lower = 0.625·exp(−1.96·√(7/60)) ≈ 0.320, upper exp(+…) > 1 → 1
    expect(result.overall.at_12_months.surv).toBe(0.625)
    expect(result.overall.at_12_months.lower).toBeCloseTo(
      0.625 * Math.exp(-twoSidedZ(0.95) * Math.sqrt(7 / 60)),
      12,
    )
    expect(result.overall.at_12_months.lower).toBeCloseTo(0.31999, 4)
    expect(result.overall.at_12_months.upper).toBe(1)
  })

  it('gives the retained share of hires with a known twelve-month outcome', () => {
    // known: h1 left (0), h2 stayed, h3 left, h4 stayed, h5 stayed (left after day 365); h6 unknown
    expect(result.overall.n_outcome).toBe(5)
    expect(result.overall.retained).toBe(3)
    expect(result.overall.retained_rate).toBe(0.6)
    // Wilson 3/5: [0.230724, 0.882379]
    expect(result.overall.retained_rate_ci![0]).toBeCloseTo(0.230724, 5)
    expect(result.overall.retained_rate_ci![1]).toBeCloseTo(0.882379, 5)
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })
})

describe('retentionCurves: degenerate inputs', () => {
  it('has no log-rank test when one band is empty', () => {
    // every score ≥ 3: the lt3 band has no one
    const result = retentionCurves(
      [{ key: 'a', name: 'A' }],
      [scored([4], 100), scored([3], null), scored([5], 200)],
      AS_OF,
    )
    const [high, low] = result.areas[0]!.bands
    expect(high!.n).toBe(3)
    expect(low).toMatchObject({ band: 'lt3', n: 0, events: 0, steps: [] })
    expect(result.areas[0]!.logrank).toBeNull()
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('returns empty curves and null rates for no hires', () => {
    const result = retentionCurves(AREAS, [], AS_OF)
    expect(result.areas.map((area) => area.logrank)).toEqual([null, null])
    expect(result.areas.flatMap((area) => area.bands.map((band) => band.n))).toEqual([0, 0, 0, 0])
    expect(result.overall).toEqual({
      n: 0,
      events: 0,
      steps: [],
      interval_note: null,
      at_12_months: { day: 364, surv: 1, lower: 1, upper: 1, note: null },
      n_outcome: 0,
      retained: 0,
      retained_rate: null,
      retained_rate_ci: null,
    })
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('keeps survival at 1 and has no log-rank test when everyone is censored', () => {
    const result = retentionCurves(
      [{ key: 'a', name: 'A' }],
      [scored([4], null), scored([2], null), scored([1], null)],
      AS_OF,
    )
    // no events: the log-rank test has no information
    expect(result.areas[0]!.logrank).toBeNull()
    expect(result.overall.events).toBe(0)
    expect(result.overall.at_12_months).toMatchObject({ surv: 1, lower: 1, upper: 1, note: null })
    // all three passed 365 days: 3 of 3 stayed
    expect(result.overall.retained_rate).toBe(1)
    expect(result.overall.retained_rate_ci![1]).toBe(1)
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('gives null confidence bounds once everyone has left', () => {
    const result = retentionCurves([], [scored([], 50), scored([], 80)], AS_OF)
    expect(result.areas).toEqual([])
    // S(50) = 1/2, S(80) = 0: no interval at S = 0
    expect(result.overall.at_12_months).toEqual({
      day: 364,
      surv: 0,
      lower: null,
      upper: null,
      note: EMPTIED_NOTE,
    })
    expect(result.overall.interval_note).toBe(EMPTIED_NOTE)
    expect(result.overall.retained_rate).toBe(0)
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('has no known outcome for hires still inside their first year', () => {
    const result = retentionCurves([], [scored([], null)], '2025-12-31')
    // 2025-01-01 → 12-31: 364 days, one day short of a year
    expect(result.overall.steps).toEqual([
      expect.objectContaining({ time: 364, n_risk: 1, n_event: 0, n_censor: 1, surv: 1 }),
    ])
    expect(result.overall.n_outcome).toBe(0)
    expect(result.overall.retained_rate).toBeNull()
    expect(result.overall.retained_rate_ci).toBeNull()
  })
})

describe('retentionCurves: the twelve-month boundary', () => {
  // BUG: a hire who leaves exactly 365 days after starting counts as retained in the retained
  // share (retained12m: 0 only if end − start < 365) but as gone in the Kaplan–Meier estimate at
  // twelve months (survivalAt(overall, 365) includes the event at t = 365, S(365) = P(T > 365)).
  // With full follow-up and no censoring before a year the two should agree. Input: two hires
  // starting 2025-01-01, one leaving 2026-01-01 (day 365), one staying, as of 2026-06-30:
  // retained_rate = 1 (2 of 2), at_12_months.surv = 0.5.
  it('agrees with the retained share when every hire was followed a full year', () => {
    const result = retentionCurves([], [scored([], 365), scored([], null)], AS_OF)
    expect(result.overall.at_12_months.surv).toBe(result.overall.retained_rate)
  })
})
