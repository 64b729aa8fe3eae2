import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const REFERENCE_DIR = join(import.meta.dirname, '..', 'fixtures', 'reference')

export const referenceFile = (name: string) => readFileSync(join(REFERENCE_DIR, name))

type Interval = [number | null, number | null]

export interface ExpectedArea {
  key: string
  name: string
  n: number
  n_pool: number
  mean_retained: number | null
  mean_left: number | null
  r: number | null
  r_ci: Interval
  p: number | null
  q: number | null
  sd_pool: number | null
  sd_hires: number | null
  u: number | null
  r_corrected: number | null
  odds_ratio: number | null
  odds_ratio_ci: Interval
  log_odds: number | null
  log_odds_se: number | null
  auc: number | null
  auc_ci: Interval
  insufficient: boolean
}

export interface ExpectedReference {
  as_of: string
  n_applications: number
  n_hires: number
  n_hires_outcome: number
  n_retained: number
  n_left: number
  areas: ExpectedArea[]
  model: {
    n: number
    n_retained: number
    n_left: number
    terms: string[]
    coefficients: number[]
    se: number[]
    z: number[]
    p_values: number[]
    coef_ci: [number, number][]
    odds_ratios: number[]
    odds_ratio_ci: [number, number][]
    auc: number
    deviance: number
    null_deviance: number
    converged: boolean
  }
}

/** Values computed with R from the reference CSVs (see test/fixtures/reference/README.md). */
export const expected = JSON.parse(
  referenceFile('expected.json').toString('utf8'),
) as ExpectedReference

/** One score band's Kaplan–Meier curve as R's survfit gives it in expected.json. */
export interface ExpectedBand {
  band: 'ge3' | 'lt3'
  n: number
  events: number
  time: number[]
  n_risk: number[]
  n_event: number[]
  n_censor: number[]
  surv: number[]
  se_log_surv: (number | null)[]
  lower: (number | null)[]
  upper: (number | null)[]
}
