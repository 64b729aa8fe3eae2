import { z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { salaryBandSchema, salaryReport, salaryReportSchema } from '../../analytics/salary'
import { applicationsWhere, type Cohort } from '../cohort'
import { contextOf, contextShape, salaryBandsOf } from '../context'

export const salaryResponseSchema = z
  .object({ ...contextShape, bands: z.array(salaryBandSchema), ...salaryReportSchema.shape })
  .openapi('Salary')
export type SalaryResponse = z.infer<typeof salaryResponseSchema>

/** Offers with a salary, except those accepted after as_of (not yet known to be accepted). */
export function salaryResponse(cohort: Cohort): SalaryResponse {
  const bands = salaryBandsOf(cohort.dataset)
  const offered = applicationsWhere(
    cohort,
    (row) => !Number.isNaN(cohort.dataset.offerSalary[row]),
  ).filter((application) => (application.offerAcceptedAt ?? '') <= cohort.asOf)
  return {
    ...contextOf(cohort),
    bands,
    ...salaryReport(offered, bands, cohort.asOf, LEVELS),
  }
}
