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
import { scoresAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape, type Disclosure } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying, withheld } from '../disclosure/withheld'

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
    ...onlyWithEnoughData(
      validityReport(dataset.areas, { applications: rows.length, pools, hires }, cohort.asOf),
    ),
  }
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
      withheldFigures.push({
        figure: `areas.${area.key}`,
        reason: `${area.name}: withheld, as fewer than ${release.floor} of other managers' hires scored in it stayed or fewer than ${release.floor} left.`,
      })
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
      reason: `${area.name}: the correction for range restriction is withheld, as fewer than ${release.floor} of other managers' applicants were rated in it.`,
    })
    return { ...area, sd_pool: null, u: null, r_corrected: null, r_corrected_ci: null }
  })
  const q = benjaminiHochberg(areas.map((area) => area.p))
  return saying(
    { ...response, areas: areas.map((area, k) => ({ ...area, q: q[k] ?? null })) },
    withheldFigures,
  )
}
