import { z } from '@hono/zod-openapi'
import {
  areaReliabilityShape,
  calibrationOfTable,
  interviewerCalibrationSchema,
  withShrunkAucs,
  type InterviewerCalibration,
} from '../../analytics/interviewer-calibration'
import { tooFewHires } from '../../analytics/power'
import { estimateShrinkageSchema } from '../../analytics/estimate-shrinkage'
import { leniencyShrinkageSchema } from '../../analytics/leniency-shrinkage'
import { ratingTableOfRows } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'

export const interviewersResponseSchema = z
  .object({
    ...contextShape,
    interviewers: z.array(interviewerCalibrationSchema),
    leniency_shrinkage: leniencyShrinkageSchema,
    auc_shrinkage: estimateShrinkageSchema,
    areas: z.array(z.object({ ...areaReliabilityShape, name: z.string() })),
  })
  .openapi('Interviewers')

/** An interviewer's row with no AUC, and why. */
function withoutAuc(row: InterviewerCalibration, note: string): InterviewerCalibration {
  return { ...row, auc: null, auc_ci: null, auc_variance: null, auc_note: note, insufficient: true }
}

/**
 * Calibration of every interviewer over the cohort's ratings, and each area's ICC(1). Below
 * the rule for enough data (see tooFewHires) an interviewer keeps their leniency, which has
 * its own interval, but not their AUC, raw or shrunk, which would read as a finding; the AUCs
 * shown are shrunk toward the pooled AUC of those shown only.
 */
export function interviewersResponse(cohort: Cohort): z.infer<typeof interviewersResponseSchema> {
  const report = calibrationOfTable(
    ratingTableOfRows(cohort.dataset, cohort.rows),
    Int8Array.from(cohort.rows, (row) => cohort.outcomeOfRow[row]!),
    cohort.dataset.areas.map((area) => area.key),
  )
  const { interviewers, shrinkage } = withShrunkAucs(
    report.interviewers.map((row) => {
      const tooFew = tooFewHires(row.n_stayed, row.n_left)
      return tooFew === null ? row : withoutAuc(row, tooFew)
    }),
  )
  return {
    ...contextOf(cohort),
    interviewers,
    leniency_shrinkage: report.leniency_shrinkage,
    auc_shrinkage: shrinkage,
    areas: report.areas.map((area, k) => ({ ...area, name: cohort.dataset.areas[k]!.name })),
  }
}

/**
 * A restricted answer: an interviewer only over at least the floor of other managers'
 * applications, and their own AUC only over as many hires who stayed and as many who left.
 * The AUCs shown are shrunk toward the pooled AUC of those shown only, so no withheld AUC
 * moves a figure shown.
 */
export function restrictInterviewers(
  response: z.infer<typeof interviewersResponseSchema>,
  release: ShownBox,
): z.infer<typeof interviewersResponseSchema> {
  const shown = response.interviewers.filter((row) =>
    release.visible(`interviewer ${row.interviewer}`),
  )
  const aucWithheld = shown.filter(
    (row) => !release.visible(`interviewer ${row.interviewer} outcomes`),
  )
  const hidden = response.interviewers.length - shown.length
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  const { interviewers, shrinkage } = withShrunkAucs(
    shown.map((row) =>
      aucWithheld.includes(row)
        ? withoutAuc(
            row,
            `Withheld: fewer than ${release.floor} hires of other managers' requisitions they rated stayed, or fewer than ${release.floor} left.`,
          )
        : row,
    ),
  )
  return saying({ ...response, interviewers, auc_shrinkage: shrinkage }, [
    ...(hidden > 0
      ? [
          {
            figure: 'interviewers',
            reason: `${plural(hidden, 'interviewer')} with fewer than ${release.floor} of other managers' applications not shown.`,
          },
        ]
      : []),
    ...(aucWithheld.length > 0
      ? [
          {
            figure: 'interviewers.auc',
            reason: `How well their ratings predicted retention is withheld for ${plural(aucWithheld.length, 'interviewer')}: fewer than ${release.floor} of the hires they rated stayed, or fewer than ${release.floor} left.`,
          },
        ]
      : []),
  ])
}
