import { createRoute } from '@hono/zod-openapi'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { analyticsFiltersSchema, validityResponseSchema } from './analytics.schemas'

export const validity = createRoute({
  method: 'get',
  path: '/analytics/validity',
  tags: ['Analytics'],
  summary: 'Which rubric areas predict twelve-month retention',
  request: { query: analyticsFiltersSchema },
  responses: {
    200: {
      content: { 'application/json': { schema: validityResponseSchema } },
      description: 'The validity table and the model of all areas together',
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
