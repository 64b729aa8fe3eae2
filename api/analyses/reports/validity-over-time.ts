import { z } from '@hono/zod-openapi'
import { daysBetween } from '../../analytics/dates'
import {
  halfYearOf,
  trendsOf,
  validityOverTime,
  validityOverTimeSchema,
  type HalfYear,
} from '../../analytics/validity-over-time'
import { scoresAt, textAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape, type Disclosure } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'

export const validityOverTimeResponseSchema = z
  .object({
    ...contextShape,
    areas: z.array(z.object({ key: z.string(), name: z.string() })),
    ...validityOverTimeSchema.shape,
  })
  .openapi('ValidityOverTime')
export type ValidityOverTimeResponse = z.infer<typeof validityOverTimeResponseSchema>

/**
 * Per half-year of application: each area's r with retention, median time to hire of the
 * offers accepted by as_of and twelve-month retention of the hires; and whether they changed.
 */
export function validityOverTimeResponse(cohort: Cohort): ValidityOverTimeResponse {
  const { dataset, asOf } = cohort
  const { appliedAt, offerAcceptedAt } = dataset.text
  const areas = dataset.areas.map(({ key, name }) => ({ key, name }))
  const applications = Array.from(cohort.rows, (row) => {
    const applied = textAt(appliedAt, row)!
    const accepted = textAt(offerAcceptedAt, row)
    const outcome = cohort.outcomeOfRow[row]!
    return {
      half: halfYearOf(applied),
      outcome: outcome === -1 ? null : (outcome as 0 | 1),
      areaScores: outcome === -1 ? [] : scoresAt(dataset, row),
      timeToHireDays: accepted !== null && accepted <= asOf ? daysBetween(applied, accepted) : null,
    }
  })
  return { ...contextOf(cohort), areas, ...validityOverTime(areas, applications) }
}

/**
 * A restricted answer: a half-year's retention only over at least the floor of other
 * managers' hires who stayed and as many who left; an area's r likewise among hires scored in
 * it; time to hire over at least the floor of their accepted offers. Whether a figure
 * changed is judged over the cells shown only.
 */
export function restrictValidityOverTime(
  response: ValidityOverTimeResponse,
  release: ShownBox,
): ValidityOverTimeResponse {
  const withheldFigures: Disclosure['withheld'] = []
  const floor = release.floor
  const halves = response.halves.map((cell): HalfYear => {
    const outcomesShown = release.visible(`half ${cell.half} outcomes`)
    const acceptedShown = release.visible(`half ${cell.half} accepted`)
    if (!outcomesShown) {
      withheldFigures.push({
        figure: `halves.${cell.half}.retention`,
        reason: `${cell.half}: twelve-month retention is withheld, as fewer than ${floor} of other managers' hires applying then stayed, or fewer than ${floor} left.`,
      })
    }
    if (!acceptedShown) {
      withheldFigures.push({
        figure: `halves.${cell.half}.time_to_hire`,
        reason: `${cell.half}: time to hire is withheld, as fewer than ${floor} offers of other managers' requisitions applied for then were accepted.`,
      })
    }
    const hiddenAreas = response.areas.filter(
      (area) => !release.visible(`half ${cell.half} outcomes ${area.key}`),
    )
    if (hiddenAreas.length > 0) {
      withheldFigures.push({
        figure: `halves.${cell.half}.areas`,
        reason: `${cell.half}: r is withheld for ${hiddenAreas.map((area) => area.name).join(', ')}, as fewer than ${floor} of other managers' hires scored in the area stayed, or fewer than ${floor} left.`,
      })
    }
    return {
      half: cell.half,
      areas: cell.areas.map((area) =>
        hiddenAreas.some((hidden) => hidden.key === area.key)
          ? {
              key: area.key,
              n: null,
              n_stayed: null,
              n_left: null,
              r: null,
              r_ci: null,
              not_computable: `Withheld: fewer than ${floor} hires of other managers' requisitions scored in this area stayed, or fewer than ${floor} left.`,
            }
          : area,
      ),
      time_to_hire: acceptedShown ? cell.time_to_hire : { n: null, median: null, median_ci: null },
      retention: outcomesShown
        ? cell.retention
        : { n: null, stayed: null, share: null, share_ci: null, insufficient: true },
    }
  })
  return saying({ ...response, halves, trends: trendsOf(response.areas, halves) }, withheldFigures)
}
