import { z } from '@hono/zod-openapi'
import { HIRE_TYPES, LEVELS } from '../../db/domain'
import { isIsoDate } from '../analytics/dates'

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

const weightsShape = {
  weights: z.string().max(500).optional().openapi({
    description:
      'Proposed weights as area:weight pairs, e.g. ownership:0.2,judgment:0.8; scaled to sum to 1',
    example: 'ownership:0.2,concurrency:0.3,judgment:0.5',
  }),
}

/** The filters, and weights to score a composite with ("ownership:0.3,judgment:0.7"). */
export const compositeQuerySchema = z
  .strictObject({ ...filterShape, ...weightsShape })
  .refine(fromNotAfterTo.check, fromNotAfterTo.options)

/** The filters, the inputs of the dollar figure a user may change, and a what-if weighting. */
export const utilityQuerySchema = z
  .strictObject({
    ...filterShape,
    ...weightsShape,
    sdy_share: z.coerce
      .number()
      .gt(0, { error: 'must be above 0' })
      .max(2, { error: 'must be at most 2 (200% of the band midpoint)' })
      .default(0.4)
      .openapi({
        description: "SD_y as a share of the level's salary band midpoint (default 0.40)",
        example: 0.4,
      }),
    hourly_cost: z.coerce
      .number()
      .min(0, { error: 'must be 0 or more' })
      .max(10_000, { error: 'must be at most 10000 dollars an hour' })
      .default(100)
      .openapi({
        description: "Dollars per interviewer hour, the interview's cost (default 100)",
        example: 100,
      }),
  })
  .refine(fromNotAfterTo.check, fromNotAfterTo.options)

export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>
export type UtilityQuery = z.infer<typeof utilityQuerySchema>
export type CompositeQuery = z.infer<typeof compositeQuerySchema>

/** The filters, and the rubric area whose questions are wanted (all areas when left out). */
export const questionsQuerySchema = z
  .strictObject({
    ...filterShape,
    area: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: 'Key of a rubric area: only its questions', example: 'judgment' }),
  })
  .refine(fromNotAfterTo.check, fromNotAfterTo.options)

export type QuestionsQuery = z.infer<typeof questionsQuerySchema>
