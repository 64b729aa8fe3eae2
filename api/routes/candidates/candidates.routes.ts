import { createRoute, z } from '@hono/zod-openapi'
import { errorResponse, internalErrorResponse } from '../../lib/errors'

export const erase = createRoute({
  method: 'post',
  path: '/candidates/{id}/erasure',
  tags: ['Privacy'],
  summary:
    "Erase a candidate's personal data (name, interview notes, self-ID group); ratings and outcomes stay, de-identified",
  request: { params: z.object({ id: z.string().min(1).max(128) }) },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            candidate_id: z.string(),
            erased_at: z.string(),
            notes_erased: z.number().int(),
          }),
        },
      },
      description: 'Erased (erasing again changes nothing)',
    },
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
