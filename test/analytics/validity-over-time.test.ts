import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDataset } from '../../api/dataset/snapshot'
import { buildCohort } from '../../api/analyses/cohort'
import { aucDeLong } from '../../api/analytics/auc'
import { shrinkEstimates } from '../../api/analytics/estimate-shrinkage'
import {
  calibrationOfTable,
  type CalibrationReport,
} from '../../api/analytics/interviewer-calibration'
import {
  halfYearOf,
  validityOverTime,
  type HalfYear,
  type TimelineApplication,
} from '../../api/analytics/validity-over-time'
import { ratingTableOfRows } from '../../api/dataset/dataset'
import { createTestApp } from '../helpers/app'
import { createTestDatabase, importTexts } from '../helpers/database'
import { referenceFile } from '../helpers/reference'

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'timeline')
const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8')

type Pair = [number, number]
interface ExpectedHalf {
  half: string
  areas: {
    key: string
    n: number
    n_stayed: number
    n_left: number
    enough: boolean
    r: number | null
    r_ci: Pair | null
  }[]
  time_to_hire: { n: number; median: number | null; median_ci: Pair | null }
  retention: { n: number; stayed: number; share: number | null; share_ci: Pair | null }
}
interface ExpectedShrinkage {
  pooled: number
  between_variance: number
  n_estimates: number
  interviewers: {
    interviewer: string
    n_stayed: number
    n_left: number
    auc: number | null
    variance: number | null
    weight: number | null
    auc_shrunk: number | null
  }[]
}
interface ExpectedTrend {
  key?: string
  from: string | null
  to: string | null
  difference?: number
  z?: number
  p?: number
  overlap?: boolean
}

const expected = JSON.parse(fixture('expected.json')) as {
  reference: {
    as_of: string
    areas: string[]
    halves: ExpectedHalf[]
    auc_shrinkage: ExpectedShrinkage
  }
  cases: {
    halves: ExpectedHalf[]
    trends: { areas: ExpectedTrend[]; retention: ExpectedTrend; time_to_hire: ExpectedTrend }
  }
  interviewer_cases: ExpectedShrinkage
}

const TOLERANCE = 1e-6

function expectClose(actual: number | null | undefined, wanted: number | null, label: string) {
  if (wanted === null) {
    expect(actual ?? null, label).toBeNull()
    return
  }
  expect(actual, label).not.toBeNull()
  expect(Math.abs(actual! - wanted), `${label}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(
    TOLERANCE,
  )
}

function expectPair(actual: Pair | null | undefined, wanted: Pair | null, label: string) {
  if (wanted === null) {
    expect(actual ?? null, label).toBeNull()
    return
  }
  expectClose(actual?.[0], wanted[0], `${label}[0]`)
  expectClose(actual?.[1], wanted[1], `${label}[1]`)
}

/** A half-year as computed against R's: r only where R's counts meet the rule for enough data. */
function expectHalves(actual: readonly HalfYear[], wanted: readonly ExpectedHalf[]) {
  expect(actual.map((cell) => cell.half)).toEqual(wanted.map((cell) => cell.half))
  actual.forEach((cell, h) => {
    const reference = wanted[h]!
    reference.areas.forEach((area, k) => {
      const label = `${cell.half} ${area.key}`
      const got = cell.areas[k]!
      expect(got.key, label).toBe(area.key)
      expect([got.n, got.n_stayed, got.n_left], label).toEqual([area.n, area.n_stayed, area.n_left])
      expectClose(got.r, area.enough ? area.r : null, `${label} r`)
      expectPair(got.r_ci, area.enough ? area.r_ci : null, `${label} r_ci`)
      expect(got.not_computable === null, label).toBe(area.enough && area.r !== null)
    })
    expect(cell.time_to_hire.n).toBe(reference.time_to_hire.n)
    expectClose(cell.time_to_hire.median, reference.time_to_hire.median, `${cell.half} median`)
    expectPair(cell.time_to_hire.median_ci, reference.time_to_hire.median_ci, `${cell.half} ci`)
    expect([cell.retention.n, cell.retention.stayed]).toEqual([
      reference.retention.n,
      reference.retention.stayed,
    ])
    expectClose(cell.retention.share, reference.retention.share, `${cell.half} share`)
    expectPair(cell.retention.share_ci, reference.retention.share_ci, `${cell.half} Wilson`)
    const { n, stayed } = reference.retention
    expect(cell.retention.insufficient).toBe(!(n >= 30 && stayed >= 10 && n - stayed >= 10))
  })
}

const number = (text: string) => (text === '' ? null : Number(text))

describe('validity over time against R (test/fixtures/timeline/timeline.R)', () => {
  const rows = parse<Record<string, string>>(fixture('cases.csv'), { columns: true })
  const applications: TimelineApplication[] = rows.map((row) => ({
    half: row.half!,
    outcome: number(row.outcome!) as 0 | 1 | null,
    areaScores: [number(row.score_a!), number(row.score_b!)],
    timeToHireDays: number(row.time_to_hire_days!),
  }))
  const areas = [
    { key: 'score_a', name: 'Area A' },
    { key: 'score_b', name: 'Area B' },
  ]
  const result = validityOverTime(areas, applications)

  it("gives R's r with its Fisher-z interval, median with its interval and Wilson share per half-year", () => {
    expectHalves(result.halves, expected.cases.halves)
    // The thin first half-year shows no r, and says why.
    expect(result.halves[0]!.areas[0]!.not_computable).toMatch(/Too few hires/)
  })

  it('tests the change in r between the first and last half-years with enough hires by Fisher z', () => {
    expected.cases.trends.areas.forEach((wanted, k) => {
      const trend = result.trends.areas[k]!
      expect([trend.from, trend.to]).toEqual([wanted.from, wanted.to])
      expectClose(trend.difference, wanted.difference!, `${wanted.key} difference`)
      expectClose(trend.statistic, wanted.z!, `${wanted.key} z`)
      expectClose(trend.p, wanted.p!, `${wanted.key} p`)
      expect(trend.direction).toBe(
        wanted.p! < 0.05 ? (wanted.difference! > 0 ? 'up' : 'down') : 'cannot tell',
      )
    })
    expect(result.trends.areas[0]!.sentence).toMatch(/^Area A predicts retention better/)
    expect(result.trends.areas[1]!.sentence).toMatch(/the data cannot tell yet/)
  })

  it('tests the change in retention as prop.test does, and time to hire by its intervals', () => {
    const retention = expected.cases.trends.retention
    expect([result.trends.retention.from, result.trends.retention.to]).toEqual([
      retention.from,
      retention.to,
    ])
    expectClose(result.trends.retention.difference, retention.difference!, 'difference')
    expectClose(result.trends.retention.statistic, retention.z!, 'z')
    expectClose(result.trends.retention.p, retention.p!, 'p')
    expect(result.trends.retention.direction).toBe('up')
    const time = expected.cases.trends.time_to_hire
    expect([result.trends.time_to_hire.from, result.trends.time_to_hire.to]).toEqual([
      time.from,
      time.to,
    ])
    expectClose(result.trends.time_to_hire.difference, time.difference!, 'days')
    expect(result.trends.time_to_hire.direction === 'cannot tell').toBe(time.overlap)
  })

  it('says the data cannot tell with fewer than two half-years of enough hires', () => {
    const thin = validityOverTime(
      areas,
      applications.filter((application) => application.half === '2025-H2'),
    )
    expect(thin.trends.areas.every((trend) => trend.direction === 'cannot tell')).toBe(true)
    expect(thin.trends.retention.sentence).toMatch(/cannot tell yet/)
    expect(thin.trends.time_to_hire.p).toBeNull()
  })

  it('names half-years by the month of application', () => {
    expect(halfYearOf('2025-06-30')).toBe('2025-H1')
    expect(halfYearOf('2025-07-01')).toBe('2025-H2')
  })
})

describe('empirical-Bayes AUC shrinkage against R (pROC DeLong variances)', () => {
  it("shrinks each AUC toward the pooled AUC by τ²/(τ² + var) as R's moments give", () => {
    const rows = parse<Record<string, string>>(fixture('interviewer-cases.csv'), { columns: true })
    const reference = expected.interviewer_cases
    const estimates = reference.interviewers.map(({ interviewer }) => {
      const own = rows.filter((row) => row.interviewer === interviewer)
      const ratingsOf = (outcome: string) =>
        own.filter((row) => row.outcome === outcome).map((row) => Number(row.rating))
      return aucDeLong(ratingsOf('1'), ratingsOf('0'))
    })
    const result = shrinkEstimates(
      estimates.map((estimate) => estimate?.auc ?? null),
      estimates.map((estimate) => estimate?.variance ?? null),
    )
    expectClose(result.pooled, reference.pooled, 'pooled')
    expectClose(result.between_variance, reference.between_variance, 'τ²')
    expect(result.n_estimates).toBe(reference.n_estimates)
    reference.interviewers.forEach((row, i) => {
      expectClose(estimates[i]?.auc, row.auc, `${row.interviewer} auc`)
      expectClose(estimates[i]?.variance, row.variance, `${row.interviewer} variance`)
      expectClose(result.weights[i], row.weight, `${row.interviewer} weight`)
      expectClose(result.shrunk[i], row.auc_shrunk, `${row.interviewer} shrunk`)
    })
    // The interviewer with 8 hires keeps less of their distance from the pool than the one with 200.
    expect(result.weights[1]!).toBeLessThan(result.weights[9]!)
  })

  it('shrinks nothing with fewer than two figures that have a variance', () => {
    const result = shrinkEstimates([0.7, 0.9], [0.01, null])
    expect(result.between_variance).toBeNull()
    expect(result.shrunk).toEqual([null, null])
  })
})

describe('the reference data over time and its interviewers, through the API', () => {
  let timeline: { halves: HalfYear[]; trends: { areas: { direction: string }[] } }
  let interviewers: {
    auc_shrinkage: { pooled: number | null; between_variance: number | null; n_estimates: number }
    interviewers: {
      interviewer: string
      n_hires: number
      auc: number | null
      auc_variance: number | null
      auc_shrunk: number | null
      auc_shrinkage_weight: number | null
      auc_note: string | null
    }[]
  }
  // The calibration the interviewers answer starts from, before the data floor is applied.
  let calibration: CalibrationReport

  beforeAll(async () => {
    const db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': referenceFile('applications.csv'),
      'scores.csv': referenceFile('scores.csv'),
    })
    expect(report.ok).toBe(true)
    const { app } = createTestApp(db)
    const asOf = expected.reference.as_of
    const answer = await app.request(`/api/analytics/validity-over-time?as_of=${asOf}`)
    expect(answer.status).toBe(200)
    timeline = (await answer.json()) as typeof timeline
    const response = await app.request(`/api/analytics/interviewers?as_of=${asOf}`)
    expect(response.status).toBe(200)
    interviewers = (await response.json()) as typeof interviewers
    const dataset = readDataset(db, 'rust')!
    const cohort = buildCohort(dataset, { outcome: 'retained_12m', rubric: 'rust' }, asOf)
    calibration = calibrationOfTable(
      ratingTableOfRows(dataset, cohort.rows),
      Int8Array.from(cohort.rows, (row) => cohort.outcomeOfRow[row]!),
      dataset.areas.map((area) => area.key),
    )
  })

  it('gives the half-years as R does, with no r below the rule for enough data', () => {
    expectHalves(timeline.halves, expected.reference.halves)
    expect(timeline.trends.areas.every((trend) => trend.direction === 'cannot tell')).toBe(true)
  })

  it("computes each interviewer's AUC and its shrinkage as R does", () => {
    const reference = expected.reference.auc_shrinkage
    expectClose(calibration.auc_shrinkage.pooled, reference.pooled, 'pooled')
    expectClose(calibration.auc_shrinkage.between_variance, reference.between_variance, 'τ²')
    expect(calibration.auc_shrinkage.n_estimates).toBe(reference.n_estimates)
    for (const row of reference.interviewers) {
      const got = calibration.interviewers.find((entry) => entry.interviewer === row.interviewer)
      if (!got) {
        expect(row.auc, row.interviewer).toBeNull()
        continue
      }
      expectClose(got.auc, row.auc, `${row.interviewer} auc`)
      expectClose(got.auc_variance, row.variance, `${row.interviewer} variance`)
      expectClose(got.auc_shrinkage_weight, row.weight, `${row.interviewer} weight`)
      expectClose(got.auc_shrunk, row.auc_shrunk, `${row.interviewer} shrunk`)
    }
  })

  it('answers no AUC, raw or shrunk, for an interviewer below the data floor, and says why', () => {
    expect(interviewers.interviewers).toHaveLength(calibration.interviewers.length)
    for (const row of interviewers.interviewers) {
      expect(row.n_hires, row.interviewer).toBeLessThan(30)
      expect(row, row.interviewer).toMatchObject({
        auc: null,
        auc_variance: null,
        auc_shrunk: null,
        auc_shrinkage_weight: null,
      })
      expect(row.auc_note, row.interviewer).toMatch(/^Too few hires to tell: /)
    }
    expect(interviewers.auc_shrinkage.n_estimates).toBe(0)
  })
})
