import { z } from '@hono/zod-openapi'
import { tooFewHires } from '../../analytics/power'
import { retentionCurves, retentionCurvesSchema } from '../../analytics/retention-curves'
import { scoresAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { benchmarkFigureSchema, contextOf, contextShape, generalBenchmark } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'
import { areaWithheld } from './validity'

const { areas: areasSchema, ...curvesShape } = retentionCurvesSchema.shape

export const retentionResponseSchema = z
  .object({
    ...contextShape,
    ...curvesShape,
    areas: z.array(
      areasSchema.element.extend({
        too_few: z.string().nullable().openapi({
          description:
            "Why there is no log-rank test: the area's hires with a known outcome are below the rule for enough data; null when they reach it",
        }),
      }),
    ),
    benchmark: benchmarkFigureSchema.nullable(),
  })
  .openapi('Retention')

type RetentionResponse = z.infer<typeof retentionResponseSchema>

/**
 * Kaplan–Meier tenure of the cohort's hires by area and band, against the benchmark. Below the
 * rule for enough data (see tooFewHires) an area keeps its curves, which describe, but not the
 * log-rank test between them, which would read as a finding.
 */
export function retentionResponse(cohort: Cohort): RetentionResponse {
  const hires = cohort.hires.map(({ row, hire, outcome }) => ({
    hire,
    outcome,
    areaScores: scoresAt(cohort.dataset, row),
  }))
  const curves = retentionCurves(
    cohort.dataset.areas,
    hires.map(({ hire, areaScores }) => ({ decision: 'hired', ...hire, areaScores })),
    cohort.asOf,
  )
  return {
    ...contextOf(cohort),
    ...curves,
    areas: curves.areas.map((area, k) => {
      let stayed = 0
      let left = 0
      for (const { outcome, areaScores } of hires) {
        if (outcome === null || areaScores[k] === null) continue
        if (outcome === 1) stayed++
        else left++
      }
      const tooFew = tooFewHires(stayed, left)
      return { ...area, logrank: tooFew === null ? area.logrank : null, too_few: tooFew }
    }),
    benchmark: generalBenchmark(cohort.dataset, 'retention_12m'),
  }
}

/**
 * A restricted answer: an area's band curves only where both bands and their departures reach
 * the floor; why an area has no test names the counts of its outcomes only where they reach it.
 */
export function restrictRetention(
  response: RetentionResponse,
  release: ShownBox,
): RetentionResponse {
  const withheldFigures: RetentionResponse['disclosure']['withheld'] = []
  const areas = response.areas.map((area) => {
    if (!release.visible(`bands ${area.key}`)) {
      withheldFigures.push({
        figure: `areas.${area.key}.bands`,
        reason: `${area.name}: the curves by score band are withheld, as a band holds fewer than ${release.floor} of other managers' hires, or fewer than ${release.floor} who left.`,
      })
      return { ...area, bands: [], logrank: null, too_few: null }
    }
    if (area.too_few === null || release.visible(`outcomes ${area.key}`)) return area
    const withheldArea = areaWithheld(area, release.floor)
    withheldFigures.push(withheldArea)
    return { ...area, too_few: withheldArea.reason }
  })
  return saying({ ...response, areas }, withheldFigures)
}
