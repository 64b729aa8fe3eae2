import { and, asc, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import {
  applications,
  employments,
  requisitions,
  rubricAreas,
  rubrics,
  scores,
} from '../../../db/schema'
import type { ApplicationRecord, AreaRef } from '../../analytics/validity'
import { ApiError } from '../../lib/errors'
import type { AnalyticsFilters } from './analytics.schemas'

export interface LoadedRecords {
  rubric: { key: string; name: string }
  areas: AreaRef[]
  records: ApplicationRecord[]
}

/**
 * One row per application in the filter: its area scores (mean of the loop's ratings) and,
 * for hires, the employment span. Answers 404 for an unknown rubric or requisition.
 */
export function loadApplicationRecords(db: Db, filters: AnalyticsFilters): LoadedRecords {
  const rubric = db.select().from(rubrics).where(eq(rubrics.key, filters.rubric)).get()
  if (!rubric) throw new ApiError(404, 'not_found', `There is no rubric "${filters.rubric}"`)
  if (filters.requisition_id !== undefined) {
    const found = db
      .select({ id: requisitions.id })
      .from(requisitions)
      .where(eq(requisitions.id, filters.requisition_id))
      .get()
    if (!found) {
      throw new ApiError(404, 'not_found', `There is no requisition "${filters.requisition_id}"`)
    }
  }
  const areaRows = db
    .select({ id: rubricAreas.id, key: rubricAreas.key, name: rubricAreas.name })
    .from(rubricAreas)
    .where(eq(rubricAreas.rubricId, rubric.id))
    .orderBy(asc(rubricAreas.position))
    .all()
  const areaIndex = new Map(areaRows.map((area, index) => [area.id, index]))

  const conditions: SQL[] = [eq(requisitions.rubricId, rubric.id)]
  if (filters.level) conditions.push(eq(requisitions.level, filters.level))
  if (filters.hire_type) conditions.push(eq(requisitions.hireType, filters.hire_type))
  if (filters.requisition_id)
    conditions.push(eq(applications.requisitionId, filters.requisition_id))
  if (filters.from) conditions.push(gte(applications.appliedAt, filters.from))
  if (filters.to) conditions.push(lte(applications.appliedAt, filters.to))
  const inFilter = and(...conditions)

  const applicationRows = db
    .select({
      id: applications.id,
      decision: applications.decision,
      startDate: employments.startDate,
      endDate: employments.endDate,
    })
    .from(applications)
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .leftJoin(employments, eq(employments.applicationId, applications.id))
    .where(inFilter)
    .all()
  const records = new Map<string, ApplicationRecord>()
  for (const row of applicationRows) {
    records.set(row.id, {
      areaScores: areaRows.map(() => null),
      hire:
        row.decision === 'hired' && row.startDate !== null
          ? { startDate: row.startDate, endDate: row.endDate }
          : null,
    })
  }

  const areaTotals = db
    .select({
      applicationId: scores.applicationId,
      areaId: scores.areaId,
      total: sql<number>`sum(${scores.rating})`,
      ratings: count(),
    })
    .from(scores)
    .innerJoin(applications, eq(applications.id, scores.applicationId))
    .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
    .where(inFilter)
    .groupBy(scores.applicationId, scores.areaId)
    .all()
  for (const row of areaTotals) {
    const index = areaIndex.get(row.areaId)
    const record = records.get(row.applicationId)
    if (index !== undefined && record) {
      ;(record.areaScores as (number | null)[])[index] = row.total / row.ratings
    }
  }
  return {
    rubric: { key: rubric.key, name: rubric.name },
    areas: areaRows.map(({ key, name }) => ({ key, name })),
    records: [...records.values()],
  }
}
