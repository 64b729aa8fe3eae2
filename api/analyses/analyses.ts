import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { applications, requisitions, scores } from '../../db/schema'
import { AnalyticsCache } from '../dataset/cache'
import { loadRatings, textAt, type AnalyticsDataset } from '../dataset/dataset'
import { ApiError } from '../lib/errors'
import { buildCohort, type Cohort } from './cohort'
import type { AnalyticsFilters, CompositeQuery } from './filters'
import { adverseImpactResponse } from './reports/adverse-impact'
import { compositeResponse } from './reports/composite'
import { backgroundsResponse, redFlagsResponse } from './reports/group-rates'
import { interviewersResponse } from './reports/interviewers'
import { loopTimeResponse } from './reports/loop-time'
import { retentionResponse } from './reports/retention'
import { salaryResponse } from './reports/salary'
import { timeToHireResponse } from './reports/time-to-hire'
import { modelResponse, validityResponse } from './reports/validity'
import type { Scope } from './scope'

/** Fewest hires an organisation-wide aggregate needs before a hiring manager may see it. */
export const MIN_HIRES_FOR_MANAGERS = 10

const noSuchRequisition = (id: string) =>
  new ApiError(404, 'not_found', `There is no requisition "${id}"`)

/**
 * Every analytics report, as the routes ask for them: a viewer's scope and the filters in,
 * the response out. Cohorts are built once per (report, filters, as_of) and data version and
 * kept in memory while nothing changes.
 */
export class Analyses {
  private readonly cache: AnalyticsCache

  constructor(
    private readonly db: Db,
    readonly today: () => string,
  ) {
    this.cache = new AnalyticsCache(db)
  }

  /** The rubric's dataset at the current data version; 404 for an unknown rubric. */
  datasetFor(rubricKey: string): AnalyticsDataset {
    return this.cache.datasetFor(rubricKey)
  }

  private requisitionExists(id: string, owner: number | null): boolean {
    const condition =
      owner === null
        ? eq(requisitions.id, id)
        : and(eq(requisitions.id, id), eq(requisitions.ownerUserId, owner))
    return (
      this.db.select({ id: requisitions.id }).from(requisitions).where(condition).get() !==
      undefined
    )
  }

  /**
   * A report over the cohort of the filters, from the cache when nothing changed. A hiring
   * manager gets another manager's requisition as unknown, and organisation-wide figures
   * only over enough hires.
   */
  private run<Result>(
    report: string,
    scope: Scope,
    filters: AnalyticsFilters,
    compute: (cohort: Cohort) => Result,
  ): Result {
    const asOf = filters.as_of ?? this.today()
    const requisition = filters.requisition_id
    if (requisition !== undefined && scope.owner !== null) {
      if (!this.requisitionExists(requisition, scope.owner)) throw noSuchRequisition(requisition)
    }
    const { result, hires } = this.cache.remember(report, { ...filters, as_of: asOf }, () => {
      const dataset = this.cache.datasetFor(filters.rubric)
      if (requisition !== undefined && !this.requisitionExists(requisition, null)) {
        throw noSuchRequisition(requisition)
      }
      const cohort = buildCohort(dataset, filters, asOf)
      return { result: compute(cohort), hires: cohort.hires.length }
    })
    if (scope.owner !== null && requisition === undefined && hires < MIN_HIRES_FOR_MANAGERS) {
      throw new ApiError(
        403,
        'forbidden',
        `Organisation-wide figures are shown to hiring managers over at least ${MIN_HIRES_FOR_MANAGERS} hires; this filter has ${hires}. Widen the filter to take in more hires.`,
      )
    }
    return result
  }

  validity(scope: Scope, filters: AnalyticsFilters) {
    return this.run('validity', scope, filters, validityResponse)
  }

  model(scope: Scope, filters: AnalyticsFilters) {
    return modelResponse(this.validity(scope, filters))
  }

  composite(scope: Scope, { weights, ...filters }: CompositeQuery) {
    return this.run(`composite:${weights ?? ''}`, scope, filters, (cohort) =>
      compositeResponse(cohort, this.validity(scope, filters).model, weights),
    )
  }

  retention(scope: Scope, filters: AnalyticsFilters) {
    return this.run('retention', scope, filters, retentionResponse)
  }

  timeToHire(scope: Scope, filters: AnalyticsFilters) {
    return this.run('time-to-hire', scope, filters, timeToHireResponse)
  }

  salary(scope: Scope, filters: AnalyticsFilters) {
    const report = this.run('salary', scope, filters, salaryResponse)
    if (scope.owner === null) return report
    // Per-hire rows only of the manager's own requisitions; the aggregates stay whole.
    const own = new Set(
      this.db
        .select({ id: applications.id })
        .from(applications)
        .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
        .where(eq(requisitions.ownerUserId, scope.owner))
        .all()
        .map((row) => row.id),
    )
    return { ...report, hires: report.hires.filter((hire) => own.has(hire.application_id)) }
  }

  interviewers(scope: Scope, filters: AnalyticsFilters) {
    return this.run('interviewers', scope, filters, (cohort) => {
      const selected = new Set(
        Array.from(cohort.rows, (row) => textAt(cohort.dataset.text.id, row)!),
      )
      return interviewersResponse(cohort, loadRatings(this.db, cohort.dataset, selected))
    })
  }

  redFlags(scope: Scope, filters: AnalyticsFilters) {
    return this.run('red-flags', scope, filters, (cohort) =>
      redFlagsResponse(cohort, this.redFlagTags()),
    )
  }

  /** Each application's red-flag tags, over all its ratings. */
  private redFlagTags(): Map<string, string[]> {
    const tags = new Map<string, string[]>()
    const flagged = this.db
      .select({ application: scores.applicationId, flags: scores.redFlags })
      .from(scores)
      .where(ne(scores.redFlags, sql`'[]'`))
      .all()
    for (const { application, flags } of flagged) {
      tags.set(application, [...new Set([...(tags.get(application) ?? []), ...flags])])
    }
    return tags
  }

  backgrounds(scope: Scope, filters: AnalyticsFilters) {
    return this.run('backgrounds', scope, filters, backgroundsResponse)
  }

  loopTime(scope: Scope, filters: AnalyticsFilters) {
    return this.run('loop-time', scope, filters, (cohort) =>
      loopTimeResponse(cohort, this.validity(scope, filters)),
    )
  }

  adverseImpact(scope: Scope, filters: AnalyticsFilters) {
    return this.run('adverse-impact', scope, filters, adverseImpactResponse)
  }
}
