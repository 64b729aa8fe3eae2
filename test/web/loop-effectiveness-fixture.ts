import type { Composite } from '../../web/src/features/loop-effectiveness/api/get-composite'
import type { LoopTime } from '../../web/src/features/loop-effectiveness/api/get-loop-time'
import type {
  ModelResponse,
  RetentionModel,
} from '../../web/src/features/loop-effectiveness/api/get-model'
import type { ValidityOverTime } from '../../web/src/features/loop-effectiveness/api/get-validity-over-time'

const context = {
  as_of: '2026-03-31',
  rubric: { key: 'rust', name: 'Rust engineer' },
  filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
  disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
}

export const AREA_KEYS = ['ownership', 'concurrency', 'judgment'] as const

export const AREA_NAMES = {
  ownership: 'Ownership & lifetimes',
  concurrency: 'Fearless concurrency',
  judgment: 'Judgment',
}

/** A model fitted without trouble: judgment clearly goes with staying, the others do not. */
export function fittedModel(overrides: Partial<RetentionModel> = {}): RetentionModel {
  return {
    status: 'ok',
    message: null,
    n: 108,
    n_retained: 73,
    n_left: 35,
    terms: ['(Intercept)', ...AREA_KEYS],
    columns: [0, 1, 2],
    dropped: [],
    coefficients: [-2, -0.07, 0.3, 1.5],
    se: [1, 0.4, 0.35, 0.45],
    z: [-2, -0.18, 0.86, 3.3],
    p_values: [0.05, 0.87, 0.39, 0.001],
    coef_ci: [
      [-4, 0],
      [-0.85, 0.71],
      [-0.39, 0.99],
      [0.62, 2.38],
    ],
    odds_ratios: [0.14, 0.93, 1.35, 4.48],
    odds_ratio_ci: [
      [0.02, 1],
      [0.43, 2.03],
      [0.68, 2.69],
      [1.86, 10.8],
    ],
    covariance: null,
    auc: 0.78,
    cv_auc: 0.71,
    cv_fold_auc: [0.55, 0.84, 0.79, 0.72, 0.66],
    deviance: 100,
    null_deviance: 120,
    iterations: 5,
    converged: true,
    ...overrides,
  }
}

/** A model the data could not support: no estimates, only the reason. */
export function unfittedModel(
  status: Exclude<RetentionModel['status'], 'ok'>,
  message: string,
): RetentionModel {
  return fittedModel({
    status,
    message,
    coefficients: null,
    se: null,
    z: null,
    p_values: null,
    coef_ci: null,
    odds_ratios: null,
    odds_ratio_ci: null,
    auc: null,
    cv_auc: null,
    cv_fold_auc: [],
    converged: status !== 'not_converged',
  })
}

export const modelResponse = (model: RetentionModel): ModelResponse => ({ ...context, model })

const weights = (ownership: number, concurrency: number, judgment: number) => ({
  ownership,
  concurrency,
  judgment,
})

export function composite(overrides: Partial<Composite> = {}): Composite {
  return {
    ...context,
    n: 108,
    too_few: null,
    current: {
      weights_by_level: {
        junior: weights(0.5, 0.3, 0.2),
        mid: weights(0.3, 0.4, 0.3),
        senior: weights(0.2, 0.3, 0.5),
        staff: weights(0.1, 0.2, 0.7),
        principal: weights(0.1, 0.2, 0.7),
      },
      validity: {
        n: 108,
        r: 0.2,
        r_ci: [0.02, 0.37],
        auc: 0.64,
        auc_ci: [0.5, 0.77],
        cv_auc: 0.64,
      },
    },
    suggested: {
      weights: weights(0, 0.17, 0.83),
      message: null,
      validity: {
        n: 108,
        r: 0.41,
        r_ci: [0.24, 0.55],
        auc: 0.76,
        auc_ci: [0.66, 0.86],
        cv_auc: 0.7,
      },
    },
    proposed: null,
    ...overrides,
  }
}

type LoopTimeArea = LoopTime['areas'][number]

const loopTimeArea = (overrides: Partial<LoopTimeArea> & Pick<LoopTimeArea, 'key' | 'name'>) => ({
  minutes: 1000,
  share: 0.25,
  loops: 20,
  mean_minutes_per_loop: 50,
  r: 0.1,
  r_ci: [-0.1, 0.3] as [number, number],
  r_corrected: 0.12,
  r_corrected_ci: [-0.08, 0.32] as [number, number],
  auc: 0.55,
  insufficient: false,
  ...overrides,
})

export function loopTime(overrides: Partial<LoopTime> = {}): LoopTime {
  return {
    ...context,
    total_minutes: 4000,
    areas: [
      loopTimeArea({
        key: 'ownership',
        name: AREA_NAMES.ownership,
        minutes: 2000,
        share: 0.5,
        r: 0.03,
        r_corrected: 0.04,
        r_corrected_ci: [-0.16, 0.24],
      }),
      loopTimeArea({
        key: 'concurrency',
        name: AREA_NAMES.concurrency,
        r: -0.1,
        r_corrected: -0.12,
        r_corrected_ci: [-0.32, 0.09],
      }),
      loopTimeArea({
        key: 'judgment',
        name: AREA_NAMES.judgment,
        r: 0.3,
        r_corrected: 0.36,
        r_corrected_ci: [0.17, 0.52],
      }),
    ],
    ...overrides,
  }
}

export const MINUTES_WITHHELD =
  "Judgment: interviewer minutes and every figure made of them withheld, as fewer than 10 loops of other managers' requisitions recorded minutes in it, or 1 to 9 more or fewer than in another answer you can get."
export const TOTAL_WITHHELD =
  "The total of interviewer minutes and each area's share of it are withheld, as they add up the minutes withheld."

/** Loop time as a hiring manager gets it where judgment's minutes are withheld. */
export function loopTimeWithheld(): LoopTime {
  return loopTime({
    total_minutes: null,
    disclosure: {
      restricted: true,
      floor: 10,
      notes: [],
      withheld: [
        { figure: 'areas.judgment.minutes', reason: MINUTES_WITHHELD },
        { figure: 'total_minutes', reason: TOTAL_WITHHELD },
      ],
    },
    areas: loopTime().areas.map((area) =>
      area.key === 'judgment'
        ? { ...area, minutes: null, share: null, loops: null, mean_minutes_per_loop: null }
        : { ...area, share: null },
    ),
  })
}

type HalfYearCell = ValidityOverTime['halves'][number]

/** A half-year: r for each area (null below the floor), time to hire and retention. */
export function halfYear(
  half: string,
  rs: readonly (number | null)[],
  overrides: Partial<HalfYearCell> = {},
): HalfYearCell {
  return {
    half,
    areas: ['ownership', 'judgment'].map((key, k) => {
      const r = rs[k] ?? null
      return {
        key,
        n: r === null ? 12 : 60,
        n_stayed: r === null ? 8 : 45,
        n_left: r === null ? 4 : 15,
        r,
        r_ci: r === null ? null : ([r - 0.25, r + 0.22] as [number, number]),
        not_computable: r === null ? 'Too few hires to tell: 12 with a known outcome.' : null,
      }
    }),
    time_to_hire: { n: 40, median: 30, median_ci: [26, 35] },
    retention: { n: 60, stayed: 45, share: 0.75, share_ci: [0.63, 0.84], insufficient: false },
    ...overrides,
  }
}

/** Validity over time with three half-years; the trends cannot tell unless overridden. */
export function validityOverTime(overrides: Partial<ValidityOverTime> = {}): ValidityOverTime {
  const cannotTell = (sentence: string) => ({
    from: null,
    to: null,
    difference: null,
    statistic: null,
    p: null,
    direction: 'cannot tell' as const,
    sentence,
  })
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    areas: [
      { key: 'ownership', name: 'Ownership & lifetimes' },
      { key: 'judgment', name: 'Judgment' },
    ],
    halves: [
      halfYear('2024-H2', [0.1, 0.2]),
      halfYear('2025-H1', [0.15, null]),
      halfYear('2025-H2', [null, null], {
        retention: { n: 3, stayed: 3, share: 1, share_ci: [0.44, 1], insufficient: true },
      }),
    ],
    trends: {
      areas: [
        {
          key: 'ownership',
          ...cannotTell(
            'Ownership & lifetimes: the intervals overlap and the difference could be chance (r = 0.10 in 2024-H2, 0.15 in 2025-H1; p = .770); the data cannot tell yet whether it predicts better or worse.',
          ),
          from: '2024-H2',
          to: '2025-H1',
          difference: 0.05,
          statistic: 0.29,
          p: 0.77,
        },
        {
          key: 'judgment',
          ...cannotTell(
            'Judgment: fewer than two half-years have enough hires for a correlation, so the data cannot tell yet whether it is changing.',
          ),
        },
      ],
      retention: cannotTell(
        'Fewer than two half-years have enough hires with a known twelve-month outcome: the data cannot tell yet whether retention is changing.',
      ),
      time_to_hire: cannotTell(
        'Time to hire: median 30 days in 2024-H2, 30 in 2025-H2; the intervals overlap and the data cannot tell yet whether it is changing.',
      ),
    },
    ...overrides,
  }
}
