import { describe, expect, it } from 'vitest'
import { fieldErrors } from '../../web/src/lib/field-errors'
import {
  benchmarkDraft,
  benchmarkFigure,
  benchmarkInput,
  blankBenchmark,
  withMetric,
} from '../../web/src/features/settings/components/benchmark-form-data'
import {
  draftChanged,
  draftWeights,
  levelSum,
  weightDraft,
  weightProblems,
} from '../../web/src/features/settings/components/rubric-weights-data'
import { ApiRequestError } from '../../web/src/lib/api-client'
import { GLASSDOOR, RUBRIC } from './settings-fixture'

describe('the rubric weight grid', () => {
  it('starts from the saved weights with nothing to fix or save', () => {
    const draft = weightDraft(RUBRIC)
    expect(draft.junior).toEqual({ ownership: '0.5', judgment: '0.5' })
    expect(weightProblems(draft, RUBRIC)).toEqual([])
    expect(draftChanged(draft, RUBRIC)).toBe(false)
  })

  it('names the level and the area of a weight out of range, and the level whose sum is off', () => {
    const draft = weightDraft(RUBRIC)
    draft.senior.judgment = '1.5'
    draft.mid.ownership = ''
    expect(
      weightProblems(draft, RUBRIC).map((problem) => [problem.field, problem.message]),
    ).toEqual([
      ['weights.mid.ownership', 'Mid, Ownership & lifetimes: enter a weight between 0 and 1'],
      ['weights.mid', 'Mid: the weights sum to 0.5; they must sum to 1'],
      ['weights.senior.judgment', 'Senior, Judgment: enter a weight between 0 and 1'],
      ['weights.senior', 'Senior: the weights sum to 2; they must sum to 1'],
    ])
  })

  it('sums typed decimals without floating-point noise and accepts the server tolerance', () => {
    const draft = weightDraft(RUBRIC)
    draft.junior = { ownership: '0.7', judgment: '0.3' }
    draft.staff = { ownership: '0.3335', judgment: '0.667' }
    expect(levelSum(draft, 'junior')).toBe(1)
    expect(levelSum(draft, 'staff')).toBe(1.0005)
    expect(weightProblems(draft, RUBRIC)).toEqual([])
    expect(draftChanged(draft, RUBRIC)).toBe(true)
    expect(draftWeights(draft).junior).toEqual({ ownership: 0.7, judgment: 0.3 })
  })
})

describe('the benchmark form', () => {
  it('sends empty optional fields as null and drops a band from a metric without one', () => {
    const draft = {
      ...withMetric(blankBenchmark(), 'time_to_hire_days'),
      low: '10',
      value: ' 21 ',
      metro: '  ',
      source: ' Our 2025 searches ',
      source_date: '2025',
    }
    expect(benchmarkInput(draft)).toEqual({
      metric: 'time_to_hire_days',
      level: null,
      metro: null,
      value: 21,
      low: null,
      high: null,
      unit: 'days',
      source: 'Our 2025 searches',
      source_date: '2025',
      note: null,
    })
  })

  it('keeps a unit typed by hand when the metric changes', () => {
    expect(withMetric(blankBenchmark(), 'retention_12m').unit).toBe('ratio')
    expect(withMetric({ ...blankBenchmark(), unit: 'EUR' }, 'time_to_hire_days').unit).toBe('EUR')
  })

  it('round-trips a saved benchmark and describes its figure', () => {
    expect(GLASSDOOR).toMatchObject(benchmarkInput(benchmarkDraft(GLASSDOOR)))
    expect(benchmarkFigure(GLASSDOOR)).toBe('147,000 USD, range 115,000–191,000 USD')
    expect(
      benchmarkFigure({
        ...GLASSDOOR,
        metric: 'retention_12m',
        value: 0.92,
        unit: 'ratio',
        low: null,
        high: null,
      }),
    ).toBe('92%')
  })
})

describe('fieldErrors', () => {
  it("maps the server's details to their fields and ignores anything else", () => {
    const error = new ApiRequestError(400, 'invalid_request', 'Invalid body', [
      { field: 'source_date', message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' },
      { field: 'high', message: 'must be above low' },
      { field: 'high', message: 'too large' },
      'not a detail',
    ])
    expect(fieldErrors(error)).toEqual({
      source_date: 'must be YYYY, YYYY-MM or YYYY-MM-DD',
      high: 'must be above low; too large',
    })
    expect(fieldErrors(new Error('offline'))).toEqual({})
    expect(fieldErrors(null)).toEqual({})
  })
})
