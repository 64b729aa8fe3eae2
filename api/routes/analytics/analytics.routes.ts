import { createRoute, type z } from '@hono/zod-openapi'
import { errorResponse, internalErrorResponse } from '../../lib/errors'
import {
  analyticsFiltersSchema,
  compositeQuerySchema,
  utilityQuerySchema,
  questionsQuerySchema,
} from '../../analyses/filters'
import { adverseImpactResponseSchema } from '../../analyses/reports/adverse-impact'
import { compositeResponseSchema } from '../../analyses/reports/composite'
import { groupRatesResponseSchema } from '../../analyses/reports/group-rates'
import { incrementalValidityResponseSchema } from '../../analyses/reports/incremental-validity'
import { panelSizingResponseSchema } from '../../analyses/reports/panel-sizing'
import { interviewersResponseSchema } from '../../analyses/reports/interviewers'
import { loopTimeResponseSchema } from '../../analyses/reports/loop-time'
import { questionsResponseSchema } from '../../analyses/reports/questions'
import { retentionResponseSchema } from '../../analyses/reports/retention'
import { salaryResponseSchema } from '../../analyses/reports/salary'
import { timeToHireResponseSchema } from '../../analyses/reports/time-to-hire'
import { modelResponseSchema, validityResponseSchema } from '../../analyses/reports/validity'
import { validityOverTimeResponseSchema } from '../../analyses/reports/validity-over-time'
import { expectancyResponseSchema, utilityResponseSchema } from '../../analyses/reports/worth'

/** A GET analytics endpoint: the shared filters in, one JSON answer out. */
function analyticsRoute<Path extends string, Response extends z.ZodType>(
  path: Path,
  summary: string,
  schema: Response,
  query: typeof analyticsFiltersSchema = analyticsFiltersSchema,
) {
  return createRoute({
    method: 'get',
    path: `/analytics/${path}` as const,
    tags: ['Analytics'],
    summary,
    request: { query },
    responses: {
      200: { content: { 'application/json': { schema } }, description: summary },
      400: errorResponse,
      404: errorResponse,
      500: internalErrorResponse,
    },
  })
}

export const validity = analyticsRoute(
  'validity',
  'Which rubric areas predict twelve-month retention',
  validityResponseSchema,
)
export const model = analyticsRoute(
  'model',
  'Logistic regression of retention on all areas, with cross-validated AUC',
  modelResponseSchema,
)
export const composite = createRoute({
  method: 'get',
  path: '/analytics/composite',
  tags: ['Analytics'],
  summary: 'The level-weighted composite: current, suggested and proposed weights',
  request: { query: compositeQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: compositeResponseSchema } },
      description:
        'Validity of the current weights, weights suggested by the model and any proposed',
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
export const retention = analyticsRoute(
  'retention',
  'Kaplan–Meier tenure by score band per area, log-rank tests, overall retention',
  retentionResponseSchema,
)
export const timeToHire = analyticsRoute(
  'time-to-hire',
  'Time to hire and to fill by level and hire type, against the benchmark',
  timeToHireResponseSchema,
)
export const salary = analyticsRoute(
  'salary',
  'Offers against benchmark bands, compa-ratios and retention by compa-ratio',
  salaryResponseSchema,
)
export const interviewers = analyticsRoute(
  'interviewers',
  'Interviewer leniency, rating distributions, predictive AUC and inter-rater reliability',
  interviewersResponseSchema,
)
export const redFlags = analyticsRoute(
  'red-flags',
  'Hire and retention rates by red-flag tag',
  groupRatesResponseSchema,
)
export const backgrounds = analyticsRoute(
  'backgrounds',
  'Hire and retention rates by candidate background',
  groupRatesResponseSchema,
)
export const sources = analyticsRoute(
  'sources',
  'Hire rate and twelve-month retention by source of hire, each with a Wilson 95% interval',
  groupRatesResponseSchema,
)
export const loopTime = analyticsRoute(
  'loop-time',
  'Share of loop time per area beside its validity',
  loopTimeResponseSchema,
)
export const incrementalValidity = analyticsRoute(
  'incremental-validity',
  'What each area adds beyond the others: likelihood-ratio test and cross-validated AUC with and without it, and its minutes',
  incrementalValidityResponseSchema,
)
export const panelSizing = analyticsRoute(
  'panel-sizing',
  'Per area: ICC(1), Spearman–Brown reliability by number of interviewers, interviewers needed for .70 and .80, and interviewer hours a quarter',
  panelSizingResponseSchema,
)
export const validityOverTime = analyticsRoute(
  'validity-over-time',
  'Per half-year of application: each area r with retention, median time to hire and twelve-month retention, and whether they changed',
  validityOverTimeResponseSchema,
)
export const adverseImpact = analyticsRoute(
  'adverse-impact',
  'Selection rates by self-identified group, impact ratios and the four-fifths rule',
  adverseImpactResponseSchema,
)
export const expectancy = analyticsRoute(
  'expectancy',
  "Twelve-month retention by composite band beside the model's expectation, and Taylor–Russell against random hiring",
  expectancyResponseSchema,
)
export const utility = createRoute({
  method: 'get',
  path: '/analytics/utility',
  tags: ['Analytics'],
  summary: 'What the loop is worth a year over hiring at random (Brogden–Cronbach–Gleser)',
  request: { query: utilityQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: utilityResponseSchema } },
      description:
        'ΔU per year with its interval for the current, suggested and what-if weights, and every input',
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
export const questions = createRoute({
  method: 'get',
  path: '/analytics/questions',
  tags: ['Analytics'],
  summary:
    'Per question within each area: loops asked, mean, r with the area and with retention, shrunk',
  request: { query: questionsQuerySchema },
  responses: {
    200: {
      content: { 'application/json': { schema: questionsResponseSchema } },
      description:
        "Each question's correlation with twelve-month retention, raw and shrunk toward its area's",
    },
    400: errorResponse,
    404: errorResponse,
    500: internalErrorResponse,
  },
})
