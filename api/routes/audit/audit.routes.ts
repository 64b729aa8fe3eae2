import { createRoute, z } from '@hono/zod-openapi'
import { AUDIT_ACTIONS } from '../../auth/audit'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { pageOf, pagingSchema } from '../../lib/paging'

const entrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    user_id: z.number().int().nullable(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEntry')

export const list = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['Admin'],
  summary: 'Who imported, exported, changed settings, managed users or erased data, newest first',
  request: {
    query: z.strictObject({ action: z.enum(AUDIT_ACTIONS).optional(), ...pagingSchema }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: pageOf(entrySchema) } },
      description: 'Entries',
    },
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    500: internalErrorResponse,
  },
})
