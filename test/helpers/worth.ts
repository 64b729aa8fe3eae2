import { readFileSync } from 'node:fs'
import { join } from 'node:path'

type Pair = [number, number]
interface Validity {
  r: number
  r_ci: Pair
  u: number
  r_corrected: number
  r_corrected_ci: Pair
}

interface ExpectedBand {
  n: number
  stayed: number
  share: number | null
  ci: Pair | null
  expected: number | null
  curve: number | null
  curve_ci: Pair | null
}

/** Values computed by test/fixtures/worth/worth.R. */
export interface WorthExpected {
  phi2: { a: number; b: number; rho: number; p: number }[]
  success_ratio: { sr: number; br: number; rho: number; success_ratio: number }[]
  base_rate: { sr: number; rho: number; observed: number; base_rate: number }[]
  utility: {
    ns: number
    na: number
    t: number
    rho: number
    sdy: number
    cost: number
    gain: number
  }[]
  wilson: { stayed: number; n: number; ci: Pair }[]
  reference: {
    as_of: string
    n_pool: number
    n_used: number
    selection_ratio: number
    observed_retention: number
    validity: Record<'current' | 'suggested' | 'what_if', Validity>
    base_rate: number
    success_ratio_at_corrected: number
    suggested_weights: Record<string, number>
    success_ratio_suggested: number
    km_rmean_days: number
    tenure_years: number
    span_days: number
    hires_per_year: number
    applicants_per_year: number
    minutes_per_loop: number
    cost_per_applicant: number
    sdy: number
    gains: Record<'current' | 'suggested' | 'what_if', { gain: number; gain_ci: Pair }>
    suggested_minus_current_r_ci: Pair
    expectancy: ExpectedBand[]
    coarse_expectancy: ExpectedBand[]
  }
}

export const worthExpected = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'worth', 'expected.json'), 'utf8'),
) as WorthExpected

/** The what-if weighting worth.R evaluates. */
export const WHAT_IF = 'ownership:0.1,concurrency:0.1,unsafe_ffi:0.1,traits_errors:0.1,judgment:0.6'
