import { z } from '@hono/zod-openapi'
import { retentionCurves, retentionCurvesSchema } from '../../analytics/retention-curves'
import { scoresAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { benchmarkFigureSchema, contextOf, contextShape, generalBenchmark } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'

export const retentionResponseSchema = z
  .object({
    ...contextShape,
    ...retentionCurvesSchema.shape,
    benchmark: benchmarkFigureSchema.nullable(),
  })
  .openapi('Retention')

/** Kaplan–Meier tenure of the cohort's hires by area and band, against the benchmark. */
export function retentionResponse(cohort: Cohort): z.infer<typeof retentionResponseSchema> {
  return {
    ...contextOf(cohort),
    ...retentionCurves(
      cohort.dataset.areas,
      cohort.hires.map(({ row, hire }) => ({
        decision: 'hired',
        ...hire,
        areaScores: scoresAt(cohort.dataset, row),
      })),
      cohort.asOf,
    ),
    benchmark: generalBenchmark(cohort.dataset, 'retention_12m'),
  }
}

/** A restricted answer: an area's band curves only where both bands and their departures reach the floor. */
export function restrictRetention(
  response: z.infer<typeof retentionResponseSchema>,
  release: ShownBox,
): z.infer<typeof retentionResponseSchema> {
  const hidden = response.areas.filter((area) => !release.visible(`bands ${area.key}`))
  return saying(
    {
      ...response,
      areas: response.areas.map((area) =>
        hidden.includes(area) ? { ...area, bands: [], logrank: null } : area,
      ),
    },
    hidden.map((area) => ({
      figure: `areas.${area.key}.bands`,
      reason: `${area.name}: the curves by score band are withheld, as a band holds fewer than ${release.floor} of other managers' hires, or fewer than ${release.floor} who left.`,
    })),
  )
}
