import { z } from 'zod'
import { aucDeLong } from './auc'
import { intervalSchema } from './correlation'
import { icc1 } from './icc'
import {
  interviewerLeniency,
  interviewerLeniencyShape,
  type InterviewerRating,
} from './interviewer-leniency'
import { MIN_HIRES } from './power'

/**
 * n_hires: hires with a known twelve-month outcome the interviewer rated; auc: how well their
 * own ratings (their mean per hire) told stayers from leavers.
 */
export const interviewerCalibrationSchema = z.object({
  ...interviewerLeniencyShape,
  n_hires: z.number().int(),
  auc: z.number().nullable(),
  auc_ci: intervalSchema.nullable(),
  insufficient: z.boolean(),
})

/** One-way ICC(1) of the ratings of an application in an area; nulls when not defined. */
export const areaReliabilityShape = {
  key: z.string(),
  n_groups: z.number().nullable(),
  n_ratings: z.number().nullable(),
  k0: z.number().nullable(),
  msb: z.number().nullable(),
  msw: z.number().nullable(),
  icc1: z.number().nullable(),
}
type AreaReliability = z.infer<z.ZodObject<typeof areaReliabilityShape>>

export const calibrationReportSchema = z.object({
  interviewers: z.array(interviewerCalibrationSchema),
  areas: z.array(z.object(areaReliabilityShape)),
})
type CalibrationReport = z.infer<typeof calibrationReportSchema>

/**
 * Each interviewer's leniency against their co-interviewers, rating distribution and own
 * predictive AUC for twelve-month retention; and each area's inter-rater reliability.
 */
export function interviewerCalibration(
  ratings: readonly InterviewerRating[],
  outcomes: ReadonlyMap<string, 0 | 1>,
  areaKeys: readonly string[],
): CalibrationReport {
  // Each interviewer's mean rating per hire with a known outcome: their own view of the hire.
  const views = new Map<string, Map<string, { sum: number; count: number }>>()
  for (const rating of ratings) {
    if (!outcomes.has(rating.application)) continue
    let byHire = views.get(rating.interviewer)
    if (!byHire) {
      byHire = new Map<string, { sum: number; count: number }>()
      views.set(rating.interviewer, byHire)
    }
    const view = byHire.get(rating.application) ?? { sum: 0, count: 0 }
    view.sum += rating.rating
    view.count++
    byHire.set(rating.application, view)
  }
  const interviewers = interviewerLeniency(ratings).map((leniency) => {
    const stayed: number[] = []
    const left: number[] = []
    for (const [application, view] of views.get(leniency.interviewer) ?? []) {
      ;(outcomes.get(application) === 1 ? stayed : left).push(view.sum / view.count)
    }
    const auc = aucDeLong(stayed, left)
    const hires = stayed.length + left.length
    return {
      ...leniency,
      n_hires: hires,
      auc: auc?.auc ?? null,
      auc_ci: auc?.ci ?? null,
      insufficient: hires < MIN_HIRES,
    }
  })
  const areas = areaKeys.map((key): AreaReliability => {
    const result = icc1(
      ratings
        .filter((rating) => rating.area === key)
        .map((rating) => ({ group: rating.application, value: rating.rating })),
    )
    return {
      key,
      n_groups: result?.n_groups ?? null,
      n_ratings: result?.n_ratings ?? null,
      k0: result?.k0 ?? null,
      msb: result?.msb ?? null,
      msw: result?.msw ?? null,
      icc1: result?.icc1 ?? null,
    }
  })
  return { interviewers, areas }
}
