import { describe, expect, it } from 'vitest'
import type {
  AreaReliability,
  InterviewerCalibration,
} from '../../web/src/features/interviewers/api/get-interviewers'
import {
  aucChartData,
  aucKind,
  distributionChartData,
  interviewersCsv,
  leniencyChartData,
  leniencyKind,
  leniencySummary,
  nextSort,
  reliabilitySentence,
  shrinkageSentence,
  sortFrom,
  sortInterviewers,
} from '../../web/src/features/interviewers/components/interviewers-data'

function interviewer(
  name: string,
  overrides: Partial<InterviewerCalibration> = {},
): InterviewerCalibration {
  return {
    interviewer: name,
    n_ratings: 10,
    n_compared: 8,
    n_applications_compared: 4,
    leniency: 0,
    leniency_ci: [-0.2, 0.2],
    leniency_shrunk: 0,
    shrinkage_weight: 0.8,
    distribution: [
      { rating: 2, count: 4 },
      { rating: 3, count: 6 },
    ],
    n_hires: 40,
    auc: 0.6,
    auc_ci: [0.45, 0.75],
    auc_variance: 0.006,
    auc_shrunk: 0.6,
    auc_shrinkage_weight: 0.5,
    n_stayed: 20,
    n_left: 12,
    auc_note: null,
    insufficient: false,
    ...overrides,
  }
}

function area(icc1: number | null): AreaReliability {
  return {
    key: 'ownership',
    name: 'Ownership & lifetimes',
    n_groups: 40,
    n_ratings: 100,
    k0: 2.5,
    msb: 1,
    msw: 0.5,
    icc1,
  }
}

const lenient = interviewer('ana.lee', { leniency: 0.5, leniency_ci: [0.3, 0.7], n_ratings: 30 })
const strict = interviewer('bo.chen', { leniency: -0.4, leniency_ci: [-0.6, -0.2], auc: null })
const alone = interviewer('cy.ng', { leniency: null, leniency_ci: null, n_compared: 0 })

describe('interviewer sorting', () => {
  it('reads the sort from the URL and falls back to most lenient first by shrunk leniency', () => {
    expect(sortFrom(new URLSearchParams('sort=auc&order=asc'))).toEqual({
      key: 'auc',
      order: 'asc',
    })
    expect(sortFrom(new URLSearchParams('sort=nonsense'))).toEqual({
      key: 'leniency_shrunk',
      order: 'desc',
    })
    expect(sortFrom(new URLSearchParams('sort=auc_shrunk&order=desc')).key).toBe('auc_shrunk')
  })

  it('flips the order on the same column and starts a new column in its natural order', () => {
    expect(nextSort({ key: 'leniency', order: 'desc' }, 'leniency')).toEqual({
      key: 'leniency',
      order: 'asc',
    })
    expect(nextSort({ key: 'leniency', order: 'desc' }, 'interviewer').order).toBe('asc')
    expect(nextSort({ key: 'interviewer', order: 'asc' }, 'n_ratings').order).toBe('desc')
  })

  it('sorts either way with missing values last', () => {
    const names = (key: 'leniency' | 'auc', order: 'asc' | 'desc') =>
      sortInterviewers([alone, strict, lenient], { key, order }).map((entry) => entry.interviewer)
    expect(names('leniency', 'desc')).toEqual(['ana.lee', 'bo.chen', 'cy.ng'])
    expect(names('leniency', 'asc')).toEqual(['bo.chen', 'ana.lee', 'cy.ng'])
    expect(names('auc', 'asc')).toEqual(['ana.lee', 'cy.ng', 'bo.chen'])
    expect(
      sortInterviewers([strict, alone, lenient], { key: 'interviewer', order: 'desc' }).map(
        (entry) => entry.interviewer,
      ),
    ).toEqual(['cy.ng', 'bo.chen', 'ana.lee'])
  })
})

describe('leniency and AUC charts', () => {
  it('classifies leniency only by intervals that exclude zero', () => {
    expect([lenient, strict, alone, interviewer('di.o')].map(leniencyKind)).toEqual([
      'higher',
      'lower',
      'too_few',
      'in_line',
    ])
  })

  it('shapes one point per estimate, error bars as distances, and names the missing', () => {
    const data = leniencyChartData([
      { ...lenient, leniency_shrunk: 0.45 },
      alone,
      { ...strict, leniency_shrunk: -0.3 },
    ])
    // Ranked by shrunk leniency: nothing compared shrinks to 0, between the two.
    expect(data.rows.map((row) => row.label)).toEqual(['ana.lee', 'cy.ng', 'bo.chen'])
    expect(data.points.map((point) => point.shrunk)).toEqual([0.45, -0.3])
    expect(data.points.map((point) => [point.key, point.kind])).toEqual([
      ['ana.lee', 'higher'],
      ['bo.chen', 'lower'],
    ])
    expect(data.points[0]!.estimate - data.points[0]!.ci![0]).toBeCloseTo(0.2)
    expect(data.points[0]!.ci![1] - data.points[0]!.estimate).toBeCloseTo(0.2)
    expect(data.missing).toEqual(['cy.ng'])
    expect(data.axis.domain).toEqual([-0.75, 0.75])
    expect(data.axis.ticks).toEqual([-0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75])
  })

  it('shows no AUC below the data floor, however high it is', () => {
    const few = interviewer('ed.wu', {
      n_hires: 12,
      insufficient: true,
      auc: 0.95,
      auc_ci: [0.8, 1],
    })
    const clear = interviewer('fay.li', { auc: 0.8, auc_ci: [0.62, 0.98] })
    expect([few, clear, interviewer('gil.x')].map(aucKind)).toEqual([
      'too_few',
      'better',
      'no_better',
    ])
    const data = aucChartData([few, clear, strict])
    expect(data.points.map((point) => point.key)).toEqual(['fay.li'])
    expect(data.axis.domain).toEqual([0, 1])
    expect(data.missing).toEqual(['bo.chen', 'ed.wu'])
  })

  it('ranks AUCs by the shrunk figure, so a high AUC with a wide interval is not put first', () => {
    const wide = interviewer('ed.wu', {
      n_hires: 32,
      auc: 0.95,
      auc_ci: [0.6, 1],
      auc_shrunk: 0.66,
      auc_shrinkage_weight: 0.05,
    })
    const many = interviewer('fay.li', { auc: 0.8, auc_shrunk: 0.78, auc_shrinkage_weight: 0.9 })
    const none = interviewer('gil.x', { auc: 0.7, auc_shrunk: null, auc_shrinkage_weight: null })
    const data = aucChartData([wide, none, many])
    expect(data.rows.map((row) => row.key)).toEqual(['fay.li', 'ed.wu', 'gil.x'])
    expect(data.points.map((point) => [point.estimate, point.shrunk])).toEqual([
      [0.8, 0.78],
      [0.95, 0.66],
      [0.7, null],
    ])
    expect(
      sortInterviewers([wide, many], { key: 'auc_shrunk', order: 'desc' }).map(
        (entry) => entry.interviewer,
      ),
    ).toEqual(['fay.li', 'ed.wu'])
  })

  it('says what shrinkage did, and that the data cannot tell interviewers apart when τ² is 0', () => {
    const leniency_shrinkage = {
      between_variance: 0.05,
      within_variance: 0.5,
      n_interviewers: 3,
      n_compared: 60,
      note: null,
    }
    const spread = shrinkageSentence({
      leniency_shrinkage,
      auc_shrinkage: { pooled: 0.64, between_variance: 0.002, n_estimates: 8, note: null },
    })
    expect(spread).toMatch(/toward the pooled \.64 by τ² \/ \(τ² \+ their squared standard error\)/)
    expect(spread).toMatch(/rank by the shrunk figures\.$/)
    const flat = shrinkageSentence({
      leniency_shrinkage,
      auc_shrinkage: { pooled: 0.66, between_variance: 0, n_estimates: 11, note: 'τ² = 0' },
    })
    expect(flat).toMatch(/every shrunk AUC is the pooled \.66: the data cannot tell/)
    const none = shrinkageSentence({
      leniency_shrinkage,
      auc_shrinkage: {
        pooled: null,
        between_variance: null,
        n_estimates: 1,
        note: 'Fewer than two figures with a standard error: nothing is shrunk.',
      },
    })
    expect(none).toMatch(/Only one interviewer has an AUC shown: .* it is not shrunk\./)
    const noneShown = shrinkageSentence({
      leniency_shrinkage,
      auc_shrinkage: {
        pooled: null,
        between_variance: null,
        n_estimates: 0,
        note: 'Fewer than two figures with a standard error: nothing is shrunk.',
      },
    })
    expect(noneShown).toMatch(/No interviewer has an AUC shown, so none is shrunk\./)
    expect(noneShown).not.toMatch(/Fewer than two figures/)
  })

  it('sums up who rates out of line without claiming more than the intervals', () => {
    expect(leniencySummary([lenient, strict, alone])).toBe(
      'Of 3 interviewers, 1 rates higher and 1 rates lower than colleagues on the same candidates, by 95% intervals that exclude zero.',
    )
    expect(leniencySummary([interviewer('di.o')])).toMatch(/^None of the 1 interviewer/)
  })
})

describe('rating distributions and reliability', () => {
  it('gives every interviewer a share at every rating anyone used', () => {
    const data = distributionChartData([
      interviewer('a', {
        distribution: [
          { rating: 1, count: 1 },
          { rating: 4, count: 3 },
        ],
      }),
      interviewer('b', { distribution: [{ rating: 2.5, count: 2 }] }),
    ])
    expect(data.ratings).toEqual([1, 2.5, 4])
    expect(data.rows[0]).toEqual({ interviewer: 'a', total: 4, r1: 0.25, 'r2.5': 0, r4: 0.75 })
    expect(data.rows[1]).toMatchObject({ total: 2, 'r2.5': 1 })
  })

  it('says what an ICC means in words, including when it cannot be computed', () => {
    expect(reliabilitySentence(area(0.42))).toMatch(/^Poor agreement: about 42% of the spread/)
    expect(reliabilitySentence(area(0.8))).toMatch(/^Good agreement/)
    expect(reliabilitySentence(area(-0.1))).toMatch(/no more than chance/)
    expect(reliabilitySentence(area(null))).toMatch(/^Not computable/)
  })

  it('writes the table as CSV with empty cells for missing values', () => {
    const lines = interviewersCsv([alone]).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'interviewer,ratings,compared,leniency,leniency_ci_lower,leniency_ci_upper,leniency_shrunk,leniency_shrinkage_weight,hires_with_outcome,auc,auc_ci_lower,auc_ci_upper,auc_shrunk,auc_shrinkage_weight,insufficient',
    )
    expect(lines[1]).toBe('cy.ng,10,0,,,,0,0.8,40,0.6,0.45,0.75,0.6,0.5,false')
  })
})
