import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { dayNumber } from '../../api/analytics/dates'
import { normalTwoSidedP, twoSidedZ } from '../../api/analytics/distributions'
import {
  kaplanMeier,
  logRank,
  survivalAt,
  type KaplanMeierCurve,
  type SurvivalObservation,
  EMPTIED_NOTE,
} from '../../api/analytics/kaplan-meier'
import type { ExpectedBand } from '../helpers/reference'

const REFERENCE_DIR = join(import.meta.dirname, '..', 'fixtures', 'reference')

function readReference(name: string): string {
  return readFileSync(join(REFERENCE_DIR, name), 'utf8')
}

function readCsv(name: string): Record<string, string>[] {
  return parse<Record<string, string>>(readReference(name), {
    columns: true,
    skip_empty_lines: true,
  })
}

interface ExpectedKm {
  as_of: string
  km: {
    area: string
    threshold: number
    n: number
    bands: ExpectedBand[]
    logrank: { chisq: number; df: number; p: number }
  }
}

const expected = JSON.parse(readReference('expected.json')) as ExpectedKm

const Z95 = twoSidedZ(0.95)

/** |actual − wanted| ≤ tolerance, or both null. */
function expectClose(
  actual: number | null | undefined,
  wanted: number | null | undefined,
  tolerance: number,
  label: string,
) {
  if (wanted === null || wanted === undefined) {
    expect(actual ?? null, label).toBeNull()
    return
  }
  expect(actual, label).not.toBeNull()
  expect(Math.abs(actual! - wanted), `${label}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(
    tolerance,
  )
}

const event = (time: number): SurvivalObservation => ({ time, event: true })
const censored = (time: number): SurvivalObservation => ({ time, event: false })

/** Hires with a judgment score, split at 3, with tenure and leaving as reference.R builds them. */
function referenceBands(): { ge3: SurvivalObservation[]; lt3: SurvivalObservation[] } {
  const area = expected.km.area
  const ratings = new Map<string, { total: number; count: number }>()
  for (const row of readCsv('scores.csv')) {
    if (row.area !== area || row.rating === undefined || row.rating.trim() === '') continue
    const rating = Number(row.rating)
    if (Number.isNaN(rating)) continue
    const key = row.application_id!
    const entry = ratings.get(key) ?? { total: 0, count: 0 }
    entry.total += rating
    entry.count++
    ratings.set(key, entry)
  }
  const asOf = dayNumber(expected.as_of)
  const bands = { ge3: [] as SurvivalObservation[], lt3: [] as SurvivalObservation[] }
  for (const row of readCsv('applications.csv')) {
    const start = row.start_date ?? ''
    const end = row.end_date ?? ''
    if (row.decision !== 'hired' || start === '') continue
    const rated = ratings.get(row.application_id!)
    if (rated === undefined) continue
    const score = rated.total / rated.count
    const observation =
      end === '' ? censored(asOf - dayNumber(start)) : event(dayNumber(end) - dayNumber(start))
    bands[score >= expected.km.threshold ? 'ge3' : 'lt3'].push(observation)
  }
  return bands
}

function expectMatchesBand(curve: KaplanMeierCurve, band: ExpectedBand) {
  expect(curve.n, `${band.band} n`).toBe(band.n)
  expect(curve.events, `${band.band} events`).toBe(band.events)
  expect(curve.steps.map((step) => step.time)).toEqual(band.time)
  expect(curve.steps.map((step) => step.n_risk)).toEqual(band.n_risk)
  expect(curve.steps.map((step) => step.n_event)).toEqual(band.n_event)
  expect(curve.steps.map((step) => step.n_censor)).toEqual(band.n_censor)
  curve.steps.forEach((step, i) => {
    const label = `${band.band} t=${step.time}`
    expectClose(step.surv, band.surv[i], 1e-6, `${label} surv`)
    expectClose(step.se_log_surv, band.se_log_surv[i], 1e-6, `${label} se_log_surv`)
    expectClose(step.lower, band.lower[i], 1e-6, `${label} lower`)
    expectClose(step.upper, band.upper[i], 1e-6, `${label} upper`)
  })
}

describe('Kaplan–Meier and log-rank against the R reference values', () => {
  const bands = referenceBands()

  it('builds the same bands as reference.R', () => {
    expect(bands.ge3.length + bands.lt3.length).toBe(expected.km.n)
    expect(expected.km.bands.map((band) => band.band)).toEqual(['ge3', 'lt3'])
  })

  for (const band of expected.km.bands) {
    it(`matches survfit for the ${band.band} band`, () => {
      expectMatchesBand(kaplanMeier(bands[band.band]), band)
    })
  }

  it('matches survdiff', () => {
    const test = logRank([bands.ge3, bands.lt3])!
    expect(test).not.toBeNull()
    expect(test.df).toBe(expected.km.logrank.df)
    expectClose(test.chisq, expected.km.logrank.chisq, 1e-6, 'chisq')
    expectClose(test.p, expected.km.logrank.p, 1e-6, 'p')
    expect(test.observed).toEqual(expected.km.bands.map((band) => band.events))
  })
})

describe('kaplanMeier', () => {
  it('follows the product-limit estimate and Greenwood worked by hand', () => {
    // t  n  d  c   S                 Greenwood Σ d/(n(n−d))
    // 1  5  1  0   4/5 = 0.8         1/20              = 0.05
    // 2  4  1  1   0.8·3/4 = 0.6     0.05 + 1/12       = 2/15
    // 3  2  1  0   0.6·1/2 = 0.3     2/15 + 1/2        = 19/30
    // 4  1  0  1   0.3               19/30
    const curve = kaplanMeier([event(1), event(2), censored(2), event(3), censored(4)])
    expect(curve.n).toBe(5)
    expect(curve.events).toBe(3)
    expect(
      curve.steps.map((step) => [step.time, step.n_risk, step.n_event, step.n_censor]),
    ).toEqual([
      [1, 5, 1, 0],
      [2, 4, 1, 1],
      [3, 2, 1, 0],
      [4, 1, 0, 1],
    ])
    const surv = [0.8, 0.6, 0.3, 0.3]
    const se = [Math.sqrt(0.05), Math.sqrt(2 / 15), Math.sqrt(19 / 30), Math.sqrt(19 / 30)]
    curve.steps.forEach((step, i) => {
      expect(step.surv).toBeCloseTo(surv[i]!, 14)
      expect(step.se_log_surv).toBeCloseTo(se[i]!, 14)
      expect(step.lower).toBeCloseTo(surv[i]! * Math.exp(-Z95 * se[i]!), 14)
    })
    // 0.8·exp(1.96·0.2236) = 1.24 and 0.3·exp(1.96·0.796) = 1.43: clipped at 1, as survfit.
    expect(curve.steps[0]!.upper).toBe(1)
    expect(curve.steps[3]!.upper).toBe(1)
    // 0.6·exp(1.96·0.365) = 1.23 too; an unclipped upper needs a tighter interval (below).
    expect(curve.steps[1]!.upper).toBe(1)
  })

  it('keeps an upper limit below 1 unclipped', () => {
    // Forty at risk, ten events at t = 1: S = 0.75, se = √(10/(40·30)) = 0.0913,
    // upper = 0.75·e^(1.96·0.0913) = 0.897.
    const observations = [
      ...Array.from({ length: 10 }, () => event(1)),
      ...Array.from({ length: 30 }, () => censored(2)),
    ]
    const step = kaplanMeier(observations).steps[0]!
    const se = Math.sqrt(10 / (40 * 30))
    expect(step.surv).toBeCloseTo(0.75, 14)
    expect(step.se_log_surv).toBeCloseTo(se, 14)
    expect(step.upper).toBeCloseTo(0.75 * Math.exp(Z95 * se), 14)
    expect(step.upper).toBeLessThan(1)
  })

  it('counts censorings at an event time as at risk at that time', () => {
    // t = 2: all five at risk (the two censored at 2 included), one event: S = 4/5,
    // Greenwood 1/(5·4).
    const curve = kaplanMeier([censored(2), event(2), censored(2), event(5), censored(7)])
    const step = curve.steps[0]!
    expect([step.time, step.n_risk, step.n_event, step.n_censor]).toEqual([2, 5, 1, 2])
    expect(step.surv).toBeCloseTo(4 / 5, 14)
    expect(step.se_log_surv).toBeCloseTo(Math.sqrt(1 / 20), 14)
    // Two left after t = 2, so t = 5 has n = 2, d = 1: S = 4/5 · 1/2.
    const next = curve.steps[1]!
    expect([next.time, next.n_risk, next.n_event, next.n_censor]).toEqual([5, 2, 1, 0])
    expect(next.surv).toBeCloseTo(0.4, 14)
    expect(next.se_log_surv).toBeCloseTo(Math.sqrt(1 / 20 + 1 / 2), 14)
  })

  it('stays at 1 with a degenerate interval when no one left', () => {
    const curve = kaplanMeier([censored(3), censored(1), censored(3)])
    expect(curve.events).toBe(0)
    expect(curve.steps).toEqual([
      { time: 1, n_risk: 3, n_event: 0, n_censor: 1, surv: 1, se_log_surv: 0, lower: 1, upper: 1 },
      { time: 3, n_risk: 2, n_event: 0, n_censor: 2, surv: 1, se_log_surv: 0, lower: 1, upper: 1 },
    ])
  })

  it('has no steps without observations', () => {
    expect(kaplanMeier([])).toEqual({ n: 0, events: 0, steps: [], interval_note: null })
  })

  it('handles a single observation', () => {
    expect(kaplanMeier([censored(4)]).steps).toEqual([
      { time: 4, n_risk: 1, n_event: 0, n_censor: 1, surv: 1, se_log_surv: 0, lower: 1, upper: 1 },
    ])
    expect(kaplanMeier([event(4)]).steps).toEqual([
      {
        time: 4,
        n_risk: 1,
        n_event: 1,
        n_censor: 0,
        surv: 0,
        se_log_surv: null,
        lower: null,
        upper: null,
      },
    ])
  })

  it('gives null standard error and interval once S reaches 0', () => {
    // Greenwood's d/(n(n − d)) is infinite when all at risk leave; survfit reports NA limits.
    const curve = kaplanMeier([event(1), event(2), event(2)])
    expect(curve.steps[0]!.surv).toBeCloseTo(2 / 3, 14)
    expect(curve.steps[0]!.se_log_surv).toBeCloseTo(Math.sqrt(1 / 6), 14)
    expect(curve.steps[1]).toEqual({
      time: 2,
      n_risk: 2,
      n_event: 2,
      n_censor: 0,
      surv: 0,
      se_log_surv: null,
      lower: null,
      upper: null,
    })
  })

  it('uses the requested confidence level', () => {
    const observations = [event(1), censored(2), event(3), event(4), censored(5), censored(6)]
    const step = kaplanMeier(observations, 0.9).steps[0]!
    const se = Math.sqrt(1 / 30)
    expect(step.lower).toBeCloseTo((5 / 6) * Math.exp(-1.6448536269514722 * se), 8)
  })
})

describe('survivalAt', () => {
  // Steps at 2 (S = 0.75), 4 (censored) and 6 (S = 0.375).
  const curve = kaplanMeier([event(2), censored(4), event(6), censored(9)])

  it('is 1 with interval [1, 1] before the first time', () => {
    expect(survivalAt(curve, 0)).toMatchObject({ surv: 1, lower: 1, upper: 1, note: null })
    expect(survivalAt(curve, 1.99)).toMatchObject({ surv: 1, lower: 1, upper: 1, note: null })
    expect(survivalAt(kaplanMeier([]), 10)).toMatchObject({
      surv: 1,
      lower: 1,
      upper: 1,
      note: null,
    })
  })

  it('takes the value of a step at its own time (right-continuous)', () => {
    const step = curve.steps[0]!
    expect(survivalAt(curve, 2)).toMatchObject({ surv: 0.75, lower: step.lower, upper: step.upper })
  })

  it('keeps the last value between steps', () => {
    expect(survivalAt(curve, 3).surv).toBe(0.75)
    expect(survivalAt(curve, 5).surv).toBe(0.75)
    expect(survivalAt(curve, 7).surv).toBeCloseTo(0.375, 14)
  })

  it('keeps the last step after the last time', () => {
    const last = curve.steps.at(-1)!
    expect(survivalAt(curve, 1000)).toEqual({
      surv: last.surv,
      lower: last.lower,
      upper: last.upper,
      note: null,
    })
    expect(survivalAt(kaplanMeier([event(1)]), 5)).toMatchObject({
      surv: 0,
      lower: null,
      upper: null,
      note: EMPTIED_NOTE,
    })
  })
})

describe('logRank', () => {
  it('is null with fewer than two non-empty groups', () => {
    expect(logRank([[event(1), censored(2)]])).toBeNull()
    expect(logRank([[event(1), censored(2)], []])).toBeNull()
    expect(logRank([])).toBeNull()
  })

  it('is null without any events', () => {
    expect(logRank([[censored(1), censored(2)], [censored(3)]])).toBeNull()
  })

  it('is 0 with p = 1 for two identical groups', () => {
    const group = [event(1), censored(2), event(3), event(3), censored(5), event(8)]
    const test = logRank([group, group])!
    expect(test.chisq).toBeCloseTo(0, 12)
    expect(test.p).toBeCloseTo(1, 6)
    expect(test.df).toBe(1)
    expect(test.observed).toEqual([4, 4])
    expect(test.expected[0]).toBeCloseTo(4, 12)
  })

  it('matches a two-group case worked by hand', () => {
    // A: 1, 1, 3+   B: 1, 2, 4   (+ censored). At each event time, group A's 2×2 table:
    // t  n  n_A  d  d_A   E_A = d·n_A/n   V = d·(n_A/n)(1 − n_A/n)(n − d)/(n − 1)
    // 1  6  3    3  2     3/2             3·½·½·3/5 = 9/20
    // 2  3  1    1  0     1/3             1·⅓·⅔·2/2 = 2/9
    // 4  1  0    1  0     0               none (a single subject at risk)
    // O_A − E_A = 2 − 11/6 = 1/6, V = 121/180, chisq = (1/36)/(121/180) = 5/121
    const test = logRank([
      [event(1), event(1), censored(3)],
      [event(1), event(2), event(4)],
    ])!
    expect(test.observed).toEqual([2, 3])
    expect(test.expected[0]).toBeCloseTo(11 / 6, 14)
    expect(test.expected[1]).toBeCloseTo(5 - 11 / 6, 14)
    expect(test.chisq).toBeCloseTo(5 / 121, 14)
    expect(test.df).toBe(1)
    // With one df the chi-square tail is the two-sided normal tail of √chisq.
    expect(test.p).toBeCloseTo(normalTwoSidedP(Math.sqrt(5 / 121)), 10)
  })

  it('does not depend on the order of the groups', () => {
    const groups = [
      [event(1), censored(2), event(4), event(6)],
      [event(2), event(3), event(3), censored(7)],
      [censored(1), event(5), event(8), event(9), censored(9)],
    ]
    const test = logRank(groups)!
    const reordered = logRank([groups[2]!, groups[0]!, groups[1]!])!
    expect(test.df).toBe(2)
    expect(reordered.chisq).toBeCloseTo(test.chisq, 12)
    expect(test.chisq).toBeGreaterThan(0)
    expect(test.observed.reduce((a, b) => a + b, 0)).toBe(9)
    expect(test.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(9, 12)
  })

  it('is null when the variance is singular', () => {
    // Both at risk leave together at the only event time: (n − d)/(n − 1) = 0, so V = 0.
    expect(logRank([[event(1)], [event(1)]])).toBeNull()
  })

  it('is 0 with p = 1, as survdiff, when only one group has anyone at risk at event times', () => {
    // The second group is censored before the first event, so its expected count is 0.
    const test = logRank([[event(5), event(6)], [censored(1)]])!
    expect(test).toEqual({ chisq: 0, df: 1, p: 1, observed: [2, 0], expected: [2, 0] })
  })

  it('keeps empty groups as zeros in the order given', () => {
    const test = logRank([[event(1), event(2)], [], [event(3), censored(4)]])!
    expect(test.df).toBe(1)
    expect(test.observed).toEqual([2, 0, 1])
    expect(test.expected[1]).toBe(0)
  })
})
