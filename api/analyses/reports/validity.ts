import { z } from '@hono/zod-openapi'
import { retentionModelSchema } from '../../analytics/retention-model'
import { validityReport, validityReportSchema } from '../../analytics/validity'
import { scoresAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'

export const validityResponseSchema = z
  .object({ ...contextShape, ...validityReportSchema.shape })
  .openapi('Validity')
export type ValidityResponse = z.infer<typeof validityResponseSchema>

export const modelResponseSchema = z
  .object({ ...contextShape, model: retentionModelSchema })
  .openapi('ModelResponse')

/** The validity table of every area and the model of all areas, for the cohort. */
export function validityResponse(cohort: Cohort): ValidityResponse {
  const { dataset, rows } = cohort
  const pools = dataset.areaScores.map((column) => {
    const pool: number[] = []
    for (const row of rows) {
      const score = column[row]!
      if (!Number.isNaN(score)) pool.push(score)
    }
    return pool
  })
  const hires = cohort.hires.map(({ row, outcome }) => ({
    areaScores: scoresAt(dataset, row),
    outcome,
  }))
  return {
    ...contextOf(cohort),
    ...validityReport(dataset.areas, { applications: rows.length, pools, hires }, cohort.asOf),
  }
}

// The validity report fits the model of all areas too: one fit serves both endpoints.
export function modelResponse({ model, as_of, rubric, filters }: ValidityResponse) {
  return { as_of, rubric, filters, model }
}
