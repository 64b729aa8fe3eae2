import type {
  AreaValidity,
  Validity,
} from '../../web/src/features/loop-effectiveness/api/get-validity'

/** An area row as the API returns it; override what the test is about. */
export function areaRow(overrides: Partial<AreaValidity> = {}): AreaValidity {
  return {
    key: 'judgment',
    name: 'Judgment',
    n: 96,
    n_pool: 900,
    n_retained: 70,
    n_left: 26,
    mean_retained: 3.2,
    mean_left: 2.7,
    r: 0.31,
    r_ci: [0.12, 0.48],
    p: 0.002,
    q: 0.01,
    sd_pool: 0.8,
    sd_hires: 0.7,
    u: 1.14,
    r_corrected: 0.35,
    r_corrected_ci: [0.14, 0.53],
    odds_ratio: 2.9,
    odds_ratio_ci: [1.4, 6.1],
    log_odds: 1.06,
    log_odds_se: 0.38,
    auc: 0.7,
    auc_ci: [0.6, 0.8],
    insufficient: false,
    not_computable: null,
    warnings: [],
    ...overrides,
  }
}

export function validity(areas: AreaValidity[], overrides: Partial<Validity> = {}): Validity {
  return {
    as_of: '2026-03-31',
    outcome: 'retained_12m',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    n_applications: 1000,
    n_hires: 120,
    n_hires_outcome: 96,
    n_retained: 80,
    n_left: 16,
    areas,
    model: {
      status: 'insufficient',
      message: null,
      n: 0,
      n_retained: 0,
      n_left: 0,
      terms: [],
      coefficients: null,
      se: null,
      z: null,
      p_values: null,
      coef_ci: null,
      odds_ratios: null,
      odds_ratio_ci: null,
      covariance: null,
      auc: null,
      cv_auc: null,
      cv_fold_auc: [],
      deviance: null,
      null_deviance: null,
      iterations: null,
      converged: false,
    },
    power: {
      min_hires: 30,
      hires_to_detect: [
        { r: 0.2, n: 194 },
        { r: 0.3, n: 85 },
      ],
    },
    ...overrides,
  }
}
