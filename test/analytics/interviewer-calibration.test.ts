import { describe, expect, it } from 'vitest'
import { icc1 } from '../../api/analytics/icc'
import { interviewerCalibration } from '../../api/analytics/interviewer-calibration'
import type { InterviewerRating } from '../../api/analytics/rating-table'
import { twoSidedZ } from '../../api/analytics/distributions'

function rating(
  interviewer: string,
  application: string,
  area: string,
  value: number,
): InterviewerRating {
  return { interviewer, application, area, rating: value }
}

// h1 and h2 stayed twelve months, h3 and h4 left; x has no known outcome
const OUTCOMES = new Map<string, 0 | 1>([
  ['h1', 1],
  ['h2', 1],
  ['h3', 0],
  ['h4', 0],
])

describe('interviewerCalibration: a single interviewer', () => {
  const ratings = [
    rating('ann', 'h1', 'a', 4),
    rating('ann', 'h1', 'b', 5),
    rating('ann', 'h2', 'a', 3),
    rating('ann', 'h2', 'b', 3),
    rating('ann', 'h3', 'a', 2),
    rating('ann', 'h4', 'a', 3),
    rating('ann', 'h4', 'b', 4),
    rating('ann', 'x', 'a', 5),
  ]
  const report = interviewerCalibration(ratings, OUTCOMES, ['a', 'b'])

  it('has no leniency with no one to compare against', () => {
    expect(report.interviewers).toHaveLength(1)
    expect(report.interviewers[0]).toMatchObject({
      interviewer: 'ann',
      n_ratings: 8,
      n_compared: 0,
      leniency: null,
      leniency_ci: null,
    })
    // ratings 4, 5, 3, 3, 2, 3, 4, 5
    expect(report.interviewers[0]!.distribution).toEqual([
      { rating: 2, count: 1 },
      { rating: 3, count: 3 },
      { rating: 4, count: 2 },
      { rating: 5, count: 2 },
    ])
  })

  it('takes the AUC from their own mean rating per hire with a known outcome', () => {
    const ann = report.interviewers[0]!
    // means: h1 (4 + 5)/2 = 4.5, h2 3, h3 2, h4 (3 + 4)/2 = 3.5; x has no outcome
    // stayers 4.5, 3 against leavers 2, 3.5: 4.5 > 2, 4.5 > 3.5, 3 > 2, 3 < 3.5 → 3/4
    expect(ann.n_hires).toBe(4)
    expect(ann.auc).toBe(0.75)
    // DeLong: case placements [1, 0.5], control placements (cases below) [0, 0.5];
    // variance 0.125/2 + 0.125/2 = 0.125 → 0.75 ∓ 1.96·√0.125, the upper end clipped at 1
    expect(ann.auc_ci![0]).toBeCloseTo(0.75 - twoSidedZ(0.95) * Math.sqrt(0.125), 12)
    expect(ann.auc_ci![0]).toBeCloseTo(0.057048, 5)
    expect(ann.auc_ci![1]).toBe(1)
    expect(ann.insufficient).toBe(true)
  })

  it('has no reliability when each application has a single rating in an area', () => {
    expect(report.areas).toEqual([
      { key: 'a', n_groups: null, n_ratings: null, k0: null, msb: null, msw: null, icc1: null },
      { key: 'b', n_groups: null, n_ratings: null, k0: null, msb: null, msw: null, icc1: null },
    ])
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/)
  })
})

describe('interviewerCalibration: two interviewers, one a point more lenient', () => {
  const ratings = [
    rating('bob', 'h1', 'a', 5),
    rating('ann', 'h1', 'a', 4),
    rating('ann', 'h2', 'a', 3),
    rating('ann', 'h3', 'a', 2),
    rating('ann', 'h4', 'a', 3),
    rating('ann', 'x', 'a', 2),
    rating('bob', 'h2', 'a', 4),
    rating('bob', 'x', 'a', 3),
    rating('ann', 'h1', 'b', 3),
    rating('ann', 'h3', 'b', 2),
  ]
  const report = interviewerCalibration(ratings, OUTCOMES, ['a', 'b'])

  it('recovers the planted leniency of +1 and −1', () => {
    // shared cells (h1, a), (h2, a), (x, a): bob is always ann + 1
    expect(report.interviewers.map((entry) => entry.interviewer)).toEqual(['ann', 'bob'])
    const [ann, bob] = report.interviewers
    expect(ann).toMatchObject({ n_ratings: 7, n_compared: 3, leniency: -1 })
    expect(bob).toMatchObject({ n_ratings: 3, n_compared: 3, leniency: 1 })
    // the deviations do not vary: a zero-width interval
    expect(bob!.leniency_ci).toEqual([1, 1])
    expect(ann!.leniency_ci).toEqual([-1, -1])
  })

  it('counts only the hires with an outcome each interviewer rated', () => {
    const [ann, bob] = report.interviewers
    // ann rated h1–h4 (and x, which has no outcome); bob rated h1, h2 and x
    expect(ann!.n_hires).toBe(4)
    expect(bob!.n_hires).toBe(2)
    // ann's means: h1 (4 + 3)/2 = 3.5, h2 3, h3 (2 + 2)/2 = 2, h4 3; stayers 3.5, 3 against
    // leavers 2, 3: wins 3.5 > 2, 3.5 > 3, 3 > 2 and one tie 3 = 3 → (3 + 0.5) / 4
    expect(ann!.auc).toBe(0.875)
    // bob rated no leaver: no AUC
    expect(bob!.auc).toBeNull()
    expect(bob!.auc_ci).toBeNull()
    expect(bob!.insufficient).toBe(true)
  })

  it('computes the ICC of each area as icc1 does', () => {
    // area a: h1 [4, 5], h2 [3, 4], h3 [2], h4 [3], x [2, 3]; N = 8, a = 5, grand mean 26/8 =
    // 3.25. SSB = 2·1.25² + 2·0.25² + 1.25² + 0.25² + 2·0.75² = 6 → MSB = 6/4 = 1.5;
    // SSW = 0.5 + 0.5 + 0.5 = 1.5 → MSW = 1.5/3 = 0.5; k0 = (8 − 14/8)/4 = 1.5625;
    // ICC = (1.5 − 0.5) / (1.5 + 0.5625·0.5) = 1 / 1.78125
    const [a, b] = report.areas
    expect(a).toMatchObject({ key: 'a', n_groups: 5, n_ratings: 8 })
    expect(a!.msb).toBeCloseTo(1.5, 12)
    expect(a!.msw).toBeCloseTo(0.5, 12)
    expect(a!.k0).toBeCloseTo(1.5625, 12)
    expect(a!.icc1).toBeCloseTo(1 / 1.78125, 12)
    const direct = icc1(
      ratings
        .filter((entry) => entry.area === 'a')
        .map((entry) => ({ group: entry.application, value: entry.rating })),
    )
    expect(a).toEqual({ key: 'a', ...direct })
    // area b: h1 [3], h3 [2] — no application has two ratings
    expect(b!.icc1).toBeNull()
    expect(b!.n_groups).toBeNull()
  })

  it('has no reliability for an area rated on one application only', () => {
    const single = interviewerCalibration(
      [rating('ann', 'h1', 'a', 4), rating('bob', 'h1', 'a', 5), rating('cy', 'h1', 'a', 3)],
      OUTCOMES,
      ['a'],
    )
    expect(single.areas[0]!.icc1).toBeNull()
    expect(single.areas[0]!.msb).toBeNull()
    // each compared with the others' mean: ann 4 − 4 = 0, bob 5 − 3.5 = 1.5, cy 3 − 4.5 = −1.5
    expect(single.interviewers.map((entry) => entry.leniency)).toEqual([0, 1.5, -1.5])
    expect(JSON.stringify(single)).not.toMatch(/NaN|Infinity/)
  })

  it('gives a null ICC for an area with no ratings', () => {
    expect(report.areas).toHaveLength(2)
    const none = interviewerCalibration(ratings, OUTCOMES, ['c'])
    expect(none.areas).toEqual([
      { key: 'c', n_groups: null, n_ratings: null, k0: null, msb: null, msw: null, icc1: null },
    ])
  })
})

describe('interviewerCalibration: sample size', () => {
  // one interviewer rates 30 hires: 15 who stayed scored 4, 15 who left scored 2
  const ids = Array.from({ length: 30 }, (_, i) => `a${i}`)
  const ratings = ids.map((id, i) => rating('ann', id, 'a', i < 15 ? 4 : 2))

  it('is sufficient at 30 hires with an outcome', () => {
    const outcomes = new Map<string, 0 | 1>(ids.map((id, i) => [id, i < 15 ? 1 : 0]))
    const ann = interviewerCalibration(ratings, outcomes, ['a']).interviewers[0]!
    expect(ann.n_hires).toBe(30)
    expect(ann.insufficient).toBe(false)
    // every stayer above every leaver
    expect(ann.auc).toBe(1)
  })

  it('is insufficient at 29', () => {
    const outcomes = new Map<string, 0 | 1>(ids.slice(1).map((id, i) => [id, i < 14 ? 1 : 0]))
    const ann = interviewerCalibration(ratings, outcomes, ['a']).interviewers[0]!
    expect(ann.n_hires).toBe(29)
    expect(ann.insufficient).toBe(true)
  })
})

describe('interviewerCalibration: degenerate inputs', () => {
  it('returns no interviewers and null reliabilities for no ratings', () => {
    const report = interviewerCalibration([], OUTCOMES, ['a'])
    expect(report).toEqual({
      interviewers: [],
      leniency_shrinkage: {
        between_variance: null,
        within_variance: null,
        n_interviewers: 0,
        n_compared: 0,
        note: 'Fewer than two interviewers rated alongside a colleague: no leniency is adjusted.',
      },
      auc_shrinkage: {
        pooled: null,
        between_variance: null,
        n_estimates: 0,
        note: 'Fewer than two figures with a standard error: nothing is shrunk.',
      },
      areas: [
        { key: 'a', n_groups: null, n_ratings: null, k0: null, msb: null, msw: null, icc1: null },
      ],
    })
  })

  it('has no AUC and no hires when no rated application has an outcome', () => {
    const report = interviewerCalibration(
      [rating('ann', 'x', 'a', 3), rating('ann', 'y', 'a', 4)],
      new Map(),
      ['a'],
    )
    expect(report.interviewers[0]).toMatchObject({
      n_hires: 0,
      auc: null,
      auc_ci: null,
      insufficient: true,
    })
  })

  it('gives an AUC of 0.5 and no NaN when every hire got the same rating', () => {
    const report = interviewerCalibration(
      ['h1', 'h2', 'h3', 'h4'].flatMap((id) => [
        rating('ann', id, 'a', 3),
        rating('bob', id, 'a', 3),
      ]),
      OUTCOMES,
      ['a'],
    )
    // all ties: AUC ½ for both; leniency 0; ICC undefined (every value equal)
    expect(report.interviewers.map((entry) => entry.auc)).toEqual([0.5, 0.5])
    expect(report.interviewers.map((entry) => entry.leniency)).toEqual([0, 0])
    expect(report.areas[0]!.icc1).toBeNull()
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/)
  })
})
