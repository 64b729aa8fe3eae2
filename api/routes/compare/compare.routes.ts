import { createRoute, z } from '@hono/zod-openapi'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { compareResponseSchema } from '../../analyses/compare'
import {
  compareCandidatesQuerySchema,
  compareCandidatesResponseSchema,
} from '../../analyses/compare-candidates'

const MIN_COMPARED = 2
const MAX_COMPARED = 4

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

export const candidates = createRoute({
  method: 'get',
  path: '/compare/candidates',
  tags: ['Applications'],
  summary: "A requisition's candidates to compare: status, composite, search",
  description:
    'Best composite first. A hiring manager asking for a requisition that is not theirs gets 404.',
  request: { query: compareCandidatesQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: compareCandidatesResponseSchema } },
      description: "The requisition's candidates matching the search and status",
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
