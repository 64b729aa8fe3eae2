import { z } from 'zod'
import { aucDeLong } from './auc'
import { intervalSchema } from './correlation'
import { icc1ByArea } from './icc'
import {
  interviewerLeniencyShape,
  leniencyDeviations,
  leniencyOfTable,
} from './interviewer-leniency'
import {
  estimateShrinkageSchema,
  shrinkEstimates,
  type EstimateShrinkage,
} from './estimate-shrinkage'
import { leniencyShrinkageSchema, shrinkLeniencies } from './leniency-shrinkage'
import { ratingTableOf, type InterviewerRating, type RatingTable } from './rating-table'
import { tooFewHires } from './power'

/**
 * n_hires: hires with a known twelve-month outcome the interviewer rated; auc: how well their
 * own ratings (their mean per hire) told stayers from leavers; leniency_shrunk: the leniency
 * shrunk toward 0 by empirical Bayes (see leniency-shrinkage), 0 with nothing compared;
 * auc_shrunk: the AUC shrunk toward the interviewers' pooled AUC by empirical Bayes (see
 * estimate-shrinkage), null without a DeLong variance.
 */
export const interviewerCalibrationSchema = z.object({
  ...interviewerLeniencyShape,
  leniency_shrunk: z.number(),
  shrinkage_weight: z.number(),
  n_hires: z.number().int(),
  auc: z.number().nullable(),
  n_stayed: z.number().int(),
  n_left: z.number().int(),
  auc_ci: intervalSchema.nullable(),
  /** DeLong variance of the AUC; null with fewer than two who stayed or two who left. */
  auc_variance: z.number().nullable(),
  auc_shrunk: z.number().nullable(),
  /** B = τ² / (τ² + DeLong variance): how much of the AUC's distance from the pooled AUC is kept. */
  auc_shrinkage_weight: z.number().nullable(),
  /** Why there is no AUC (or no interval for it); null when there is both. */
  auc_note: z.string().nullable(),
  insufficient: z.boolean(),
})

export type InterviewerCalibration = z.infer<typeof interviewerCalibrationSchema>

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
  leniency_shrinkage: leniencyShrinkageSchema,
  auc_shrinkage: estimateShrinkageSchema,
  areas: z.array(z.object(areaReliabilityShape)),
})
export type CalibrationReport = z.infer<typeof calibrationReportSchema>

/**
 * Each interviewer's leniency against their co-interviewers, rating distribution and own
 * predictive AUC for twelve-month retention; and each area's inter-rater reliability.
 */
export function interviewerCalibration(
  ratings: readonly InterviewerRating[],
  outcomes: ReadonlyMap<string, 0 | 1>,
  areaKeys: readonly string[],
): CalibrationReport {
  const table = ratingTableOf(ratings)
  const outcomeOf = Int8Array.from(table.applicationNames, (name) => outcomes.get(name) ?? -1)
  return calibrationOfTable(table, outcomeOf, areaKeys)
}

/**
 * interviewerCalibration over a rating table, with each application's twelve-month outcome
 * by its code (1 stayed, 0 left, −1 not known) and the areas to give reliabilities of, by name.
 */
export function calibrationOfTable(
  table: RatingTable,
  outcomeOf: Int8Array,
  areaKeys: readonly string[],
): CalibrationReport {
  // Each interviewer's mean rating per hire with a known outcome: their own view of the hire.
  const views = table.interviewerNames.map(() => new Map<number, { sum: number; count: number }>())
  for (let i = 0; i < table.value.length; i++) {
    const application = table.application[i]!
    if (outcomeOf[application] === -1) continue
    const byHire = views[table.interviewer[i]!]!
    const view = byHire.get(application)
    if (view) {
      view.sum += table.value[i]!
      view.count++
    } else byHire.set(application, { sum: table.value[i]!, count: 1 })
  }
  const codeOf = new Map(table.interviewerNames.map((name, code) => [name, code]))
  const deviations = leniencyDeviations(table)
  const { weights, shrunk, ...shrinkage } = shrinkLeniencies(deviations.deviations)
  const unshrunk = leniencyOfTable(table, 0.95, deviations).map((leniency) => {
    const code = codeOf.get(leniency.interviewer)!
    const stayed: number[] = []
    const left: number[] = []
    for (const [application, view] of views[code]!) {
      ;(outcomeOf[application] === 1 ? stayed : left).push(view.sum / view.count)
    }
    const auc = aucDeLong(stayed, left)
    return {
      ...leniency,
      leniency_shrunk: shrunk[code]!,
      shrinkage_weight: weights[code]!,
      n_hires: stayed.length + left.length,
      n_stayed: stayed.length,
      n_left: left.length,
      auc: auc?.auc ?? null,
      auc_ci: auc?.ci ?? null,
      auc_variance: auc?.variance ?? null,
      auc_note: auc?.ci
        ? null
        : 'No DeLong interval: it needs at least two hires who stayed and two who left.',
      insufficient: tooFewHires(stayed.length, left.length) !== null,
    }
  })
  const { interviewers, shrinkage: aucShrinkage } = withShrunkAucs(unshrunk)
  return {
    interviewers,
    leniency_shrinkage: shrinkage,
    auc_shrinkage: aucShrinkage,
    areas: areaReliabilities(table, areaKeys),
  }
}

/** Each area's ICC(1) over a rating table, applications as groups; nulls where not defined. */
export function areaReliabilities(
  table: RatingTable,
  areaKeys: readonly string[],
): AreaReliability[] {
  const results = icc1ByArea(table.areaNames.length, table.applicationCount, (visit) => {
    for (let i = 0; i < table.value.length; i++) {
      visit(table.area[i]!, table.application[i]!, table.value[i]!)
    }
  })
  return areaKeys.map((key): AreaReliability => {
    const code = table.areaNames.indexOf(key)
    const result = code < 0 ? null : results[code]!
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
}

type UnshrunkCalibration = Omit<InterviewerCalibration, 'auc_shrunk' | 'auc_shrinkage_weight'>

/**
 * Each interviewer's AUC shrunk toward the pooled AUC of those given (see shrinkEstimates),
 * so that one who rated six hires is not ranked beside one who rated two hundred.
 */
export function withShrunkAucs(rows: readonly UnshrunkCalibration[]): {
  interviewers: InterviewerCalibration[]
  shrinkage: EstimateShrinkage
} {
  const { weights, shrunk, ...shrinkage } = shrinkEstimates(
    rows.map((row) => row.auc),
    rows.map((row) => row.auc_variance),
  )
  return {
    interviewers: rows.map((row, i) => ({
      ...row,
      auc_shrunk: shrunk[i]!,
      auc_shrinkage_weight: weights[i]!,
    })),
    shrinkage,
  }
}
