import { createRoute, z } from '@hono/zod-openapi'
import { ATS_SOURCES } from '../../../db/domain'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { textField } from '../../lib/field-schemas'

const mappingSchema = z
  .object({
    source: z.enum(ATS_SOURCES),
    attribute: textField({ max: 200 }),
    area: z
      .string()
      .min(1)
      .max(64)
      .nullable()
      .openapi({ description: 'Rubric area key; null ignores the attribute' }),
  })
  .openapi('AttributeMapping')

const rubricQuery = z.strictObject({ rubric: z.string().min(1).max(64).default('rust') })

const listSchema = z.object({ rubric: z.string(), mappings: z.array(mappingSchema) })

export const list = createRoute({
  method: 'get',
  path: '/attribute-mappings',
  tags: ['Import'],
  summary: 'Saved mappings from Greenhouse and Lever attributes to rubric areas',
  request: { query: rubricQuery },
  responses: {
    200: { content: { 'application/json': { schema: listSchema } }, description: 'The mappings' },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})

export const save = createRoute({
  method: 'put',
  path: '/attribute-mappings',
  tags: ['Import'],
  summary: 'Save mappings (each replaces any for the same source and attribute)',
  request: {
    query: rubricQuery,
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({ mappings: z.array(mappingSchema).min(1).max(1000) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: listSchema } }, description: 'Saved' },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
