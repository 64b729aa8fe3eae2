import { z } from 'zod'
import { intervalSchema } from './correlation'
import { daysBetween } from './dates'
import {
  kaplanMeier,
  kaplanMeierCurveShape,
  logRank,
  logRankSchema,
  survivalAt,
  type SurvivalObservation,
} from './kaplan-meier'
import { wilsonInterval } from './proportions'
import { hireAsOf, RETENTION_HORIZON_DAYS, retained12m, type HireFacts } from './retention'

/** The score that splits each area's hires into two bands: "yes" (≥ 3) or better, and below. */
export const SCORE_BAND_THRESHOLD = 3

/**
 * Days employed as known on `asOf`: to the end date if the hire had left by then (an event),
 * else to `asOf` (censored). Null for applications that were not yet hires on `asOf`.
 */
export function tenureAsOf(application: HireFacts, asOf: string): SurvivalObservation | null {
  const hire = hireAsOf(application, asOf)
  if (!hire) return null
  const left = hire.endDate !== null && hire.endDate <= asOf
  return {
    time: daysBetween(hire.startDate, left ? hire.endDate! : asOf),
    event: left,
  }
}

const bandCurveSchema = z.object({
  band: z.enum(['ge3', 'lt3']),
  label: z.string(),
  ...kaplanMeierCurveShape,
})

/**
 * Per area the curves of its score bands and the log-rank test between them; overall, the
 * Kaplan–Meier estimate of still being employed 365 days after starting, and the share of hires
 * with a known twelve-month outcome who stayed, with a Wilson interval.
 */
export const retentionCurvesSchema = z.object({
  threshold: z.number(),
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      bands: z.array(bandCurveSchema),
      logrank: logRankSchema.nullable(),
    }),
  ),
  overall: z.object({
    ...kaplanMeierCurveShape,
    at_12_months: z
      .object({
        day: z.number().int(),
        surv: z.number(),
        lower: z.number().nullable(),
        upper: z.number().nullable(),
        note: z.string().nullable().meta({ description: 'Why lower and upper are null' }),
      })
      .meta({
        description:
          'The Kaplan–Meier estimate on day 364 after starting, just before day 365: leaving on day 365 counts as having stayed twelve months, as in the twelve-month outcome',
      }),
    n_outcome: z.number().int(),
    retained: z.number().int(),
    retained_rate: z.number().nullable(),
    retained_rate_ci: intervalSchema.nullable(),
  }),
})
export type RetentionCurves = z.infer<typeof retentionCurvesSchema>

export interface ScoredHire extends HireFacts {
  areaScores: readonly (number | null)[]
}

/**
 * Kaplan–Meier tenure curves for each area by score band (≥ 3 and < 3) with the log-rank test
 * between them, and the overall curve with its twelve-month point and the simple retained share.
 */
export function retentionCurves(
  areas: readonly { key: string; name: string }[],
  applications: readonly ScoredHire[],
  asOf: string,
): RetentionCurves {
  const hires = applications.flatMap((application) => {
    const tenure = tenureAsOf(application, asOf)
    return tenure ? [{ application, tenure }] : []
  })
  const curves = areas.map((area, k) => {
    const high: SurvivalObservation[] = []
    const low: SurvivalObservation[] = []
    for (const { application, tenure } of hires) {
      const score = application.areaScores[k]
      if (score === null || score === undefined) continue
      ;(score >= SCORE_BAND_THRESHOLD ? high : low).push(tenure)
    }
    return {
      key: area.key,
      name: area.name,
      bands: [
        { band: 'ge3' as const, label: `score ≥ ${SCORE_BAND_THRESHOLD}`, ...kaplanMeier(high) },
        { band: 'lt3' as const, label: `score < ${SCORE_BAND_THRESHOLD}`, ...kaplanMeier(low) },
      ],
      logrank: logRank([high, low]),
    }
  })
  const overall = kaplanMeier(hires.map((hire) => hire.tenure))
  const outcomes = hires.flatMap(({ application }) => {
    const hire = hireAsOf(application, asOf)
    const outcome = hire ? retained12m(hire, asOf) : null
    return outcome === null ? [] : [outcome]
  })
  const retained = outcomes.filter((outcome) => outcome === 1).length
  return {
    threshold: SCORE_BAND_THRESHOLD,
    areas: curves,
    overall: {
      ...overall,
      // Leaving on day 365 still counts as having stayed twelve months, as in retained12m.
      at_12_months: {
        day: RETENTION_HORIZON_DAYS - 1,
        ...survivalAt(overall, RETENTION_HORIZON_DAYS - 1),
      },
      n_outcome: outcomes.length,
      retained,
      retained_rate: outcomes.length > 0 ? retained / outcomes.length : null,
      retained_rate_ci: wilsonInterval(retained, outcomes.length),
    },
  }
}
