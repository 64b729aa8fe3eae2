import { z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { timeToHireReport, timeToHireReportSchema } from '../../analytics/time-to-hire'
import { applicationsWhere, type Cohort } from '../cohort'
import { benchmarkFigureSchema, contextOf, contextShape, generalBenchmark } from '../context'

const { benchmark_days, ...report } = timeToHireReportSchema.shape

export const timeToHireResponseSchema = z
  .object({
    ...contextShape,
    benchmark_days,
    benchmark: benchmarkFigureSchema.nullable(),
    ...report,
  })
  .openapi('TimeToHire')

/** Time to hire and to fill of the cohort's accepted offers, against the benchmark. */
export function timeToHireResponse(cohort: Cohort): z.infer<typeof timeToHireResponseSchema> {
  const benchmark = generalBenchmark(cohort.dataset, 'time_to_hire_days')
  const accepted = cohort.dataset.text.offerAcceptedAt
  return {
    ...contextOf(cohort),
    benchmark,
    ...timeToHireReport(
      applicationsWhere(cohort, (row) => accepted.codes[row] !== -1),
      cohort.asOf,
      benchmark?.value ?? null,
      LEVELS,
    ),
  }
}
