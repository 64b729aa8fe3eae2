import { createRoute, z } from '@hono/zod-openapi'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { applicationDetailSchema } from '../applications/applications.routes'

const MIN_COMPARED = 2
const MAX_COMPARED = 4

const interval = z.tuple([z.number(), z.number()])
const detail = applicationDetailSchema.shape

export const compareQuerySchema = z.strictObject({
  application_ids: z
    .string()
    .max(600)
    .transform((text) => [...new Set(text.split(',').map((id) => id.trim()))].filter(Boolean))
    .pipe(
      z
        .array(z.string().max(128))
        .min(MIN_COMPARED, `must name at least ${MIN_COMPARED} different applications`)
        .max(MAX_COMPARED, `must name at most ${MAX_COMPARED} applications`),
    )
    .openapi({
      description: `${MIN_COMPARED} to ${MAX_COMPARED} application ids of one requisition, comma separated`,
      example: 'APP-00001,APP-00002',
    }),
})

const comparedApplicationSchema = z.object({
  id: detail.id,
  applied_at: detail.applied_at,
  decision: detail.decision,
  candidate: detail.candidate,
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score: z.number().nullable().openapi({ description: 'Mean of the ratings in the area' }),
      ratings: z.array(detail.scores.element.omit({ area: true })),
    }),
  ),
  composite: z.number().nullable().openapi({
    description:
      "The level's weighted mean of the area scores; over the scored areas only when some are missing",
  }),
  missing_areas: z.array(z.string()),
  red_flags: z.array(z.object({ flag: z.string(), count: z.number().int() })),
  offer: z
    .object({
      salary: z.number().nullable(),
      currency: z.string(),
      accepted_at: z.string().nullable(),
      band_position: z.enum(['below', 'within', 'above']).nullable(),
      compa_ratio: z.number().nullable(),
    })
    .nullable(),
  predicted_retention: z.object({ probability: z.number(), ci: interval }).nullable().openapi({
    description:
      'Probability of staying twelve months for past hires with these area scores, from the multivariable model, with its 95% interval',
  }),
  prediction_note: z.string().nullable(),
})

export const compareResponseSchema = z
  .object({
    as_of: z.string(),
    requisition: z.object({
      id: z.string(),
      title: z.string().nullable(),
      level: detail.requisition.shape.level,
      hire_type: detail.requisition.shape.hire_type,
    }),
    areas: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
    salary_band: z
      .object({
        level: z.string().nullable(),
        metro: z.string().nullable(),
        low: z.number(),
        high: z.number(),
        source: z.string(),
        source_date: z.string(),
      })
      .nullable(),
    model: z.object({
      status: z.string(),
      message: z.string().nullable(),
      n: z.number().int(),
      cv_auc: z.number().nullable(),
    }),
    applications: z.array(comparedApplicationSchema),
  })
  .openapi('Comparison')

export const compare = createRoute({
  method: 'get',
  path: '/compare',
  tags: ['Applications'],
  summary: 'Two to four applications of one requisition side by side, with predicted retention',
  request: { query: compareQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: compareResponseSchema } },
      description: 'The applications, in the order asked for',
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
