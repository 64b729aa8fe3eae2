import { createRoute, z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { errorResponse, internalErrorResponse } from '../../lib/errors'

const levelWeights = z.record(z.enum(LEVELS), z.number()).openapi({
  example: { junior: 0.4, mid: 0.25, senior: 0.15, staff: 0.1, principal: 0.1 },
})

const rubricSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    areas: z.array(z.object({ key: z.string(), name: z.string(), weights: levelWeights })),
    red_flags: z.array(z.object({ key: z.string(), name: z.string() })),
  })
  .openapi('Rubric')

const listSchema = z.object({ rubrics: z.array(rubricSchema) })

export const list = createRoute({
  method: 'get',
  path: '/rubrics',
  tags: ['Settings'],
  summary: 'Rubrics with their areas, level weights and red-flag tags',
  responses: {
    200: { content: { 'application/json': { schema: listSchema } }, description: 'The rubrics' },
    401: errorResponse,
    500: internalErrorResponse,
  },
})

export const replaceWeights = createRoute({
  method: 'put',
  path: '/rubrics/{key}/weights',
  tags: ['Settings'],
  summary:
    'Replace the level weights of a rubric: every level, every area, each level summing to 1',
  request: {
    params: z.object({ key: z.string().min(1).max(64) }),
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({
            weights: z
              .record(z.string().max(64), z.record(z.string().max(64), z.number()))
              .openapi({ description: 'level → area key → weight' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: listSchema } }, description: 'Saved' },
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
