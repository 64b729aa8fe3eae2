import { z } from '@hono/zod-openapi'
import type { Level } from '../../../db/domain'
import { intervalSchema, pearson, type Interval } from '../../analytics/correlation'
import {
  correctedValidity,
  correctedValiditySchema,
  type CorrectedValidity,
} from '../../analytics/corrected-validity'
import { daysBetween } from '../../analytics/dates'
import { overlappingDifference } from '../../analytics/dependent-correlations'
import { mean } from '../../analytics/descriptive'
import {
  COARSE_COMPOSITE_BANDS,
  COMPOSITE_BANDS,
  expectancyBandSchema,
  expectancyTable,
  type ExpectancyBand,
} from '../../analytics/expectancy'
import { kaplanMeier, restrictedMean } from '../../analytics/kaplan-meier'
import { tooFewHires } from '../../analytics/power'
import { tenureAsOf } from '../../analytics/retention-curves'
import {
  compositeScore,
  predictRetention,
  suggestedAreaWeights,
  type RetentionModel,
} from '../../analytics/retention-model'
import { matchingBand, type SalaryBand } from '../../analytics/salary'
import { solveBaseRate, successRatio } from '../../analytics/taylor-russell'
import {
  selectedMeanScore,
  utilityGain,
  utilityPerValidity,
  type UtilityInputs,
} from '../../analytics/utility'
import { textAt } from '../../dataset/dataset'
import { modelCases, type Cohort } from '../cohort'
import { contextOf, contextShape, salaryBandsOf } from '../context'
import type { ShownBox } from '../disclosure/release'
import { minutesWithheld, saying, withheld } from '../disclosure/withheld'
import { byArea, parseWeights } from '../weights'
import { requireModelCases } from './validity'

/** Expected tenure is the Kaplan–Meier restricted mean over three years. */
export const TENURE_HORIZON_DAYS = 3 * 365
export const DEFAULT_SDY_SHARE = 0.4
/** A fully loaded hour of an engineer's time, in dollars: the default interview cost. */
export const DEFAULT_HOURLY_COST = 100

const COARSE_BAND_RULE = `Two fixed bands of the composite, ${COARSE_COMPOSITE_BANDS.map((band) => band.label).join(' and ')}: the finer bands would rest on fewer than the floor of other managers' hires who stayed or who left.`
const BAND_RULE = `Fixed bands of the composite (a weighted mean of 1–4 ratings): ${COMPOSITE_BANDS.map((band) => band.label).join(', ')}. Fixed rather than quantiles, so every answer cuts hires at the same scores and bands can be compared between filters.`

/**
 * The cohort as the composite sees it: applications scored in every area (the pool), the
 * hires among them with a known outcome (the hires used), and a composite for any weighting.
 */
interface CompositeFrame {
  cohort: Cohort
  poolRows: number[]
  usedRows: number[]
  outcomes: (0 | 1)[]
  scoresOf: (row: number) => number[]
  levelWeights: (row: number) => number[]
}

function compositeFrame(cohort: Cohort): CompositeFrame {
  const { dataset } = cohort
  const scoresOf = (row: number) => dataset.areaScores.map((column) => column[row]!)
  const poolRows = Array.from(cohort.rows).filter((row) =>
    dataset.areaScores.every((column) => !Number.isNaN(column[row]!)),
  )
  const { cases, rows } = modelCases(cohort)
  return {
    cohort,
    poolRows,
    usedRows: rows,
    outcomes: cases.map((entry) => entry.outcome),
    scoresOf,
    levelWeights: (row) =>
      dataset.areas.map((area) => area.weights[textAt(dataset.text.level, row) as Level] ?? 0),
  }
}

/** Observed and corrected validity of a weighting, over the frame's pool and hires used. */
function validityOf(
  frame: CompositeFrame,
  weightsOf: (row: number) => readonly number[],
): { validity: CorrectedValidity | null; composites: number[] } {
  const composite = (row: number) => compositeScore(frame.scoresOf(row), weightsOf(row))
  const pool = frame.poolRows.map(composite).filter(Number.isFinite)
  const composites = frame.usedRows.map(composite)
  const scored = composites.flatMap((value, i) =>
    Number.isFinite(value) ? [{ value, outcome: frame.outcomes[i]! }] : [],
  )
  return {
    validity: correctedValidity(
      pool,
      scored.map((entry) => entry.value),
      scored.map((entry) => entry.outcome),
    ),
    composites,
  }
}

const tooFewOf = (frame: CompositeFrame) => {
  const stayed = frame.outcomes.filter((outcome) => outcome === 1).length
  return tooFewHires(stayed, frame.outcomes.length - stayed)
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`
const dollars = (value: number) =>
  `${value < 0 ? '−' : ''}$${Math.abs(Math.round(value / 1000) * 1000).toLocaleString('en-US')}`
const twoDecimals = (value: number) => value.toFixed(2).replace('-', '−')

// ---------------------------------------------------------------- expectancy

const taylorRussellSchema = z
  .object({
    n_pool: z.number().int(),
    n_hires: z.number().int(),
    selection_ratio: z.number().openapi({ description: 'SR = hires used / pool' }),
    observed_retention: z.number().openapi({ description: 'Share of the hires used who stayed' }),
    validity: correctedValiditySchema,
    base_rate: z.number().nullable().openapi({
      description:
        'BR: the share expected to stay if hires were picked at random from the pool, solved so that the success ratio at the corrected validity equals the observed retention',
    }),
    success_ratio: z.number().nullable().openapi({
      description: 'Success ratio at the corrected validity (equals the observed retention)',
    }),
    suggested_success_ratio: z.number().nullable().openapi({
      description:
        "Success ratio at the suggested weights' corrected validity, at the same SR and BR",
    }),
    sentence: z.string(),
  })
  .openapi('TaylorRussell')

export const expectancyResponseSchema = z
  .object({
    ...contextShape,
    n: z.number().int().openapi({ description: 'Hires used: a known outcome, every area scored' }),
    too_few: z.string().nullable(),
    band_rule: z.string(),
    bands: z.array(expectancyBandSchema),
    coarse_bands: z.array(expectancyBandSchema).openapi({
      description:
        "The same in two bands, below 3 and 3 and above: what a hiring manager is shown where the finer bands rest on too few of other managers' hires",
    }),
    taylor_russell: taylorRussellSchema.nullable(),
    taylor_russell_note: z
      .string()
      .nullable()
      .openapi({ description: 'Why taylor_russell is null; null when it is given' }),
  })
  .openapi('Expectancy')
export type ExpectancyResponse = z.infer<typeof expectancyResponseSchema>

/**
 * Twelve-month retention by band of the current composite beside the model's expected
 * probability, and the Taylor–Russell comparison of the loop as used with hiring at random.
 */
export function expectancyResponse(cohort: Cohort, model: RetentionModel): ExpectancyResponse {
  const frame = compositeFrame(cohort)
  const tooFew = tooFewOf(frame)
  const current = validityOf(frame, frame.levelWeights)
  const cases = frame.usedRows.flatMap((row, i) => {
    const composite = current.composites[i]!
    if (!Number.isFinite(composite)) return []
    const predicted = predictRetention(model, frame.scoresOf(row))
    return [{ composite, outcome: frame.outcomes[i]!, predicted: predicted?.probability ?? null }]
  })
  const bands = expectancyTable(cases)
  const coarseBands = expectancyTable(cases, COARSE_COMPOSITE_BANDS)
  const base = { ...contextOf(cohort), n: frame.usedRows.length, band_rule: BAND_RULE }
  if (tooFew !== null) {
    const unshown = (band: ExpectancyBand) => ({
      ...band,
      share_stayed: null,
      share_ci: null,
      expected: null,
      curve: null,
      curve_ci: null,
      withheld: tooFew,
    })
    return {
      ...base,
      too_few: tooFew,
      bands: bands.map(unshown),
      coarse_bands: coarseBands.map(unshown),
      taylor_russell: null,
      taylor_russell_note: tooFew,
    }
  }
  const suggested = suggestedValidity(frame, model)
  const taylorRussell = taylorRussellOf(frame, current.validity, suggested)
  return {
    ...base,
    too_few: null,
    bands,
    coarse_bands: coarseBands,
    taylor_russell: typeof taylorRussell === 'string' ? null : taylorRussell,
    taylor_russell_note: typeof taylorRussell === 'string' ? taylorRussell : null,
  }
}

function taylorRussellOf(
  frame: CompositeFrame,
  validity: CorrectedValidity | null,
  suggested: CorrectedValidity | null,
): z.infer<typeof taylorRussellSchema> | string {
  if (!validity) return 'The composite has no validity here: its scores or the outcome do not vary.'
  const selectionRatio = validity.n / validity.n_pool
  if (!(selectionRatio < 1)) {
    return 'Every applicant scored was hired: there was no selection to compare with random hiring.'
  }
  const stayed = frame.outcomes.filter((outcome) => outcome === 1).length
  const observed = stayed / frame.outcomes.length
  const baseRate = solveBaseRate(selectionRatio, validity.r_corrected, observed)
  const ratio =
    baseRate === null ? null : successRatio(selectionRatio, baseRate, validity.r_corrected)
  const suggestedRatio =
    baseRate === null || !suggested
      ? null
      : successRatio(selectionRatio, baseRate, suggested.r_corrected)
  return {
    n_pool: validity.n_pool,
    n_hires: validity.n,
    selection_ratio: selectionRatio,
    observed_retention: observed,
    validity,
    base_rate: baseRate,
    success_ratio: ratio,
    suggested_success_ratio: suggestedRatio,
    sentence:
      baseRate === null
        ? 'Every hire used stayed, or every one left: no base rate gives that, so the comparison with random hiring cannot be made.'
        : `With the loop as used (hiring ${percent(selectionRatio)} of the applicants scored, corrected validity ${twoDecimals(validity.r_corrected)}), ${percent(observed)} of hires stayed twelve months; picking at random from the same applicants, about ${percent(baseRate)} would have.`,
  }
}

/** The suggested weights' corrected validity, or null when the model suggests none. */
function suggestedValidity(frame: CompositeFrame, model: RetentionModel) {
  const weights = suggestedWeightsOf(frame, model)
  return weights ? validityOf(frame, () => weights).validity : null
}

function suggestedWeightsOf(frame: CompositeFrame, model: RetentionModel): number[] | null {
  return suggestedAreaWeights(model, frame.cohort.dataset.areas.length)
}

/**
 * A restricted answer: as the validity table, none at all unless the hires scored in every
 * area reach the floor of stayers and of leavers (`n` counts them). Then the bands where each
 * one's hires who stayed and who left reach the floor (an empty band tells nothing); else the
 * two coarse bands where they do; else only the composite's curve. Taylor–Russell only where
 * the pool scored in every area reaches it too.
 */
export function restrictExpectancy(
  response: ExpectancyResponse,
  release: ShownBox,
): ExpectancyResponse {
  requireModelCases(release)
  const withheldFigures: { figure: string; reason: string }[] = []
  const shownIn = (bands: ExpectancyBand[]) =>
    bands.every((band) => band.n === 0 || release.visible(`composite band ${band.key}`))
  const reason = `Withheld: in every way of banding the composite, a band holds fewer than ${release.floor} of other managers' hires who stayed, or fewer than ${release.floor} who left.`
  const fine = shownIn(response.bands)
  const coarse = shownIn(response.coarse_bands)
  // With no banding shown, the composite's curve (resting on every hire used, as the model
  // does) still reads at each band: counts and shares are withheld.
  const curveOnly = (band: ExpectancyBand) => ({
    ...band,
    n: 0,
    stayed: 0,
    share_stayed: null,
    share_ci: null,
    expected: null,
    withheld: reason,
  })
  const shown = fine
    ? response.bands
    : coarse
      ? response.coarse_bands
      : response.bands.map(curveOnly)
  if (!fine) {
    withheldFigures.push({
      figure: 'bands',
      reason: coarse
        ? `The four bands are withheld, as one holds fewer than ${release.floor} of other managers' hires who stayed or who left: shown in two bands instead.`
        : `${reason} Only the composite's curve is shown at each band.`,
    })
  }
  const taylorShown = release.visible('pool complete')
  const taylorReason = `The comparison with random hiring is withheld: fewer than ${release.floor} of other managers' applicants were scored in every area.`
  if (!taylorShown && response.taylor_russell) {
    withheldFigures.push({ figure: 'taylor_russell', reason: taylorReason })
  }
  return saying(
    {
      ...response,
      band_rule: fine ? response.band_rule : coarse ? COARSE_BAND_RULE : reason,
      bands: shown,
      coarse_bands: coarse ? response.coarse_bands : [],
      taylor_russell: taylorShown ? response.taylor_russell : null,
      taylor_russell_note: taylorShown ? response.taylor_russell_note : taylorReason,
    },
    withheldFigures,
  )
}

// ---------------------------------------------------------------- utility

const scenarioSchema = z
  .object({
    weights: z.record(z.string(), z.number()).nullable().openapi({
      description: 'The weights of every level alike; null for the current weights, set by level',
    }),
    validity: correctedValiditySchema.nullable(),
    gain: z.number().nullable().openapi({
      description: 'ΔU per year in dollars; null without every input, or the interview cost',
    }),
    gain_ci: intervalSchema
      .nullable()
      .meta({ description: "ΔU at the ends of the corrected validity's 95% interval" }),
    versus_current: z
      .object({
        r_difference: z.number(),
        r_difference_ci: intervalSchema.meta({
          description:
            "Zou's 95% interval of r(this) − r(current) on the same hires (overlapping dependent correlations)",
        }),
        gain_difference: z.number(),
      })
      .nullable(),
    sentence: z.string(),
  })
  .openapi('UtilityScenario')

const utilityInputsSchema = z
  .object({
    sdy_share: z.number(),
    band_midpoint: z.number().nullable().openapi({
      description:
        "Mean over the hires used of their level's salary band midpoint (the band for every level where a level has none)",
    }),
    band_note: z.string(),
    sdy: z.number().nullable().openapi({ description: 'SD_y = sdy_share × band_midpoint' }),
    hourly_cost: z.number(),
    minutes_per_loop: z.number().nullable().openapi({
      description:
        "Interviewer minutes per loop: the sum over areas of the mean minutes recorded; null when none are, or withheld from a hiring manager where an area's minutes are",
    }),
    cost_per_applicant: z.number().nullable().openapi({
      description:
        'C = minutes_per_loop / 60 × hourly_cost; null with minutes_per_loop (and then so are the gains, which rest on it)',
    }),
    tenure_days: z.number().nullable().openapi({
      description: 'Kaplan–Meier restricted mean tenure of every hire over three years, in days',
    }),
    tenure_years: z.number().nullable().openapi({ description: 'T = tenure_days / 365' }),
    horizon_days: z.number().int(),
    span_days: z.number().int().nullable().openapi({
      description: 'Days from the first to the last application of the pool',
    }),
    n_pool: z.number().int(),
    n_hires: z.number().int(),
    applicants_per_year: z.number().nullable().openapi({ description: 'N_a' }),
    hires_per_year: z.number().nullable().openapi({ description: 'N_s' }),
    selection_ratio: z.number().nullable().openapi({ description: 'SR = N_s / N_a' }),
    selected_mean_score: z.number().nullable().openapi({ description: 'φ(x_c) / SR' }),
  })
  .openapi('UtilityInputs')

export const utilityResponseSchema = z
  .object({
    ...contextShape,
    too_few: z.string().nullable(),
    not_computable: z
      .string()
      .nullable()
      .openapi({ description: 'Why no dollar figure is given; null when it is' }),
    inputs: utilityInputsSchema,
    current: scenarioSchema,
    suggested: scenarioSchema.nullable(),
    what_if: scenarioSchema.nullable(),
  })
  .openapi('Utility')
export type UtilityResponse = z.infer<typeof utilityResponseSchema>
type Scenario = z.infer<typeof scenarioSchema>

export interface UtilityOptions {
  sdyShare: number
  hourlyCost: number
  weights: string | undefined
}

/** The mean band midpoint of the hires used, and how it was found. */
function bandMidpoint(frame: CompositeFrame, bands: readonly SalaryBand[]) {
  const { text } = frame.cohort.dataset
  const general = bands
    .filter(
      (band) =>
        band.level === null && band.metro === null && band.low !== null && band.high !== null,
    )
    .sort((a, b) => b.source_date.localeCompare(a.source_date) || a.id - b.id)[0]
  let fellBack = 0
  const midpoints = frame.usedRows.flatMap((row) => {
    const band =
      matchingBand(bands, textAt(text.level, row)!, textAt(text.metro, row)) ??
      (general ? (fellBack++, general) : null)
    return band ? [(band.low! + band.high!) / 2] : []
  })
  if (midpoints.length !== frame.usedRows.length || midpoints.length === 0) {
    return {
      midpoint: null,
      note: 'No salary band for the level of every hire used, and none for every level.',
    }
  }
  const note =
    fellBack === 0
      ? "Each hire's level band (its metro's where there is one)."
      : `${fellBack} of ${midpoints.length} hires have no band of their own level: the band for every level (${general!.source}) stands in.`
  return { midpoint: mean(midpoints), note }
}

function minutesPerLoop(cohort: Cohort): number | null {
  let total = 0
  let any = false
  for (const column of cohort.dataset.areaMinutes) {
    let sum = 0
    let loops = 0
    for (const row of cohort.rows) {
      if (Number.isNaN(column[row]!)) continue
      sum += column[row]!
      loops++
    }
    if (loops > 0) {
      total += sum / loops
      any = true
    }
  }
  return any ? total : null
}

function tenureDays(cohort: Cohort): number | null {
  const observations = cohort.hires.flatMap(({ hire }) => {
    const tenure = tenureAsOf({ decision: 'hired', ...hire }, cohort.asOf)
    return tenure ? [tenure] : []
  })
  return observations.length > 0
    ? restrictedMean(kaplanMeier(observations), TENURE_HORIZON_DAYS)
    : null
}

/**
 * Brogden–Cronbach–Gleser utility of the loop per year over hiring at random, for the current
 * weights, the weights the model suggests and a what-if, with every input it rests on.
 */
export function utilityResponse(
  cohort: Cohort,
  model: RetentionModel,
  options: UtilityOptions,
): UtilityResponse {
  const areas = cohort.dataset.areas
  const whatIfWeights = options.weights === undefined ? null : parseWeights(options.weights, areas)
  const frame = compositeFrame(cohort)
  const tooFew = tooFewOf(frame)
  const appliedDays = frame.poolRows
    .map((row) => textAt(cohort.dataset.text.appliedAt, row)!)
    .sort()
  const spanDays = appliedDays.length > 0 ? daysBetween(appliedDays[0]!, appliedDays.at(-1)!) : null
  const years = spanDays !== null && spanDays > 0 ? spanDays / 365.25 : null
  const { midpoint, note } = bandMidpoint(frame, salaryBandsOf(cohort.dataset))
  const minutes = minutesPerLoop(cohort)
  const tenure = tenureDays(cohort)
  const nPool = frame.poolRows.length
  const nHires = frame.usedRows.length
  const selectionRatio = nPool > 0 ? nHires / nPool : null
  const inputs: z.infer<typeof utilityInputsSchema> = {
    sdy_share: options.sdyShare,
    band_midpoint: midpoint,
    band_note: note,
    sdy: midpoint === null ? null : options.sdyShare * midpoint,
    hourly_cost: options.hourlyCost,
    minutes_per_loop: minutes,
    cost_per_applicant: minutes === null ? null : (minutes / 60) * options.hourlyCost,
    tenure_days: tenure,
    tenure_years: tenure === null ? null : tenure / 365,
    horizon_days: TENURE_HORIZON_DAYS,
    span_days: spanDays,
    n_pool: nPool,
    n_hires: nHires,
    applicants_per_year: years === null ? null : nPool / years,
    hires_per_year: years === null ? null : nHires / years,
    selection_ratio: selectionRatio,
    selected_mean_score:
      selectionRatio !== null && selectionRatio > 0 && selectionRatio < 1
        ? selectedMeanScore(selectionRatio)
        : null,
  }
  const missing = whyNoUtility(inputs)
  const notComputable = tooFew ?? missing
  const utilityInputs: UtilityInputs | null =
    notComputable === null
      ? {
          hiresPerYear: inputs.hires_per_year!,
          applicantsPerYear: inputs.applicants_per_year!,
          tenureYears: inputs.tenure_years!,
          sdy: inputs.sdy!,
          costPerApplicant: inputs.cost_per_applicant!,
        }
      : null
  const current = validityOf(frame, frame.levelWeights)
  const suggestedWeights = tooFew === null ? suggestedWeightsOf(frame, model) : null
  const scenario = (
    weights: number[] | null,
    evaluated: ReturnType<typeof validityOf>,
    name: string,
  ): Scenario => {
    const gain =
      utilityInputs && evaluated.validity
        ? utilityGain(utilityInputs, evaluated.validity.r_corrected)
        : null
    const gainCi: Interval | null =
      utilityInputs && evaluated.validity
        ? [
            utilityGain(utilityInputs, evaluated.validity.r_corrected_ci[0]),
            utilityGain(utilityInputs, evaluated.validity.r_corrected_ci[1]),
          ]
        : null
    const versus =
      weights && utilityInputs && evaluated.validity && current.validity
        ? versusCurrent(frame, current, evaluated, utilityInputs)
        : null
    return {
      weights: weights ? byArea(areas, weights) : null,
      validity: tooFew === null ? evaluated.validity : null,
      gain,
      gain_ci: gainCi,
      versus_current: versus,
      sentence:
        notComputable !== null
          ? notComputable
          : weights === null
            ? loopSentence(gain, gainCi)
            : versusSentence(name, versus),
    }
  }
  return {
    ...contextOf(cohort),
    too_few: tooFew,
    not_computable: notComputable,
    inputs,
    current: scenario(null, current, 'current'),
    suggested: suggestedWeights
      ? scenario(
          suggestedWeights,
          validityOf(frame, () => suggestedWeights),
          'The suggested weights',
        )
      : null,
    what_if: whatIfWeights
      ? scenario(
          whatIfWeights,
          validityOf(frame, () => whatIfWeights),
          'The what-if weights',
        )
      : null,
  }
}

function whyNoUtility(inputs: z.infer<typeof utilityInputsSchema>): string | null {
  if (inputs.sdy === null) return `No dollar figure: ${inputs.band_note}`
  if (inputs.cost_per_applicant === null) {
    return 'No dollar figure: no interviewer minutes are recorded, so the interview cost is unknown.'
  }
  if (inputs.tenure_years === null)
    return 'No dollar figure: there are no hires to estimate tenure from.'
  if (inputs.hires_per_year === null) {
    return 'No dollar figure: the applications span less than a day, so there is no yearly rate.'
  }
  if (inputs.selected_mean_score === null) {
    return 'No dollar figure: every applicant scored was hired, so there was no selection.'
  }
  return null
}

function versusCurrent(
  frame: CompositeFrame,
  current: ReturnType<typeof validityOf>,
  other: ReturnType<typeof validityOf>,
  inputs: UtilityInputs,
): Scenario['versus_current'] {
  const both = frame.usedRows.flatMap((_, i) => {
    const a = other.composites[i]!
    const b = current.composites[i]!
    return Number.isFinite(a) && Number.isFinite(b) ? [[a, b] as const] : []
  })
  const between = pearson(
    both.map(([a]) => a),
    both.map(([, b]) => b),
  )
  const mine = other.validity!
  const theirs = current.validity!
  return {
    r_difference: mine.r - theirs.r,
    r_difference_ci: overlappingDifference(
      mine.r,
      mine.r_ci,
      theirs.r,
      theirs.r_ci,
      Math.min(between, 1 - 1e-12),
    ),
    gain_difference: utilityPerValidity(inputs) * (mine.r_corrected - theirs.r_corrected),
  }
}

function loopSentence(gain: number | null, interval: Interval | null): string {
  if (gain === null || interval === null) {
    return 'The composite has no validity here: its scores or the outcome do not vary.'
  }
  const range = `95% interval ${dollars(interval[0])} to ${dollars(interval[1])}`
  if (interval[0] > 0) {
    return `The loop adds about ${dollars(gain)} a year over hiring at random (${range}).`
  }
  if (interval[1] < 0) {
    return `The loop costs about ${dollars(-gain)} a year more than it returns over hiring at random (${range}).`
  }
  return `The data cannot tell yet whether the loop adds more than it costs over hiring at random: ${range}.`
}

function versusSentence(name: string, versus: Scenario['versus_current']): string {
  if (!versus) return `${name} have no validity here: their scores or the outcome do not vary.`
  const [low, high] = versus.r_difference_ci
  const range = `the difference in validity from the current weights is ${twoDecimals(versus.r_difference)} (95% interval ${twoDecimals(low)} to ${twoDecimals(high)})`
  if (low > 0) {
    return `${name} would add about ${dollars(versus.gain_difference)} more a year: ${range}.`
  }
  if (high < 0) {
    return `${name} would return about ${dollars(-versus.gain_difference)} less a year: ${range}.`
  }
  return `The data cannot tell yet whether ${name.charAt(0).toLowerCase()}${name.slice(1)} would add more or less than the current ones: ${range}.`
}

/**
 * A restricted answer: the dollar figures rest on every hire scored in every area (stayed and
 * left), on the pool scored in every area and on departures, each at the floor. The interview
 * cost adds up every area's minutes per loop: where any area's are withheld (see
 * minutesWithheld), so are the cost and each gain it enters. The difference between two
 * weightings is shown: the cost is the same for both and cancels.
 */
export function restrictUtility(
  response: UtilityResponse,
  release: ShownBox,
  areas: readonly { key: string; name: string }[],
): UtilityResponse {
  requireModelCases(release)
  if (!release.visible('pool complete') || !release.visible('departures')) {
    throw withheld(
      `Withheld: fewer than ${release.floor} of other managers' applicants were scored in every area, or fewer than ${release.floor} of their hires have left, so the figures could describe single people.`,
    )
  }
  const hidden = areas.flatMap((area) => {
    const minutes = minutesWithheld(release, area)
    return minutes ? [{ name: area.name, minutes }] : []
  })
  if (hidden.length === 0) return response
  const reason = `The minutes per loop, the interview cost per applicant and each weighting's dollar gain over random hiring are withheld: the cost adds up every area's minutes, and those of ${hidden.map((area) => area.name).join(', ')} are withheld. What other weights would add against the current ones does not rest on the cost, and is shown.`
  const withoutCost = (scenario: Scenario): Scenario => ({ ...scenario, gain: null, gain_ci: null })
  const { current } = response
  return saying(
    {
      ...response,
      inputs: { ...response.inputs, minutes_per_loop: null, cost_per_applicant: null },
      // The current weights' sentence quotes the gain where there is one; the others' do not.
      current: {
        ...withoutCost(current),
        sentence: current.gain === null ? current.sentence : reason,
      },
      suggested: response.suggested && withoutCost(response.suggested),
      what_if: response.what_if && withoutCost(response.what_if),
    },
    [...hidden.map((area) => area.minutes), { figure: 'inputs.cost_per_applicant', reason }],
  )
}
