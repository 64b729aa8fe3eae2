import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { leniencyDeviations } from '../../api/analytics/interviewer-leniency'
import { shrinkLeniencies } from '../../api/analytics/leniency-shrinkage'
import { ratingTableOf, type InterviewerRating } from '../../api/analytics/rating-table'
import { referenceFile } from '../helpers/reference'

interface ExpectedCase {
  ratings: string
  between_variance: number
  within_variance: number
  n_interviewers: number
  n_compared: number
  interviewers: {
    interviewer: string
    n_compared: number
    leniency: number | null
    weight: number
    leniency_shrunk: number
  }[]
}

const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'shrinkage', 'expected.json'), 'utf8'),
) as { cases: ExpectedCase[] }

const allRatings: InterviewerRating[] = parse<Record<string, string>>(referenceFile('scores.csv'), {
  columns: true,
}).map((row) => ({
  interviewer: row.interviewer!,
  application: row.application_id!,
  area: row.area!,
  rating: Number(row.rating),
}))
const firstApplications = new Set(
  [...new Set(allRatings.map((rating) => rating.application))].sort().slice(0, 30),
)
const RATINGS_OF_CASE: Record<string, InterviewerRating[]> = {
  all: allRatings,
  'first 30 applications': allRatings.filter((rating) => firstApplications.has(rating.application)),
}

function shrunkOf(ratings: readonly InterviewerRating[]) {
  const table = ratingTableOf(ratings)
  const { deviations } = leniencyDeviations(table)
  return { names: table.interviewerNames, deviations, result: shrinkLeniencies(deviations) }
}

describe('shrinkLeniencies against R (test/fixtures/shrinkage/shrinkage.R)', () => {
  for (const reference of expected.cases) {
    it(`gives R's τ², σ², weights and shrunk leniencies: ${reference.ratings}`, () => {
      const { names, deviations, result } = shrunkOf(RATINGS_OF_CASE[reference.ratings]!)
      expect(result.n_interviewers).toBe(reference.n_interviewers)
      expect(result.n_compared).toBe(reference.n_compared)
      expect(Math.abs(result.between_variance! - reference.between_variance)).toBeLessThan(1e-9)
      expect(Math.abs(result.within_variance! - reference.within_variance)).toBeLessThan(1e-9)
      expect([...names].sort()).toEqual(reference.interviewers.map((row) => row.interviewer))
      for (const row of reference.interviewers) {
        const code = names.indexOf(row.interviewer)
        expect(deviations[code]!.length).toBe(row.n_compared)
        expect(Math.abs(result.weights[code]! - row.weight)).toBeLessThan(1e-9)
        expect(Math.abs(result.shrunk[code]! - row.leniency_shrunk)).toBeLessThan(1e-9)
      }
    })
  }

  it('pulls an interviewer with few ratings further toward 0 than one with many', () => {
    const few = expected.cases[1]!.interviewers.find((row) => row.n_compared <= 5)!
    const many = expected.cases[1]!.interviewers.find((row) => row.n_compared >= 25)!
    expect(few.weight).toBeLessThan(many.weight)
    const { names, result } = shrunkOf(RATINGS_OF_CASE['first 30 applications']!)
    expect(result.weights[names.indexOf(few.interviewer)]!).toBeLessThan(
      result.weights[names.indexOf(many.interviewer)]!,
    )
  })
})

describe('shrinkLeniencies at the edges', () => {
  it('adjusts no one when fewer than two interviewers were compared', () => {
    const result = shrinkLeniencies([[0.5, 1], []])
    expect(result).toMatchObject({ between_variance: null, within_variance: null, weights: [0, 0] })
    expect(result.shrunk).toEqual([0, 0])
    expect(result.note).toMatch(/Fewer than two interviewers/)
  })

  it('adjusts no one when no interviewer has two compared ratings', () => {
    const result = shrinkLeniencies([[0.5], [-0.5]])
    expect(result.between_variance).toBeNull()
    expect(result.note).toMatch(/two ratings compared/)
  })

  it('shrinks every leniency to 0 when interviewers differ less than their ratings vary', () => {
    // Means 0.1 and −0.1, within variance 2: MSB = 0.08 < MSW, so τ² = 0.
    const result = shrinkLeniencies([
      [1.1, -0.9],
      [0.9, -1.1],
    ])
    expect(result.between_variance).toBe(0)
    expect(result.within_variance).toBeCloseTo(2, 12)
    expect(result.shrunk).toEqual([0, 0])
    expect(result.note).toMatch(/τ² = 0/)
  })

  it('gives 0 to an interviewer with nothing compared, and the textbook weight to the others', () => {
    // Groups [1, 2, 3] and [−1, −2, −3]: MSB = 24, MSW = 1, n₀ = 3, τ² = 23/3; B = 3τ²/(3τ² + 1).
    const result = shrinkLeniencies([[1, 2, 3], [], [-1, -2, -3]])
    const weight = 23 / 24
    expect(result.between_variance).toBeCloseTo(23 / 3, 12)
    expect(result.weights[0]).toBeCloseTo(weight, 12)
    expect(result.weights[1]).toBe(0)
    expect(result.shrunk[0]).toBeCloseTo(2 * weight, 12)
    expect(result.shrunk[2]).toBeCloseTo(-2 * weight, 12)
  })
})
