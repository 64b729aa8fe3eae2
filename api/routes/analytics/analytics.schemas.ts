import { z } from '@hono/zod-openapi'
import { HIRE_TYPES, LEVELS } from '../../../db/domain'
import { isIsoDate } from '../../analytics/dates'

const isoDate = (description: string) =>
  z
    .string()
    .refine(isIsoDate, { error: 'must be a calendar date YYYY-MM-DD' })
    .openapi({ description, example: '2026-03-31' })

/** The filters every analytics endpoint takes. Unknown parameters are an error, not ignored. */
export const analyticsFiltersSchema = z
  .strictObject({
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
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ['to'],
    error: 'must not be before from',
  })

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

const modelSchema = z
  .object({
    status: z.enum(['ok', 'insufficient', 'separation', 'not_converged', 'singular']),
    message: z.string().nullable(),
    n: z.number().int(),
    n_retained: z.number().int(),
    n_left: z.number().int(),
    terms: z.array(z.string()),
    coefficients: z.array(z.number()).nullable(),
    se: z.array(z.number()).nullable(),
    z: z.array(z.number()).nullable(),
    p_values: z.array(z.number()).nullable(),
    coef_ci: z.array(interval).nullable(),
    odds_ratios: z.array(z.number()).nullable(),
    odds_ratio_ci: z.array(interval).nullable(),
    auc: z.number().nullable(),
    deviance: z.number().nullable(),
    null_deviance: z.number().nullable(),
    iterations: z.number().int().nullable(),
    converged: z.boolean(),
  })
  .openapi('ValidityModel')

export const validityResponseSchema = z
  .object({
    as_of: z.string(),
    outcome: z.literal('retained_12m'),
    rubric: z.object({ key: z.string(), name: z.string() }),
    filters: z.object({
      level: z.enum(LEVELS).nullable(),
      requisition_id: z.string().nullable(),
      hire_type: z.enum(HIRE_TYPES).nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    n_applications: z.number().int(),
    n_hires: z.number().int(),
    n_hires_outcome: z.number().int(),
    n_retained: z.number().int(),
    n_left: z.number().int(),
    areas: z.array(areaValiditySchema),
    model: modelSchema,
    power: z.object({
      min_hires: z.number().int(),
      hires_to_detect: z.array(z.object({ r: z.number(), n: z.number().int() })),
    }),
  })
  .openapi('Validity')
