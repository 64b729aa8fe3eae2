import { z } from '@hono/zod-openapi'
import { LEVELS } from '../../../db/domain'
import { tooFewHires } from '../../analytics/power'
import { timeToHireReport, timeToHireReportSchema } from '../../analytics/time-to-hire'
import { applicationsWhere, type Cohort } from '../cohort'
import { benchmarkFigureSchema, contextOf, contextShape, generalBenchmark } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying, withheld } from '../disclosure/withheld'

const { benchmark_days, retention, ...report } = timeToHireReportSchema.shape

export const timeToHireResponseSchema = z
  .object({
    ...contextShape,
    benchmark_days,
    benchmark: benchmarkFigureSchema.nullable(),
    ...report,
    retention: retention.extend({
      too_few: z.string().nullable().openapi({
        description:
          'Why there is no r with retention: the hires with a known outcome are below the rule for enough data; null when they reach it',
      }),
    }),
  })
  .openapi('TimeToHire')

type TimeToHireResponse = z.infer<typeof timeToHireResponseSchema>

/**
 * Time to hire and to fill of the cohort's accepted offers, against the benchmark; retention
 * by quartile of time to hire, or by the cut points given. Below the rule for enough data (see
 * tooFewHires) the quartiles' retention stays, as a description with its intervals, but not
 * the correlation of days with retention, which would read as a finding.
 */
export function timeToHireResponse(
  cohort: Cohort,
  quartileCuts?: readonly number[],
): TimeToHireResponse {
  const benchmark = generalBenchmark(cohort.dataset, 'time_to_hire_days')
  const accepted = cohort.dataset.text.offerAcceptedAt
  const report = timeToHireReport(
    applicationsWhere(cohort, (row) => accepted.codes[row] !== -1),
    cohort.asOf,
    benchmark?.value ?? null,
    LEVELS,
    quartileCuts,
  )
  // Every hire with a known outcome lies in one of the quartiles.
  const stayed = report.retention.by_quartile.reduce((sum, band) => sum + band.retained, 0)
  const tooFew = tooFewHires(stayed, report.retention.n - stayed)
  return {
    ...contextOf(cohort),
    benchmark,
    ...report,
    retention: {
      ...report.retention,
      ...(tooFew === null ? {} : { r: null, r_ci: null, p: null }),
      too_few: tooFew,
    },
  }
}

/**
 * A restricted answer (binned by the organisation's quartiles): breakdowns by level and hire
 * type, and retention by band, only where every part reaches the floor.
 */
export function restrictTimeToHire(
  response: TimeToHireResponse,
  release: ShownBox,
): TimeToHireResponse {
  if (!release.visible('accepted')) {
    throw withheld(
      `Withheld: fewer than ${release.floor} offers of other managers' requisitions were accepted.`,
    )
  }
  const shown = {
    levels: release.visible('accepted by level'),
    hireTypes: release.visible('accepted by hire type'),
    bands: release.visible('time-to-hire bins'),
  }
  const fewer = `fewer than ${release.floor} accepted offers of other managers' requisitions`
  const bandsWithheld = `Retention by time to hire: withheld, as a band holds fewer than ${release.floor} of other managers' hires who stayed, or fewer than ${release.floor} who left.`
  const { retention } = response
  return saying(
    {
      ...response,
      by_level: shown.levels ? response.by_level : [],
      by_hire_type: shown.hireTypes ? response.by_hire_type : [],
      // Why there is no r names how many stayed and left only where the bands show them.
      retention: shown.bands
        ? retention
        : {
            ...retention,
            by_quartile: [],
            too_few: retention.too_few === null ? null : bandsWithheld,
          },
    },
    [
      ...(shown.levels
        ? []
        : [{ figure: 'by_level', reason: `By level: withheld, as a level has ${fewer}.` }]),
      ...(shown.hireTypes
        ? []
        : [
            {
              figure: 'by_hire_type',
              reason: `By hire type: withheld, as a hire type has ${fewer}.`,
            },
          ]),
      ...(shown.bands ? [] : [{ figure: 'retention.by_quartile', reason: bandsWithheld }]),
    ],
  )
}
