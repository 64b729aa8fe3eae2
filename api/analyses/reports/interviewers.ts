import { z } from '@hono/zod-openapi'
import {
  areaReliabilityShape,
  interviewerCalibration,
  interviewerCalibrationSchema,
} from '../../analytics/interviewer-calibration'
import type { RatingRow } from '../../dataset/dataset'
import { outcomesById, type Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'

export const interviewersResponseSchema = z
  .object({
    ...contextShape,
    interviewers: z.array(interviewerCalibrationSchema),
    areas: z.array(z.object({ ...areaReliabilityShape, name: z.string() })),
  })
  .openapi('Interviewers')

/** Calibration of every interviewer over the cohort's ratings, and each area's ICC(1). */
export function interviewersResponse(
  cohort: Cohort,
  ratings: readonly RatingRow[],
): z.infer<typeof interviewersResponseSchema> {
  const report = interviewerCalibration(
    ratings,
    outcomesById(cohort),
    cohort.dataset.areas.map((area) => area.key),
  )
  return {
    ...contextOf(cohort),
    interviewers: report.interviewers,
    areas: report.areas.map((area, k) => ({ ...area, name: cohort.dataset.areas[k]!.name })),
  }
}

/**
 * A restricted answer: an interviewer only over at least the floor of other managers'
 * applications, and their own AUC only over as many hires who stayed and as many who left.
 */
export function restrictInterviewers(
  response: z.infer<typeof interviewersResponseSchema>,
  release: ShownBox,
): z.infer<typeof interviewersResponseSchema> {
  return {
    ...response,
    interviewers: response.interviewers
      .filter((row) => release.visible(`interviewer ${row.interviewer}`))
      .map((row) =>
        release.visible(`interviewer ${row.interviewer} outcomes`)
          ? row
          : { ...row, auc: null, auc_ci: null, insufficient: true },
      ),
  }
}
