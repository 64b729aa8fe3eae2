import { z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { salaryBandSchema, salaryReport, salaryReportSchema } from '../../analytics/salary'
import { applicationsWhere, type Cohort } from '../cohort'
import { contextOf, contextShape, salaryBandsOf } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying, withheld, withoutExtremes } from '../disclosure/withheld'

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

/**
 * A restricted answer: no single person's salary (no smallest or largest offer, no
 * histogram), offers by level and retention by compa-ratio band only where every part
 * reaches the floor. Per-hire rows are the viewer's own (see Analyses.salary).
 */
export function restrictSalary(response: SalaryResponse, release: ShownBox): SalaryResponse {
  if (!release.visible('offers')) {
    throw withheld(
      `Withheld: fewer than ${release.floor} offers of other managers' requisitions have a salary.`,
    )
  }
  const shown = {
    levels: release.visible('offers by level'),
    compa: release.visible('compa-ratio'),
    bands: release.visible('compa-ratio bands'),
  }
  const none = { min: null, q1: null, median: null, q3: null, max: null, mean: null }
  return saying(
    {
      ...response,
      by_level: shown.levels
        ? response.by_level.map((level) => ({ ...level, offers: withoutExtremes(level.offers) }))
        : [],
      compa_ratio: shown.compa
        ? withoutExtremes(response.compa_ratio)
        : { n: response.compa_ratio.n, ...none },
      compa_histogram: [],
      retention_by_compa_ratio: shown.bands ? response.retention_by_compa_ratio : [],
    },
    [
      {
        figure: 'by_level.offers.min',
        reason: "The smallest and largest offers are not shown: each is one person's salary.",
      },
      {
        figure: 'compa_histogram',
        reason: 'The compa-ratio histogram is not shown: its bars hold too few people each.',
      },
      ...(shown.levels
        ? []
        : [
            {
              figure: 'by_level',
              reason: `Offers by level: withheld, as a level has fewer than ${release.floor} offers of other managers' requisitions.`,
            },
          ]),
      ...(shown.compa
        ? []
        : [
            {
              figure: 'compa_ratio',
              reason: `Compa-ratios: withheld, as fewer than ${release.floor} of other managers' hires have a band to hold their offer against.`,
            },
          ]),
      ...(shown.bands
        ? []
        : [
            {
              figure: 'retention_by_compa_ratio',
              reason: `Retention by compa-ratio: withheld, as a band holds fewer than ${release.floor} of other managers' hires who stayed, or fewer than ${release.floor} who left.`,
            },
          ]),
    ],
  )
}
