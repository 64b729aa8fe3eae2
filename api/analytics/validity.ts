import { z } from 'zod'
import { aucDeLong } from './auc'
import { correctForRangeRestriction, correlationTest, intervalSchema } from './correlation'
import { correctForIndirectRangeRestriction } from './reliability'
import { finiteOrNull, mean, sampleSd } from './descriptive'
import { fitLogistic, waldTerms } from './logistic-regression'
import { benjaminiHochberg } from './multiple-testing'
import { hiresToDetect, MIN_HIRES, tooFewHires } from './power'
import { retained12m, startedBy, type HireSpan } from './retention'
import { retentionModel, retentionModelSchema, type CompleteCase } from './retention-model'

export interface AreaRef {
  key: string
  name: string
}

export interface ApplicationRecord {
  /** Area scores (mean rating of the loop) aligned with the areas; null where not rated. */
  areaScores: ReadonlyArray<number | null>
  /** Start and end of employment for a hire; null for everyone else. */
  hire: HireSpan | null
}

/** `not_computable`: why r and the other statistics are null; null when they were computed. */
const areaValiditySchema = z
  .object({
    key: z.string(),
    name: z.string(),
    n: z.number().int().meta({ description: 'Hires with a known outcome and a score in the area' }),
    n_pool: z.number().int().meta({ description: 'Applications with a rating in the area' }),
    n_retained: z.number().int().meta({ description: 'Of the n, hires who stayed twelve months' }),
    n_left: z.number().int().meta({ description: 'Of the n, hires who left within twelve months' }),
    mean_retained: z.number().nullable(),
    mean_left: z.number().nullable(),
    r: z.number().nullable().meta({ description: 'Point-biserial correlation with the outcome' }),
    r_ci: intervalSchema.nullable(),
    p: z.number().nullable(),
    q: z.number().nullable().meta({ description: 'Benjamini–Hochberg adjusted p over the areas' }),
    sd_pool: z.number().nullable(),
    sd_hires: z.number().nullable(),
    u: z.number().nullable().meta({ description: 'SD(pool) / SD(hires used)' }),
    r_corrected: z.number().nullable().meta({ description: 'Thorndike Case II corrected r' }),
    r_corrected_ci: intervalSchema.nullable(),
    r_xxi: z.number().nullable().meta({
      description:
        "Reliability of the area score among the hires used: the area's ICC(1) stepped up (Spearman–Brown) to their mean number of interviewers",
    }),
    r_xxa: z
      .number()
      .nullable()
      .meta({ description: 'Reliability in the applicant pool: 1 − u_X²(1 − r_XXi)' }),
    r_corrected_indirect: z.number().nullable().meta({
      description:
        'Case IV (indirect range restriction, Hunter–Schmidt–Le 2006) operational validity',
    }),
    r_corrected_indirect_ci: intervalSchema.nullable(),
    indirect_note: z
      .string()
      .nullable()
      .meta({ description: 'Why r_corrected_indirect is null while r is not; null otherwise' }),
    odds_ratio: z
      .number()
      .nullable()
      .meta({ description: 'Per rating point, logistic regression' }),
    odds_ratio_ci: intervalSchema.nullable(),
    log_odds: z.number().nullable(),
    log_odds_se: z.number().nullable(),
    auc: z.number().nullable(),
    auc_ci: intervalSchema.nullable(),
    insufficient: z.boolean().meta({
      description:
        'Below the rule for enough data: 30 hires with a known outcome, 10 who stayed and 10 who left',
    }),
    not_computable: z.string().nullable(),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'AreaValidity' })
export type AreaValidity = z.infer<typeof areaValiditySchema>

export const validityReportSchema = z.object({
  as_of: z.string(),
  outcome: z.literal('retained_12m'),
  n_applications: z.number().int(),
  n_hires: z.number().int(),
  n_hires_outcome: z.number().int(),
  n_retained: z.number().int(),
  n_left: z.number().int(),
  areas: z.array(areaValiditySchema),
  model: retentionModelSchema,
  power: z.object({
    min_hires: z.number().int(),
    hires_to_detect: z.array(z.object({ r: z.number(), n: z.number().int() })),
  }),
})
export type ValidityReport = z.infer<typeof validityReportSchema>

/** An area's statistics before (or instead of) computing them: every one null. */
export const noStatistics = () => ({
  mean_retained: null,
  mean_left: null,
  r: null,
  r_ci: null,
  p: null,
  q: null,
  sd_pool: null,
  sd_hires: null,
  u: null,
  r_corrected: null,
  r_corrected_ci: null,
  r_xxi: null,
  r_xxa: null,
  r_corrected_indirect: null,
  r_corrected_indirect_ci: null,
  indirect_note: null,
  odds_ratio: null,
  odds_ratio_ci: null,
  log_odds: null,
  log_odds_se: null,
  auc: null,
  auc_ci: null,
  warnings: [] as string[],
})

interface OutcomeSample {
  scores: number[]
  outcomes: (0 | 1)[]
}

function whyNotComputable(sample: OutcomeSample): string | null {
  const n = sample.scores.length
  if (n === 0) return 'No hire with a known twelve-month outcome has a score in this area.'
  if (n < 4) return `Only ${n} hires with a known outcome: at least 4 are needed.`
  const retained = sample.outcomes.filter((y) => y === 1).length
  if (retained === n) return `All ${n} hires stayed twelve months: there is nothing to predict.`
  if (retained === 0)
    return `All ${n} hires left within twelve months: there is nothing to predict.`
  if (sample.scores.every((score) => score === sample.scores[0])) {
    return `Every hire used has the same score (${sample.scores[0]}): there is no variation to relate.`
  }
  return null
}

function areaValidity(
  area: AreaRef,
  pool: ArrayLike<number>,
  sample: OutcomeSample,
  reliabilityHires: number | null,
): AreaValidity {
  const { scores, outcomes } = sample
  const retainedScores = scores.filter((_, i) => outcomes[i] === 1)
  const leftScores = scores.filter((_, i) => outcomes[i] === 0)
  const sdPool = finiteOrNull(sampleSd(pool))
  const sdHires = finiteOrNull(sampleSd(scores))
  const row: AreaValidity = {
    key: area.key,
    name: area.name,
    n: scores.length,
    n_pool: pool.length,
    n_retained: retainedScores.length,
    n_left: leftScores.length,
    ...noStatistics(),
    mean_retained: retainedScores.length > 0 ? mean(retainedScores) : null,
    mean_left: leftScores.length > 0 ? mean(leftScores) : null,
    sd_pool: sdPool,
    sd_hires: sdHires,
    insufficient: tooFewHires(retainedScores.length, leftScores.length) !== null,
    not_computable: whyNotComputable(sample),
  }
  const test = row.not_computable === null ? correlationTest(scores, outcomes) : null
  if (!test) return row
  row.r = test.r
  row.r_ci = test.ci
  row.p = test.p
  if (sdPool !== null && sdHires !== null) {
    const u = sdPool / sdHires
    row.u = u
    row.r_corrected = correctForRangeRestriction(test.r, u)
    // Case II is monotone in r, so correcting the interval's ends gives the corrected interval.
    row.r_corrected_ci = [
      correctForRangeRestriction(test.ci[0], u),
      correctForRangeRestriction(test.ci[1], u),
    ]
  }
  if (sdPool !== null && sdHires !== null) {
    Object.assign(row, indirectCorrection(test, sdHires / sdPool, reliabilityHires))
  }
  const fit = fitLogistic(
    scores.map((score) => [1, score]),
    outcomes,
  )
  const slope = fit.status === 'ok' ? waldTerms(fit)[1] : undefined
  if (slope) {
    row.log_odds = slope.estimate
    row.log_odds_se = slope.standardError
    row.odds_ratio = slope.oddsRatio
    row.odds_ratio_ci = slope.oddsRatioCi
  } else if (fit.message) {
    row.warnings.push(fit.message)
  }
  const auc = aucDeLong(retainedScores, leftScores)
  row.auc = auc?.auc ?? null
  row.auc_ci = auc?.ci ?? null
  if (auc && auc.ci === null) {
    row.warnings.push(
      'No interval for the AUC: DeLong’s variance needs at least 2 hires who stayed and 2 who left.',
    )
  }
  return row
}

/** Case IV of r and of its interval's ends (the correction is monotone in r). */
function indirectCorrection(
  test: { r: number; ci: [number, number] },
  uX: number,
  reliabilityHires: number | null,
): Pick<
  AreaValidity,
  'r_xxi' | 'r_xxa' | 'r_corrected_indirect' | 'r_corrected_indirect_ci' | 'indirect_note'
> {
  if (reliabilityHires === null) {
    return {
      r_xxi: null,
      r_xxa: null,
      r_corrected_indirect: null,
      r_corrected_indirect_ci: null,
      indirect_note:
        'No reliability for this area: its ratings need at least two applications, some rated by two or more interviewers, and not all the same.',
    }
  }
  const point = correctForIndirectRangeRestriction(test.r, uX, reliabilityHires)
  if (!point.defined) {
    return {
      r_xxi: reliabilityHires,
      r_xxa: null,
      r_corrected_indirect: null,
      r_corrected_indirect_ci: null,
      indirect_note: point.reason,
    }
  }
  const ends = test.ci.map((end) => correctForIndirectRangeRestriction(end, uX, reliabilityHires))
  return {
    r_xxi: reliabilityHires,
    r_xxa: point.r_xxa,
    r_corrected_indirect: point.rho,
    r_corrected_indirect_ci:
      ends[0]!.defined && ends[1]!.defined ? [ends[0]!.rho, ends[1]!.rho] : null,
    indirect_note: null,
  }
}

/** Hires scored in every area, with their outcome: the cases the model of all areas uses. */
export function completeCases(
  records: readonly Pick<ApplicationRecord, 'areaScores'>[],
  outcomes: readonly (0 | 1)[],
): CompleteCase[] {
  const cases: CompleteCase[] = []
  records.forEach((record, i) => {
    const scores = record.areaScores.filter((score) => score !== null)
    if (scores.length === record.areaScores.length) cases.push({ scores, outcome: outcomes[i]! })
  })
  return cases
}

/** A hire that had started by the as-of date: area scores and twelve-month outcome if known. */
export interface ScoredHire {
  areaScores: ReadonlyArray<number | null>
  outcome: 0 | 1 | null
}

/** What the validity table is computed from, in a shape that large datasets fill cheaply. */
export interface ValidityInput {
  applications: number
  /** Per area, the score of every application rated in it: the applicant pool. */
  pools: readonly ArrayLike<number>[]
  hires: readonly ScoredHire[]
  /** Per area, r_XXi: the score's reliability among the hires used; null (or absent) if unknown. */
  reliabilities?: readonly (number | null)[]
}

/** The validity input of a list of applications, as known on `asOf`. */
export function validityInput(
  areaCount: number,
  applications: readonly ApplicationRecord[],
  asOf: string,
): ValidityInput {
  return {
    applications: applications.length,
    pools: Array.from({ length: areaCount }, (_, k) =>
      applications.flatMap((record) => {
        const score = record.areaScores[k]
        return score === null || score === undefined ? [] : [score]
      }),
    ),
    hires: applications.flatMap((record) =>
      record.hire !== null && startedBy(record.hire, asOf)
        ? [{ areaScores: record.areaScores, outcome: retained12m(record.hire, asOf) }]
        : [],
    ),
  }
}

/**
 * The validity table: for each rubric area, how its score relates to twelve-month retention
 * among hires (see "How it's computed"), plus the model of all areas together.
 */
export function validityReport(
  areas: readonly AreaRef[],
  input: ValidityInput,
  asOf: string,
): ValidityReport {
  const known = input.hires.filter(
    (hire): hire is ScoredHire & { outcome: 0 | 1 } => hire.outcome !== null,
  )
  const outcomes = known.map((hire) => hire.outcome)
  const rows = areas.map((area, j) => {
    const sample: OutcomeSample = { scores: [], outcomes: [] }
    for (const hire of known) {
      const score = hire.areaScores[j]
      if (score !== null && score !== undefined) {
        sample.scores.push(score)
        sample.outcomes.push(hire.outcome)
      }
    }
    return areaValidity(area, input.pools[j] ?? [], sample, input.reliabilities?.[j] ?? null)
  })
  benjaminiHochberg(rows.map((row) => row.p)).forEach((q, j) => {
    rows[j]!.q = q
  })
  const retainedCount = outcomes.filter((y) => y === 1).length
  return {
    as_of: asOf,
    outcome: 'retained_12m',
    n_applications: input.applications,
    n_hires: input.hires.length,
    n_hires_outcome: known.length,
    n_retained: retainedCount,
    n_left: known.length - retainedCount,
    areas: rows,
    model: retentionModel(
      areas.map((area) => area.key),
      completeCases(known, outcomes),
    ),
    power: {
      min_hires: MIN_HIRES,
      hires_to_detect: [0.2, 0.3].map((r) => ({ r, n: hiresToDetect(r) })),
    },
  }
}
