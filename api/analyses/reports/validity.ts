import { z } from '@hono/zod-openapi'
import { retentionModelSchema } from '../../analytics/retention-model'
import { tooFewHires } from '../../analytics/power'
import { withoutFit } from '../../analytics/retention-model'
import {
  noStatistics,
  validityReport,
  validityReportSchema,
  type ValidityReport,
} from '../../analytics/validity'
import { benjaminiHochberg } from '../../analytics/multiple-testing'
import { topArea, topAreaSchema, type OutcomeCase } from '../../analytics/dependent-correlations'
import { scoresAt } from '../../dataset/dataset'
import type { AreaRaters } from '../area-reliability'
import type { Cohort } from '../cohort'
import { contextOf, contextShape, type Disclosure } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying, withheld } from '../disclosure/withheld'

export const validityResponseSchema = z
  .object({
    ...contextShape,
    ...validityReportSchema.shape,
    top_area: topAreaSchema.nullable().openapi({
      description:
        'The area with the highest r and whether it predicts better than each other area shown; null with fewer than two areas shown',
    }),
  })
  .openapi('Validity')
export type ValidityResponse = z.infer<typeof validityResponseSchema>

export const modelResponseSchema = z
  .object({ ...contextShape, model: retentionModelSchema })
  .openapi('ModelResponse')

/**
 * The validity table of every area and the model of all areas, for the cohort, with each area's
 * interviewers and reliability (see areaRatersOf) for the indirect correction.
 */
export function validityResponse(cohort: Cohort, raters: readonly AreaRaters[]): ValidityResponse {
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
  const reliabilities = raters.map((area) => area.reliability_hires)
  const report = onlyWithEnoughData(
    validityReport(
      dataset.areas,
      { applications: rows.length, pools, hires, reliabilities },
      cohort.asOf,
    ),
  )
  const known = hires.flatMap(({ areaScores, outcome }) =>
    outcome === null ? [] : [{ scores: areaScores, outcome }],
  )
  return { ...contextOf(cohort), ...report, top_area: topAreaOf(report.areas, known) }
}

/** The top of the areas that have an r, compared with the others (see topArea). */
function topAreaOf(areas: ValidityReport['areas'], cases: readonly OutcomeCase[]) {
  const shown = areas.flatMap((area, index) =>
    area.r === null ? [] : [{ key: area.key, index, r: area.r }],
  )
  return topArea(shown, cases)
}

/**
 * The rule for enough data (see tooFewHires) applied to the table and the model: an area or a
 * model below it shows its counts and spreads, and why, but no estimate; q is adjusted over
 * the areas left.
 */
function onlyWithEnoughData(report: ValidityReport): ValidityReport {
  const areas = report.areas.map((area) => {
    const reason = tooFewHires(area.n_retained, area.n_left)
    if (reason === null) return area
    return {
      ...area,
      ...noStatistics(),
      sd_pool: area.sd_pool,
      sd_hires: area.sd_hires,
      insufficient: true,
      not_computable: reason,
    }
  })
  const q = benjaminiHochberg(areas.map((area) => area.p))
  const modelReason = tooFewHires(report.model.n_retained, report.model.n_left)
  return {
    ...report,
    areas: areas.map((area, k) => ({ ...area, q: q[k] ?? null })),
    model: modelReason === null ? report.model : withoutFit(report.model, modelReason),
  }
}

// The validity report fits the model of all areas too: one fit serves both endpoints.
export function modelResponse({ model, as_of, rubric, filters, disclosure }: ValidityResponse) {
  return { as_of, rubric, filters, disclosure, model }
}

/** The model of all areas (and the composite) need the floor of stayers and of leavers. */
export function requireModelCases(release: ShownBox): void {
  if (!release.visible('complete')) {
    throw withheld(
      `Withheld: fewer than ${release.floor} hires of other managers' requisitions scored in every area stayed twelve months, or fewer than ${release.floor} left within them, so the figures could describe single people.`,
    )
  }
}

/** The withheld entry of an area whose hires are too few of either outcome to be shown. */
export function areaWithheld(area: { key: string; name: string }, floor: number) {
  return {
    figure: `areas.${area.key}`,
    reason: `${area.name}: withheld, as fewer than ${floor} of other managers' hires scored in it stayed or fewer than ${floor} left.`,
  }
}

/**
 * A restricted answer: the model and the composite need ten hires scored in every area who
 * stayed and ten who left; an area's figures need as many in the area, and its pool's spread
 * as many applicants. q is adjusted over the areas shown.
 */
export function restrictValidity(response: ValidityResponse, release: ShownBox): ValidityResponse {
  requireModelCases(release)
  const withheldFigures: Disclosure['withheld'] = []
  const areas = response.areas.map((area) => {
    if (!release.visible(`outcomes ${area.key}`)) {
      withheldFigures.push(areaWithheld(area, release.floor))
      return {
        ...area,
        ...noStatistics(),
        sd_pool: release.visible(`pool ${area.key}`) ? area.sd_pool : null,
        not_computable: `Withheld: fewer than ${release.floor} hires of other managers' requisitions scored in this area stayed, or fewer than ${release.floor} left.`,
      }
    }
    if (release.visible(`pool ${area.key}`)) return area
    withheldFigures.push({
      figure: `areas.${area.key}.r_corrected`,
      reason: `${area.name}: the corrections for range restriction (direct and indirect) are withheld, as fewer than ${release.floor} of other managers' applicants were rated in it.`,
    })
    return {
      ...area,
      sd_pool: null,
      u: null,
      r_corrected: null,
      r_corrected_ci: null,
      r_xxa: null,
      r_corrected_indirect: null,
      r_corrected_indirect_ci: null,
      indirect_note: null,
    }
  })
  const q = benjaminiHochberg(areas.map((area) => area.p))
  // A comparison with a withheld area would give that area away: only among areas shown.
  const shown = new Set(areas.filter((area) => area.r !== null).map((area) => area.key))
  const top = response.top_area
  const topArea =
    top && shown.has(top.key)
      ? { ...top, differences: top.differences.filter((entry) => shown.has(entry.key)) }
      : null
  return saying(
    {
      ...response,
      areas: areas.map((area, k) => ({ ...area, q: q[k] ?? null })),
      top_area:
        topArea && topArea.differences.length > 0
          ? {
              ...topArea,
              clearly_strongest: topArea.differences.every((entry) => entry.difference_ci[0] > 0),
            }
          : null,
    },
    withheldFigures,
  )
}
