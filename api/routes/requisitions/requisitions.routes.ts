import { createRoute, z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { selectRequisitionSchema } from '../../../db/schema'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { pageOf, pagingSchema, searchSchema } from '../../lib/paging'

export const requisitionSchema = z
  .object({
    id: selectRequisitionSchema.shape.id,
    title: selectRequisitionSchema.shape.title,
    level: selectRequisitionSchema.shape.level,
    hire_type: selectRequisitionSchema.shape.hireType,
    opened_at: selectRequisitionSchema.shape.openedAt,
    owner_email: z.string().nullable().openapi({ description: 'The hiring manager who owns it' }),
    applications: z.number().int(),
    hires: z.number().int(),
  })
  .openapi('Requisition')

export const list = createRoute({
  method: 'get',
  path: '/requisitions',
  tags: ['Requisitions'],
  summary: 'Requisitions with their application and hire counts, newest first',
  request: {
    query: z.strictObject({ level: z.enum(LEVELS).optional(), q: searchSchema, ...pagingSchema }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: pageOf(requisitionSchema) } },
      description: 'A page of requisitions',
    },
    400: errorResponse,
    500: internalErrorResponse,
  },
})

export const getOne = createRoute({
  method: 'get',
  path: '/requisitions/{id}',
  tags: ['Requisitions'],
  summary: 'One requisition',
  request: { params: z.object({ id: z.string().min(1).max(128) }) },
  responses: {
    200: { content: { 'application/json': { schema: requisitionSchema } }, description: 'Found' },
    404: errorResponse,
    500: internalErrorResponse,
  },
})

export const update = createRoute({
  method: 'patch',
  path: '/requisitions/{id}',
  tags: ['Requisitions'],
  summary: 'Give a requisition to a hiring manager (or to nobody with null)',
  request: {
    params: z.object({ id: z.string().min(1).max(128) }),
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({ owner_email: z.string().max(254).nullable() }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: requisitionSchema } }, description: 'Saved' },
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
