import { createRoute, z } from '@hono/zod-openapi'
import { HIRE_TYPES, LEVELS } from '../../../db/domain'
import {
  selectApplicationSchema,
  selectCandidateSchema,
  selectRequisitionSchema,
} from '../../../db/schema'
import { redFlagSchema } from '../../analyses/red-flags'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { pageOf, pagingSchema } from '../../lib/paging'

export const interviewerRatingSchema = z
  .object({
    application_id: selectApplicationSchema.shape.id,
    candidate_name: selectCandidateSchema.shape.name,
    requisition_id: selectRequisitionSchema.shape.id,
    requisition_title: selectRequisitionSchema.shape.title,
    level: selectRequisitionSchema.shape.level,
    area: z.string().openapi({ description: 'Rubric area key' }),
    area_name: z.string(),
    rating: z.number(),
    red_flags: z.array(redFlagSchema),
    interviewed_at: z.string().nullable(),
  })
  .openapi('InterviewerRating')

export const ratings = createRoute({
  method: 'get',
  path: '/interviewers/{handle}/ratings',
  tags: ['Interviewers'],
  summary: "One interviewer's ratings, newest interview first",
  description:
    'Hiring managers see only the ratings given on their own requisitions; candidate_name is null once a candidate is erased. An unknown interviewer is 404.',
  request: {
    params: z.object({ handle: z.string().min(1).max(200) }),
    query: z.strictObject({
      level: z.enum(LEVELS).optional().openapi({ description: 'Only requisitions of this level' }),
      hire_type: z.enum(HIRE_TYPES).optional(),
      ...pagingSchema,
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: pageOf(interviewerRatingSchema).extend({ interviewer: z.string() }),
        },
      },
      description: 'A page of the ratings',
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
