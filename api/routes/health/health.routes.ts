import { createRoute, z } from '@hono/zod-openapi'
import { internalErrorResponse } from '../../lib/errors'

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    demo_data: z
      .boolean()
      .openapi({ description: 'True when the database holds generated demo data' }),
    data_version: z.number().int(),
    applications: z.number().int(),
  })
  .openapi('Health')

export const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Liveness and what the database holds',
  responses: {
    200: { content: { 'application/json': { schema: healthSchema } }, description: 'Healthy' },
    500: internalErrorResponse,
  },
})
