import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import type { Background, Decision, Departure, HireType, Level } from '../../../db/domain'
import { DATA_VERSION_KEY, readMeta } from '../../../db/meta'
import {
  applicationAreaScores,
  applications,
  candidates,
  employments,
  offers,
  requisitions,
  rubricAreas,
  rubricLevelWeights,
  rubrics,
} from '../../../db/schema'
import { ApiError } from '../../lib/errors'
import type { AnalyticsFilters } from './analytics.schemas'

export interface DatasetArea {
  id: number
  key: string
  name: string
  weights: Partial<Record<Level, number>>
}

/** One application as every analysis sees it: facts, outcome and its loop's area scores. */
export interface DatasetApplication {
  id: string
  requisitionId: string
  level: Level
  hireType: HireType | null
  openedAt: string | null
  appliedAt: string
  decision: Decision
  background: Background | null
  metro: string | null
  selfIdGroup: string | null
  offerSalary: number | null
  offerAcceptedAt: string | null
  startDate: string | null
  endDate: string | null
  departure: Departure | null
  /** Mean rating per area, aligned with the dataset's areas; null where not rated. */
  areaScores: (number | null)[]
  /** Number of ratings per area. */
  areaRatings: number[]
  /** Minutes spent per area, where the ratings recorded them. */
  areaMinutes: (number | null)[]
}

export interface AnalyticsDataset {
  rubric: { id: number; key: string; name: string }
  areas: DatasetArea[]
  applications: DatasetApplication[]
}

function loadDataset(db: Db, rubricKey: string): AnalyticsDataset | null {
  const rubric = db.select().from(rubrics).where(eq(rubrics.key, rubricKey)).get()
  if (!rubric) return null
  const areaRows = db
    .select()
    .from(rubricAreas)
    .where(eq(rubricAreas.rubricId, rubric.id))
    .orderBy(asc(rubricAreas.position))
    .all()
  const areas: DatasetArea[] = areaRows.map((area) => ({
    id: area.id,
    key: area.key,
    name: area.name,
    weights: {},
  }))
  const areaIndex = new Map(areaRows.map((area, index) => [area.id, index]))
  for (const weight of db.select().from(rubricLevelWeights).all()) {
    const index = areaIndex.get(weight.areaId)
    if (index !== undefined) areas[index]!.weights[weight.level] = weight.weight
  }

  const rows = db
    .select({
      id: applications.id,
      requisitionId: applications.requisitionId,
      level: requisitions.level,
      hireType: requisitions.hireType,
      openedAt: requisitions.openedAt,
      appliedAt: applications.appliedAt,
      decision: applications.decision,
      background: candidates.background,
      metro: applications.metro,
      selfIdGroup: applications.selfIdGroup,
      offerSalary: offers.salary,
      offerAcceptedAt: offers.acceptedAt,
      startDate: employments.startDate,
      endDate: employments.endDate,
      departure: employments.departure,
    })
    .from(applications)
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .leftJoin(offers, eq(offers.applicationId, applications.id))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(eq(requisitions.rubricId, rubric.id))
    .all()
  const byId = new Map<string, DatasetApplication>()
  const list = rows.map((row) => {
    const application: DatasetApplication = {
      ...row,
      areaScores: areas.map(() => null),
      areaRatings: areas.map(() => 0),
      areaMinutes: areas.map(() => null),
    }
    byId.set(row.id, application)
    return application
  })
  // Raw rows: this is the widest read of any request, a row per application and area.
  const totals = db
    .select({
      applicationId: applicationAreaScores.applicationId,
      areaId: applicationAreaScores.areaId,
      ratingSum: applicationAreaScores.ratingSum,
      ratings: applicationAreaScores.ratings,
      minutes: applicationAreaScores.minutes,
    })
    .from(applicationAreaScores)
    .innerJoin(rubricAreas, eq(rubricAreas.id, applicationAreaScores.areaId))
    .where(eq(rubricAreas.rubricId, rubric.id))
    .all()
  for (const total of totals) {
    const application = byId.get(total.applicationId)
    const index = areaIndex.get(total.areaId)
    if (!application || index === undefined) continue
    application.areaScores[index] = total.ratingSum / total.ratings
    application.areaRatings[index] = total.ratings
    application.areaMinutes[index] = total.minutes
  }
  return {
    rubric: { id: rubric.id, key: rubric.key, name: rubric.name },
    areas,
    applications: list,
  }
}

/** Applications within the filters (level, requisition, hire type, application dates). */
export function selectApplications(
  dataset: AnalyticsDataset,
  filters: AnalyticsFilters,
): DatasetApplication[] {
  return dataset.applications.filter(
    (application) =>
      (filters.level === undefined || application.level === filters.level) &&
      (filters.requisition_id === undefined ||
        application.requisitionId === filters.requisition_id) &&
      (filters.hire_type === undefined || application.hireType === filters.hire_type) &&
      (filters.from === undefined || application.appliedAt >= filters.from) &&
      (filters.to === undefined || application.appliedAt <= filters.to),
  )
}

const MAX_CACHED_RESULTS = 256

/**
 * The analytics dataset held in memory and the results computed from it, both keyed on the
 * data version that every write bumps: when nothing changed, a repeated request is a lookup.
 */
export class AnalyticsCache {
  private dataset: { key: string; value: AnalyticsDataset | null } | null = null
  private readonly results = new Map<string, unknown>()
  private resultsVersion = ''

  constructor(private readonly db: Db) {}

  private version(): string {
    return readMeta(this.db, DATA_VERSION_KEY) ?? '0'
  }

  /** The dataset of a rubric at the current data version; 404 for an unknown rubric. */
  datasetFor(rubricKey: string): AnalyticsDataset {
    const key = `${rubricKey}@${this.version()}`
    if (this.dataset?.key !== key) this.dataset = { key, value: loadDataset(this.db, rubricKey) }
    const dataset = this.dataset.value
    if (!dataset) throw new ApiError(404, 'not_found', `There is no rubric "${rubricKey}"`)
    return dataset
  }

  /** A result for (what, parameters) at the current data version, computed once. */
  remember<Result>(what: string, parameters: unknown, compute: () => Result): Result {
    const version = this.version()
    if (version !== this.resultsVersion) {
      this.results.clear()
      this.resultsVersion = version
    }
    const key = `${what}|${JSON.stringify(parameters)}`
    if (this.results.has(key)) {
      const cached = this.results.get(key) as Result
      // Re-insert so the most recently used results are the last to be evicted.
      this.results.delete(key)
      this.results.set(key, cached)
      return cached
    }
    const result = compute()
    this.results.set(key, result)
    if (this.results.size > MAX_CACHED_RESULTS) {
      this.results.delete(this.results.keys().next().value!)
    }
    return result
  }
}
