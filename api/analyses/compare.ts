import { z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { first, type Operation, type Queries } from '../../db/store'
import { intervalSchema } from '../analytics/correlation'
import { mean } from '../analytics/descriptive'
import { leniencyShrinkageSchema } from '../analytics/leniency-shrinkage'
import {
  compositeOfScored,
  predictRetention,
  type RetentionModel,
} from '../analytics/retention-model'
import { matchingBand } from '../analytics/salary'
import { ApiError } from '../lib/errors'
import type { Analyses } from './analyses'
import {
  applicationDetailOf,
  applicationDetailSchema,
  type ApplicationDetail,
} from './application-detail'
import { salaryBandsOf } from './context'
import { redFlagSchema, type RedFlag } from './red-flags'
import type { ValidityResponse } from './reports/validity'
import type { Scope } from './scope'

const detail = applicationDetailSchema.shape

const comparedApplicationSchema = z.object({
  id: detail.id,
  applied_at: detail.applied_at,
  decision: detail.decision,
  candidate: detail.candidate,
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      score: z.number().nullable().openapi({ description: 'Mean of the ratings in the area' }),
      adjusted_score: z.number().nullable().openapi({
        description:
          'Mean of the ratings adjusted for interviewer leniency; null when not scored or the adjustment is withheld',
      }),
      ratings: z.array(
        detail.scores.element.omit({ area: true }).extend({
          leniency_shrunk: z.number().nullable().openapi({
            description:
              "The interviewer's leniency shrunk toward 0 for few ratings; null when not shown to this viewer (the rating is then not adjusted)",
          }),
          adjusted_rating: z.number().nullable().openapi({
            description: 'rating − leniency_shrunk; null when the adjustment is withheld',
          }),
        }),
      ),
    }),
  ),
  composite: z.number().nullable().openapi({
    description:
      "The level's weighted mean of the area scores; over the scored areas only when some are missing",
  }),
  adjusted_composite: z.number().nullable().openapi({
    description: 'The same composite over the adjusted area scores',
  }),
  missing_areas: z.array(z.string()),
  red_flags: z.array(redFlagSchema.extend({ count: z.number().int() })),
  offer: z
    .object({
      salary: z.number().nullable(),
      currency: z.string(),
      accepted_at: z.string().nullable(),
      band_position: z.enum(['below', 'within', 'above']).nullable(),
      compa_ratio: z.number().nullable(),
    })
    .nullable(),
  predicted_retention: z
    .object({ probability: z.number(), ci: intervalSchema })
    .nullable()
    .openapi({
      description:
        'Probability of staying twelve months for past hires with these area scores, from the multivariable model, with its 95% interval',
    }),
  prediction_note: z.string().nullable(),
})

export const compareResponseSchema = z
  .object({
    as_of: z.string(),
    requisition: z.object({
      id: z.string(),
      title: z.string().nullable(),
      level: detail.requisition.shape.level,
      hire_type: detail.requisition.shape.hire_type,
    }),
    areas: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
    salary_band: z
      .object({
        level: z.string().nullable(),
        metro: z.string().nullable(),
        low: z.number(),
        high: z.number(),
        source: z.string(),
        source_date: z.string(),
      })
      .nullable(),
    model: z.object({
      status: z.string(),
      message: z.string().nullable(),
      n: z.number().int(),
      cv_auc: z.number().nullable(),
    }),
    adjustment: z
      .object({
        status: z.enum(['ok', 'withheld']),
        as_of: z.string().nullable(),
        note: z.string().nullable(),
        shrinkage: leniencyShrinkageSchema.nullable(),
        unadjusted_interviewers: z.array(z.string()).openapi({
          description:
            'Interviewers of these ratings whose leniency is not shown to this viewer: their ratings count unadjusted',
        }),
      })
      .openapi({
        description:
          "How the adjusted scores were made: each rating minus its interviewer's leniency, shrunk toward 0 for interviewers with few ratings (empirical Bayes)",
      }),
    applications: z.array(comparedApplicationSchema),
  })
  .openapi('Comparison')

type Model = RetentionModel

/** The model's estimate for one application, or why there is none. */
function prediction(
  model: Model | null,
  withheld: string | null,
  scores: (number | null)[],
  missing: string[],
) {
  if (withheld !== null) return { predicted_retention: null, prediction_note: withheld }
  if (!model || model.status !== 'ok') {
    return {
      predicted_retention: null,
      prediction_note: `No estimate: ${model?.message ?? 'the model could not be fitted.'}`,
    }
  }
  if (missing.length > 0) {
    return {
      predicted_retention: null,
      prediction_note: `No estimate: not scored in ${missing.join(', ')}; the model needs every area.`,
    }
  }
  return {
    predicted_retention: predictRetention(model, scores as number[]),
    prediction_note: null,
  }
}

/** Each interviewer's shrunk leniency as this viewer may see it, or why there is none. */
function leniencies(analyses: Analyses, scope: Scope, rubricKey: string) {
  try {
    const report = analyses.interviewers(scope, { outcome: 'retained_12m', rubric: rubricKey })
    return {
      status: 'ok' as const,
      as_of: report.as_of,
      note: report.leniency_shrinkage.note,
      shrinkage: report.leniency_shrinkage,
      shrunk: new Map(report.interviewers.map((row) => [row.interviewer, row.leniency_shrunk])),
    }
  } catch (error) {
    // Below the hires a hiring manager may see figures over, no leniency is shown.
    if (!(error instanceof ApiError && error.status === 403)) throw error
    return {
      status: 'withheld' as const,
      as_of: null,
      note: `Not adjusted for interviewer leniency: ${error.message}`,
      shrinkage: null,
      shrunk: null,
    }
  }
}

function redFlagCounts(detail: ApplicationDetail) {
  const counts = new Map<string, RedFlag & { count: number }>()
  for (const rating of detail.scores) {
    for (const flag of rating.red_flags) {
      const counted = counts.get(flag.key) ?? { ...flag, count: 0 }
      counted.count++
      counts.set(flag.key, counted)
    }
  }
  return [...counts.values()]
}

/** The applications' pages as the viewer may see them, and the first one's rubric. */
function* applicationsToCompare(
  queries: Queries,
  scope: Scope,
  applicationIds: readonly string[],
): Operation<{ details: ApplicationDetail[]; rubricKey: string }> {
  const details: ApplicationDetail[] = []
  for (const id of applicationIds) details.push(yield* applicationDetailOf(queries, scope, id))
  const { db, tables } = queries
  const { requisitions, rubrics } = tables
  const found = yield* first(
    db
      .select({ rubricKey: rubrics.key })
      .from(requisitions)
      .innerJoin(rubrics, eq(rubrics.id, requisitions.rubricId))
      .where(eq(requisitions.id, details[0]!.requisition.id)),
  )
  return { details, rubricKey: found!.rubricKey }
}

/**
 * Two to four applications of one requisition side by side: every rating, the level-weighted
 * composite, the offer against the band and the organisation model's predicted retention.
 */
export async function compareApplications(
  analyses: Analyses,
  scope: Scope,
  applicationIds: readonly string[],
): Promise<z.infer<typeof compareResponseSchema>> {
  const { details, rubricKey } = await analyses.store.transaction(
    (queries) => applicationsToCompare(queries, scope, applicationIds),
    { snapshot: true },
  )
  const requisitionIds = [...new Set(details.map((detail) => detail.requisition.id))]
  if (requisitionIds.length > 1) {
    const message = `must all belong to one requisition (they belong to ${requisitionIds.join(', ')})`
    throw new ApiError(400, 'invalid_request', `Invalid query: application_ids ${message}`, [
      { field: 'application_ids', message },
    ])
  }
  const { requisition } = details[0]!
  const dataset = analyses.datasetFor(rubricKey)
  const areas = dataset.areas.map((area) => ({
    key: area.key,
    name: area.name,
    weight: area.weights[requisition.level] ?? 0,
  }))

  let validity: ValidityResponse | null = null
  let withheld: string | null = null
  try {
    validity = analyses.validity(scope, { outcome: 'retained_12m', rubric: rubricKey })
  } catch (error) {
    // Below the hires a hiring manager may see figures over, there is no estimate to show.
    if (!(error instanceof ApiError && error.status === 403)) throw error
    withheld = `No estimate: ${error.message}`
  }
  const model = validity?.model ?? null
  const adjustment = leniencies(analyses, scope, rubricKey)
  const unadjusted = new Set<string>()
  const adjustedRating = (interviewer: string, rating: number) => {
    if (adjustment.shrunk === null) return { leniency_shrunk: null, adjusted_rating: null }
    const leniency = adjustment.shrunk.get(interviewer) ?? null
    if (leniency === null) unadjusted.add(interviewer)
    return { leniency_shrunk: leniency, adjusted_rating: rating - (leniency ?? 0) }
  }
  const band = matchingBand(salaryBandsOf(dataset), requisition.level, details[0]!.metro)

  const compared = details.map((detail) => {
    const scores = areas.map(
      (area) => detail.area_scores.find((entry) => entry.key === area.key)?.score ?? null,
    )
    const missing = areas.filter((_, k) => scores[k] === null).map((area) => area.name)
    const salary = detail.offer?.salary ?? null
    const midpoint = band ? (band.low! + band.high!) / 2 : null
    const areaRatings = areas.map((area) =>
      detail.scores
        .filter((rating) => rating.area === area.key)
        .map(({ area: _area, ...rating }) => ({
          ...rating,
          ...adjustedRating(rating.interviewer, rating.rating),
        })),
    )
    const adjustedScores = areaRatings.map((ratings) =>
      ratings.length === 0 || adjustment.shrunk === null
        ? null
        : mean(ratings.map((rating) => rating.adjusted_rating!)),
    )
    const weights = areas.map((area) => area.weight)
    return {
      id: detail.id,
      applied_at: detail.applied_at,
      decision: detail.decision,
      candidate: detail.candidate,
      areas: areas.map((area, k) => ({
        key: area.key,
        name: area.name,
        score: scores[k]!,
        adjusted_score: adjustedScores[k]!,
        ratings: areaRatings[k]!,
      })),
      composite: compositeOfScored(scores, weights),
      adjusted_composite: compositeOfScored(adjustedScores, weights),
      missing_areas: missing,
      red_flags: redFlagCounts(detail),
      offer: detail.offer && {
        ...detail.offer,
        band_position:
          band && salary !== null
            ? salary < band.low!
              ? ('below' as const)
              : salary > band.high!
                ? ('above' as const)
                : ('within' as const)
            : null,
        compa_ratio: midpoint !== null && salary !== null ? salary / midpoint : null,
      },
      ...prediction(model, withheld, scores, missing),
    }
  })

  return {
    as_of: validity?.as_of ?? analyses.today(),
    requisition: {
      id: requisition.id,
      title: requisition.title,
      level: requisition.level,
      hire_type: requisition.hire_type,
    },
    areas,
    salary_band: band && {
      level: band.level,
      metro: band.metro,
      low: band.low!,
      high: band.high!,
      source: band.source,
      source_date: band.source_date,
    },
    model: {
      status: withheld !== null ? 'withheld' : (model?.status ?? 'insufficient'),
      message: withheld ?? model?.message ?? null,
      n: model?.n ?? 0,
      cv_auc: model?.cv_auc ?? null,
    },
    adjustment: {
      status: adjustment.status,
      as_of: adjustment.as_of,
      note: adjustment.note,
      shrinkage: adjustment.shrinkage,
      unadjusted_interviewers: [...unadjusted].sort(),
    },
    applications: compared,
  }
}
