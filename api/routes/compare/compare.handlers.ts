import { eq } from 'drizzle-orm'
import { requisitions, rubrics } from '../../../db/schema'
import { compositeScore, predictRetention } from '../../analytics/retention-model'
import { matchingBand } from '../../analytics/salary'
import { ownRequisitionsOf } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import { organisationModel, salaryBandsOf } from '../analytics/analytics.handlers'
import { applicationDetail, type ApplicationDetail } from '../applications/application-detail'
import type { compare as compareRoute } from './compare.routes'

type Model = ReturnType<typeof organisationModel>['model']

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

function redFlagCounts(detail: ApplicationDetail) {
  const counts = new Map<string, number>()
  for (const rating of detail.scores) {
    for (const flag of rating.red_flags) counts.set(flag, (counts.get(flag) ?? 0) + 1)
  }
  return [...counts].map(([flag, count]) => ({ flag, count }))
}

export const compare: AppRouteHandler<typeof compareRoute> = (c) => {
  const { application_ids } = c.req.valid('query')
  const db = c.var.db
  const details = application_ids.map((id) => applicationDetail(db, id, ownRequisitionsOf(c)))
  const requisitionIds = [...new Set(details.map((detail) => detail.requisition.id))]
  if (requisitionIds.length > 1) {
    const message = `must all belong to one requisition (they belong to ${requisitionIds.join(', ')})`
    throw new ApiError(400, 'invalid_request', `Invalid query: application_ids ${message}`, [
      { field: 'application_ids', message },
    ])
  }
  const { requisition } = details[0]!
  const { rubricKey } = db
    .select({ rubricKey: rubrics.key })
    .from(requisitions)
    .innerJoin(rubrics, eq(rubrics.id, requisitions.rubricId))
    .where(eq(requisitions.id, requisition.id))
    .get()!
  const dataset = c.var.analytics.datasetFor(rubricKey)
  const areas = dataset.areas.map((area) => ({
    key: area.key,
    name: area.name,
    weight: area.weights[requisition.level] ?? 0,
  }))

  let validity: ReturnType<typeof organisationModel> | null = null
  let withheld: string | null = null
  try {
    validity = organisationModel(c, rubricKey)
  } catch (error) {
    // Below the hires a hiring manager may see figures over, there is no estimate to show.
    if (!(error instanceof ApiError && error.status === 403)) throw error
    withheld = `No estimate: ${error.message}`
  }
  const model = validity?.model ?? null
  const band = matchingBand(salaryBandsOf(dataset), requisition.level, details[0]!.metro)

  const compared = details.map((detail) => {
    const scores = areas.map(
      (area) => detail.area_scores.find((entry) => entry.key === area.key)?.score ?? null,
    )
    const scored = areas.flatMap((area, k) => (scores[k] === null ? [] : [k]))
    const missing = areas.filter((_, k) => scores[k] === null).map((area) => area.name)
    const weightOfScored = scored.reduce((total, k) => total + areas[k]!.weight, 0)
    const salary = detail.offer?.salary ?? null
    const midpoint = band ? (band.low! + band.high!) / 2 : null
    return {
      id: detail.id,
      applied_at: detail.applied_at,
      decision: detail.decision,
      candidate: detail.candidate,
      areas: areas.map((area, k) => ({
        key: area.key,
        name: area.name,
        score: scores[k]!,
        ratings: detail.scores
          .filter((rating) => rating.area === area.key)
          .map(({ area: _area, ...rating }) => rating),
      })),
      composite:
        weightOfScored > 0
          ? compositeScore(
              scored.map((k) => scores[k]!),
              scored.map((k) => areas[k]!.weight),
            )
          : null,
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

  return c.json(
    {
      as_of: validity?.as_of ?? c.var.today(),
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
      applications: compared,
    },
    200,
  )
}
