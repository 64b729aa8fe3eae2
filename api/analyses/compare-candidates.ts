import { z } from '@hono/zod-openapi'
import { and, count, eq, inArray, type SQL } from 'drizzle-orm'
import { first, rows, type Queries } from '../../db/store'
import {
  selectApplicationSchema,
  selectCandidateSchema,
  selectRequisitionSchema,
} from '../../db/schema'
import { compositeOfScored } from '../analytics/retention-model'
import { scoresAt, textAt } from '../dataset/dataset'
import { ApiError } from '../lib/errors'
import { containsText } from '../lib/paging'
import type { Analyses } from './analyses'
import { buildCohort, selectionAt } from './cohort'
import { maySeeRequisition, type Scope } from './scope'

/** What became of a candidate so far, by the one meaning of hire (see selectionAt). */
export const CANDIDATE_STATUSES = ['open', 'hired', 'not_hired'] as const
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number]

export const compareCandidatesQuerySchema = z.strictObject({
  requisition_id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ description: 'The requisition whose candidates to list', example: 'REQ-0001' }),
  q: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'Case-insensitive text to look for in names and ids' }),
  status: z
    .enum([...CANDIDATE_STATUSES, 'all'])
    .default('all')
    .openapi({
      description:
        'open: still undecided (pending, or hired but not started); hired: hired and started; not_hired: any other decision; all',
    }),
})
export type CompareCandidatesQuery = z.infer<typeof compareCandidatesQuerySchema>

const application = selectApplicationSchema.shape

export const compareCandidatesResponseSchema = z
  .object({
    as_of: z.string(),
    requisition: z.object({
      id: selectRequisitionSchema.shape.id,
      title: selectRequisitionSchema.shape.title,
      level: selectRequisitionSchema.shape.level,
    }),
    counts: z
      .object({
        all: z.number().int(),
        open: z.number().int(),
        hired: z.number().int(),
        not_hired: z.number().int(),
      })
      .openapi({ description: 'Candidates matching q, by status, before the status filter' }),
    candidates: z.array(
      z.object({
        id: application.id,
        candidate_id: application.candidateId,
        candidate_name: selectCandidateSchema.shape.name,
        applied_at: application.appliedAt,
        decision: application.decision,
        status: z.enum(CANDIDATE_STATUSES),
        composite: z.number().nullable().openapi({
          description:
            "The level's weighted mean of the area scores, as on the comparison; null with no rating",
        }),
        ratings: z.number().int(),
      }),
    ),
  })
  .openapi('CompareCandidates')
export type CompareCandidates = z.infer<typeof compareCandidatesResponseSchema>

const STATUS_OF_SELECTION = { hired: 'hired', 'not hired': 'not_hired' } as const

/** The requisition (undefined: none), its applications (searched) and their rating counts. */
function* candidatesOf(queries: Queries, query: CompareCandidatesQuery) {
  const { db, tables } = queries
  const { applications, candidates, requisitions, rubrics, scores } = tables
  const requisition = yield* first(
    db
      .select({
        id: requisitions.id,
        title: requisitions.title,
        level: requisitions.level,
        owner: requisitions.ownerUserId,
        rubricKey: rubrics.key,
      })
      .from(requisitions)
      .innerJoin(rubrics, eq(rubrics.id, requisitions.rubricId))
      .where(eq(requisitions.id, query.requisition_id)),
  )
  if (!requisition) return { requisition, rows: [], ratingCounts: new Map<string, number>() }
  const conditions: (SQL | undefined)[] = [eq(applications.requisitionId, requisition.id)]
  if (query.q) {
    conditions.push(
      containsText(queries.dialect, query.q, [applications.id, candidates.name, candidates.id]),
    )
  }
  const found = yield* rows(
    db
      .select({
        id: applications.id,
        candidate_id: applications.candidateId,
        candidate_name: candidates.name,
        applied_at: applications.appliedAt,
        decision: applications.decision,
      })
      .from(applications)
      .innerJoin(candidates, eq(candidates.id, applications.candidateId))
      .where(and(...conditions)),
  )
  const counted =
    found.length === 0
      ? []
      : yield* rows(
          db
            .select({ id: scores.applicationId, n: count() })
            .from(scores)
            .where(
              inArray(
                scores.applicationId,
                db
                  .select({ id: applications.id })
                  .from(applications)
                  .where(eq(applications.requisitionId, requisition.id)),
              ),
            )
            .groupBy(scores.applicationId),
        )
  return {
    requisition,
    rows: found,
    ratingCounts: new Map(counted.map((row) => [row.id, row.n])),
  }
}

/**
 * The candidates of one requisition to pick from for a comparison, best composite first, each
 * with its status as of today. A requisition the viewer may not see is unknown.
 */
export async function compareCandidates(
  analyses: Analyses,
  scope: Scope,
  query: CompareCandidatesQuery,
): Promise<CompareCandidates> {
  const { requisition, rows, ratingCounts } = await analyses.store.transaction(
    (queries) => candidatesOf(queries, query),
    { snapshot: true },
  )
  if (!requisition || !maySeeRequisition(scope, requisition.owner)) {
    throw new ApiError(404, 'not_found', `There is no requisition "${query.requisition_id}"`)
  }

  const asOf = analyses.today()
  const dataset = analyses.datasetFor(requisition.rubricKey)
  const cohort = buildCohort(
    dataset,
    { outcome: 'retained_12m', rubric: requisition.rubricKey, requisition_id: requisition.id },
    asOf,
  )
  const rowOf = new Map(Array.from(cohort.rows, (row) => [textAt(dataset.text.id, row)!, row]))
  const weights = dataset.areas.map((area) => area.weights[requisition.level] ?? 0)

  const listed = rows.map((row) => {
    const datasetRow = rowOf.get(row.id)
    const selection = datasetRow === undefined ? null : selectionAt(cohort, datasetRow)
    return {
      ...row,
      status: selection === null ? ('open' as const) : STATUS_OF_SELECTION[selection],
      composite:
        datasetRow === undefined ? null : compositeOfScored(scoresAt(dataset, datasetRow), weights),
      ratings: ratingCounts.get(row.id) ?? 0,
    }
  })
  const counts = { all: listed.length, open: 0, hired: 0, not_hired: 0 }
  for (const entry of listed) counts[entry.status]++

  return {
    as_of: asOf,
    requisition: { id: requisition.id, title: requisition.title, level: requisition.level },
    counts,
    candidates: listed
      .filter((entry) => query.status === 'all' || entry.status === query.status)
      .sort(
        (a, b) =>
          (b.composite ?? -Infinity) - (a.composite ?? -Infinity) ||
          (a.candidate_name ?? a.id).localeCompare(b.candidate_name ?? b.id),
      ),
  }
}
