import { z } from '@hono/zod-openapi'
import { HIRE_TYPES, LEVELS } from '../../../db/domain'
import { isIsoDate } from '../../analytics/dates'

const isoDate = (description: string) =>
  z
    .string()
    .refine(isIsoDate, { error: 'must be a calendar date YYYY-MM-DD' })
    .openapi({ description, example: '2026-03-31' })

const filterShape = {
  outcome: z
    .enum(['retained_12m'])
    .default('retained_12m')
    .openapi({ description: 'The outcome the rubric areas are validated against' }),
  as_of: isoDate('The date the analysis is run for (default: today)').optional(),
  level: z.enum(LEVELS).optional().openapi({ description: 'Only requisitions of this level' }),
  requisition_id: z.string().min(1).max(128).optional(),
  hire_type: z.enum(HIRE_TYPES).optional(),
  from: isoDate('Only applications made on or after this date').optional(),
  to: isoDate('Only applications made on or before this date').optional(),
  rubric: z
    .string()
    .min(1)
    .max(64)
    .default('rust')
    .openapi({ description: 'Key of the rubric whose areas are analysed' }),
}

const fromNotAfterTo = {
  check: (filters: { from?: string | undefined; to?: string | undefined }) =>
    !filters.from || !filters.to || filters.from <= filters.to,
  options: { path: ['to'], error: 'must not be before from' },
}

/** The filters every analytics endpoint takes. Unknown parameters are an error, not ignored. */
export const analyticsFiltersSchema = z
  .strictObject(filterShape)
  .refine(fromNotAfterTo.check, fromNotAfterTo.options)

/** The filters, and weights to score a composite with ("ownership:0.3,judgment:0.7"). */
export const compositeQuerySchema = z
  .strictObject({
    ...filterShape,
    weights: z.string().max(500).optional().openapi({
      description:
        'Proposed weights as area:weight pairs, e.g. ownership:0.2,judgment:0.8; scaled to sum to 1',
      example: 'ownership:0.2,concurrency:0.3,judgment:0.5',
    }),
  })
  .refine(fromNotAfterTo.check, fromNotAfterTo.options)

export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>

const interval = z.tuple([z.number(), z.number()])

const areaValiditySchema = z
  .object({
    key: z.string(),
    name: z.string(),
    n: z
      .number()
      .int()
      .openapi({ description: 'Hires with a known outcome and a score in the area' }),
    n_pool: z.number().int().openapi({ description: 'Applications with a rating in the area' }),
    mean_retained: z.number().nullable(),
    mean_left: z.number().nullable(),
    r: z
      .number()
      .nullable()
      .openapi({ description: 'Point-biserial correlation with the outcome' }),
    r_ci: interval.nullable(),
    p: z.number().nullable(),
    q: z
      .number()
      .nullable()
      .openapi({ description: 'Benjamini–Hochberg adjusted p over the areas' }),
    sd_pool: z.number().nullable(),
    sd_hires: z.number().nullable(),
    u: z.number().nullable().openapi({ description: 'SD(pool) / SD(hires used)' }),
    r_corrected: z.number().nullable().openapi({ description: 'Thorndike Case II corrected r' }),
    r_corrected_ci: interval.nullable(),
    odds_ratio: z
      .number()
      .nullable()
      .openapi({ description: 'Per rating point, logistic regression' }),
    odds_ratio_ci: interval.nullable(),
    log_odds: z.number().nullable(),
    log_odds_se: z.number().nullable(),
    auc: z.number().nullable(),
    auc_ci: interval.nullable(),
    insufficient: z.boolean().openapi({ description: 'Fewer than 30 hires with a known outcome' }),
    not_computable: z.string().nullable(),
    warnings: z.array(z.string()),
  })
  .openapi('AreaValidity')

const int = () => z.number().int()
const rate = () => z.number().nullable()

const modelSchema = z
  .object({
    status: z.enum(['ok', 'insufficient', 'separation', 'not_converged', 'singular']),
    message: z.string().nullable(),
    n: int(),
    n_retained: int(),
    n_left: int(),
    terms: z.array(z.string()),
    coefficients: z.array(z.number()).nullable(),
    se: z.array(z.number()).nullable(),
    z: z.array(z.number()).nullable(),
    p_values: z.array(z.number()).nullable(),
    coef_ci: z.array(interval).nullable(),
    odds_ratios: z.array(z.number()).nullable(),
    odds_ratio_ci: z.array(interval).nullable(),
    auc: z.number().nullable().openapi({ description: 'In-sample AUC of the linear predictor' }),
    cv_auc: z
      .number()
      .nullable()
      .openapi({ description: 'Mean held-out AUC over stratified 5-fold cross-validation' }),
    cv_fold_auc: z.array(z.number().nullable()),
    covariance: z
      .array(z.array(z.number()))
      .nullable()
      .openapi({ description: 'Covariance matrix of the coefficients (as R vcov)' }),
    deviance: z.number().nullable(),
    null_deviance: z.number().nullable(),
    iterations: int().nullable(),
    converged: z.boolean(),
  })
  .openapi('RetentionModel')

/** What every analytics response says about the question it answers. */
const contextShape = {
  as_of: z.string(),
  rubric: z.object({ key: z.string(), name: z.string() }),
  filters: z.object({
    level: z.enum(LEVELS).nullable(),
    requisition_id: z.string().nullable(),
    hire_type: z.enum(HIRE_TYPES).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
}

export const validityResponseSchema = z
  .object({
    ...contextShape,
    outcome: z.literal('retained_12m'),
    n_applications: int(),
    n_hires: int(),
    n_hires_outcome: int(),
    n_retained: int(),
    n_left: int(),
    areas: z.array(areaValiditySchema),
    model: modelSchema,
    power: z.object({
      min_hires: int(),
      hires_to_detect: z.array(z.object({ r: z.number(), n: int() })),
    }),
  })
  .openapi('Validity')

export const modelResponseSchema = z
  .object({ ...contextShape, model: modelSchema })
  .openapi('ModelResponse')

const compositeValiditySchema = z
  .object({
    n: int(),
    r: z.number().nullable(),
    r_ci: interval.nullable(),
    auc: z.number().nullable(),
    auc_ci: interval.nullable(),
    cv_auc: z.number().nullable(),
  })
  .openapi('CompositeValidity')

const areaWeights = z.record(z.string(), z.number())

export const compositeResponseSchema = z
  .object({
    ...contextShape,
    n: int().openapi({ description: 'Hires with a known outcome scored in every area' }),
    current: z.object({
      weights_by_level: z.record(z.string(), areaWeights),
      validity: compositeValiditySchema,
    }),
    suggested: z.object({
      weights: areaWeights.nullable(),
      message: z.string().nullable(),
      validity: compositeValiditySchema.nullable(),
    }),
    proposed: z.object({ weights: areaWeights, validity: compositeValiditySchema }).nullable(),
  })
  .openapi('Composite')

const stepSchema = z.object({
  time: z.number(),
  n_risk: int(),
  n_event: int(),
  n_censor: int(),
  surv: z.number(),
  se_log_surv: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})

const curveShape = { n: int(), events: int(), steps: z.array(stepSchema) }

const benchmarkSchema = z
  .object({
    value: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    unit: z.string(),
    source: z.string(),
    source_date: z.string(),
  })
  .openapi('BenchmarkFigure')

export const retentionResponseSchema = z
  .object({
    ...contextShape,
    threshold: z.number(),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        bands: z.array(
          z.object({ band: z.enum(['ge3', 'lt3']), label: z.string(), ...curveShape }),
        ),
        logrank: z
          .object({
            chisq: z.number(),
            df: int(),
            p: z.number(),
            observed: z.array(z.number()),
            expected: z.array(z.number()),
          })
          .nullable(),
      }),
    ),
    overall: z.object({
      ...curveShape,
      at_12_months: z.object({
        surv: z.number(),
        lower: z.number().nullable(),
        upper: z.number().nullable(),
      }),
      n_outcome: int(),
      retained: int(),
      retained_rate: rate(),
      retained_rate_ci: interval.nullable(),
    }),
    benchmark: benchmarkSchema.nullable(),
  })
  .openapi('Retention')

const distributionSchema = z
  .object({
    n: int(),
    min: z.number().nullable(),
    q1: z.number().nullable(),
    median: z.number().nullable(),
    q3: z.number().nullable(),
    max: z.number().nullable(),
    mean: z.number().nullable(),
  })
  .openapi('Distribution')

const binsSchema = z.array(z.object({ from: z.number(), to: z.number(), count: int() }))

const speedSummarySchema = z.object({
  key: z.string(),
  time_to_hire: distributionSchema,
  time_to_fill: distributionSchema,
  within_benchmark: rate(),
})

const retentionRateShape = {
  n_outcome: int(),
  retained: int(),
  retention_rate: rate(),
  retention_rate_ci: interval.nullable(),
  insufficient: z.boolean(),
}

export const timeToHireResponseSchema = z
  .object({
    ...contextShape,
    benchmark_days: z.number().nullable(),
    benchmark: benchmarkSchema.nullable(),
    overall: speedSummarySchema,
    by_level: z.array(speedSummarySchema),
    by_hire_type: z.array(speedSummarySchema),
    histogram: binsSchema,
    retention: z.object({
      n: int(),
      r: z.number().nullable(),
      r_ci: interval.nullable(),
      p: z.number().nullable(),
      by_quartile: z.array(z.object({ from: z.number(), to: z.number(), ...retentionRateShape })),
    }),
  })
  .openapi('TimeToHire')

const salaryBandSchema = z
  .object({
    id: int(),
    level: z.string().nullable(),
    metro: z.string().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    value: z.number().nullable(),
    source: z.string(),
    source_date: z.string(),
  })
  .openapi('SalaryBand')

export const salaryResponseSchema = z
  .object({
    ...contextShape,
    bands: z.array(salaryBandSchema),
    by_level: z.array(
      z.object({
        level: z.string(),
        band: salaryBandSchema.nullable(),
        offers: distributionSchema,
        below_band: int(),
        within_band: int(),
        above_band: int(),
      }),
    ),
    hires: z.array(
      z.object({
        application_id: z.string(),
        level: z.string(),
        salary: z.number(),
        band_midpoint: z.number(),
        compa_ratio: z.number(),
      }),
    ),
    compa_ratio: distributionSchema,
    compa_histogram: binsSchema,
    retention_by_compa_ratio: z.array(
      z.object({ key: z.string(), label: z.string(), ...retentionRateShape }),
    ),
  })
  .openapi('Salary')

export const interviewersResponseSchema = z
  .object({
    ...contextShape,
    interviewers: z.array(
      z.object({
        interviewer: z.string(),
        n_ratings: int(),
        n_compared: int(),
        leniency: z.number().nullable(),
        leniency_ci: interval.nullable(),
        distribution: z.array(z.object({ rating: z.number(), count: int() })),
        n_hires: int(),
        auc: z.number().nullable(),
        auc_ci: interval.nullable(),
        insufficient: z.boolean(),
      }),
    ),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        n_groups: z.number().nullable(),
        n_ratings: z.number().nullable(),
        k0: z.number().nullable(),
        msb: z.number().nullable(),
        msw: z.number().nullable(),
        icc1: z.number().nullable(),
      }),
    ),
  })
  .openapi('Interviewers')

export const groupRatesResponseSchema = z
  .object({
    ...contextShape,
    groups: z.array(
      z.object({
        key: z.string(),
        decided: int(),
        hired: int(),
        hire_rate: rate(),
        hire_rate_ci: interval.nullable(),
        n_outcome: int(),
        retained: int(),
        retention_rate: rate(),
        retention_rate_ci: interval.nullable(),
        insufficient: z.boolean(),
      }),
    ),
  })
  .openapi('GroupRates')

export const loopTimeResponseSchema = z
  .object({
    ...contextShape,
    total_minutes: z.number(),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        minutes: z.number(),
        share: rate(),
        loops: int(),
        mean_minutes_per_loop: rate(),
        r: z.number().nullable(),
        r_corrected: z.number().nullable(),
        auc: z.number().nullable(),
        insufficient: z.boolean(),
      }),
    ),
  })
  .openapi('LoopTime')

export const adverseImpactResponseSchema = z
  .object({
    ...contextShape,
    applicants: int().openapi({ description: 'Decided applications in the filter' }),
    not_stated: int().openapi({ description: 'Of those, without a self-identified group' }),
    reference_group: z.string().nullable(),
    four_fifths: z.number(),
    groups: z.array(
      z.object({
        group: z.string(),
        applicants: int(),
        selected: int(),
        selection_rate: z.number(),
        impact_ratio: z.number().nullable(),
        below_four_fifths: z.boolean(),
        fisher_p: z.number().nullable(),
      }),
    ),
    pooled: z.array(z.string()),
    suppressed: z.array(z.string()),
  })
  .openapi('AdverseImpact')
