import { aucDeLong } from './auc'
import type { Interval } from './correlation'
import { icc1, type IccResult } from './icc'
import {
  interviewerLeniency,
  type InterviewerLeniency,
  type InterviewerRating,
} from './interviewer-leniency'
import { MIN_HIRES } from './power'

export interface InterviewerCalibration extends InterviewerLeniency {
  /** Hires with a known twelve-month outcome that this interviewer rated. */
  n_hires: number
  /** How well this interviewer's own ratings (their mean per hire) told stayers from leavers. */
  auc: number | null
  auc_ci: Interval | null
  insufficient: boolean
}

/** One-way ICC(1) of the ratings of an application in an area; nulls when not defined. */
export type AreaReliability = { key: string } & { [Part in keyof IccResult]: number | null }

export interface CalibrationReport {
  interviewers: InterviewerCalibration[]
  areas: AreaReliability[]
}

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
