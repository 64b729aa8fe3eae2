import { createRoute, z } from '@hono/zod-openapi'
import { DECISIONS } from '../../../db/domain'
import {
  selectApplicationSchema,
  selectCandidateSchema,
  selectRequisitionSchema,
} from '../../../db/schema'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { pageOf, pagingSchema, searchSchema } from '../../lib/paging'
import { applicationDetailSchema } from '../../analyses/application-detail'

const application = selectApplicationSchema.shape

export const applicationSummarySchema = z
  .object({
    id: application.id,
    candidate_id: application.candidateId,
    candidate_name: selectCandidateSchema.shape.name,
    requisition_id: application.requisitionId,
    requisition_title: selectRequisitionSchema.shape.title,
    level: selectRequisitionSchema.shape.level,
    applied_at: application.appliedAt,
    decision: application.decision,
    ratings: z.number().int(),
  })
  .openapi('ApplicationSummary')

export const list = createRoute({
  method: 'get',
  path: '/applications',
  tags: ['Applications'],
  summary: 'Applications, newest first',
  request: {
    query: z.strictObject({
      requisition_id: z.string().min(1).max(128).optional(),
      decision: z.enum(DECISIONS).optional(),
      q: searchSchema,
      ...pagingSchema,
    }),
  },
  responses: {
    200: {
      content: { 'application/json': { schema: pageOf(applicationSummarySchema) } },
      description: 'A page of applications',
    },
    400: errorResponse,
    500: internalErrorResponse,
  },
})

export const getOne = createRoute({
  method: 'get',
  path: '/applications/{id}',
  tags: ['Applications'],
  summary: 'One application with its loop: every rating, the area scores, offer and outcome',
  request: { params: z.object({ id: z.string().min(1).max(128) }) },
  responses: {
    200: {
      content: { 'application/json': { schema: applicationDetailSchema } },
      description: 'Found',
    },
    404: errorResponse,
    500: internalErrorResponse,
  },
})
