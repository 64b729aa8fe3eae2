import { createRoute, z } from '@hono/zod-openapi'
import { DECISIONS } from '../../../db/domain'
import {
  selectApplicationSchema,
  selectCandidateSchema,
  selectRequisitionSchema,
} from '../../../db/schema'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import { pageOf, pagingSchema, searchSchema } from '../../lib/paging'

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

export const applicationDetailSchema = z
  .object({
    id: application.id,
    applied_at: application.appliedAt,
    decision: application.decision,
    source: application.source,
    metro: application.metro,
    candidate: z.object({
      id: selectCandidateSchema.shape.id,
      name: selectCandidateSchema.shape.name,
      background: selectCandidateSchema.shape.background,
      erased_at: z.string().nullable().openapi({
        description:
          'When the personal data was erased on request; the name and notes are then null',
      }),
    }),
    requisition: z.object({
      id: selectRequisitionSchema.shape.id,
      title: selectRequisitionSchema.shape.title,
      level: selectRequisitionSchema.shape.level,
      hire_type: selectRequisitionSchema.shape.hireType,
      opened_at: selectRequisitionSchema.shape.openedAt,
    }),
    offer: z
      .object({
        salary: z.number().nullable(),
        currency: z.string(),
        accepted_at: z.string().nullable(),
      })
      .nullable(),
    employment: z
      .object({
        start_date: z.string(),
        end_date: z.string().nullable(),
        departure: z.enum(['voluntary', 'involuntary']).nullable(),
      })
      .nullable(),
    area_scores: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        score: z.number().nullable().openapi({ description: 'Mean of the ratings in the area' }),
        ratings: z.number().int(),
      }),
    ),
    scores: z.array(
      z.object({
        interviewer: z.string(),
        area: z.string(),
        rating: z.number(),
        interviewed_at: z.string().nullable(),
        minutes: z.number().int().nullable(),
        red_flags: z.array(z.string()),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi('ApplicationDetail')

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
