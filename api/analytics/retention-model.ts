import { z } from 'zod'
import { aucDeLong } from './auc'
import { correlationTest, intervalSchema, type Interval } from './correlation'
import { mean } from './descriptive'
import { stratifiedFolds } from './cross-validation'
import { twoSidedZ } from './distributions'
import { fitLogistic, waldTerms, type LogisticStatus } from './logistic-regression'

/** k of the k-fold cross-validation, and its fixed seed: the same data give the same folds. */
export const CROSS_VALIDATION_FOLDS = 5
export const CROSS_VALIDATION_SEED = 20_260_331

/** A hire with a known outcome and a score in every area of the rubric. */
export interface CompleteCase {
  scores: readonly number[]
  outcome: 0 | 1
}

const MODEL_STATUSES = [
  'ok',
  'insufficient',
  'separation',
  'not_converged',
  'singular',
] as const satisfies readonly (LogisticStatus | 'insufficient')[]

export const retentionModelSchema = z
  .object({
    status: z.enum(MODEL_STATUSES),
    message: z.string().nullable(),
    n: z.number().int(),
    n_retained: z.number().int(),
    n_left: z.number().int(),
    terms: z.array(z.string()),
    columns: z.array(z.number().int()).meta({
      description: 'For each term after the intercept, the index of its area among all areas',
    }),
    dropped: z
      .array(z.object({ term: z.string(), reason: z.string() }))
      .meta({ description: 'Areas left out of the model, each with why (constant, collinear)' }),
    coefficients: z.array(z.number()).nullable(),
    se: z.array(z.number()).nullable(),
    z: z.array(z.number()).nullable(),
    p_values: z.array(z.number()).nullable(),
    coef_ci: z.array(intervalSchema).nullable(),
    odds_ratios: z.array(z.number()).nullable(),
    odds_ratio_ci: z.array(intervalSchema).nullable(),
    auc: z.number().nullable().meta({ description: 'In-sample AUC of the linear predictor' }),
    cv_auc: z
      .number()
      .nullable()
      .meta({ description: 'Mean held-out AUC over stratified 5-fold cross-validation' }),
    cv_fold_auc: z.array(z.number().nullable()),
    covariance: z
      .array(z.array(z.number()))
      .nullable()
      .meta({ description: 'Covariance matrix of the coefficients (as R vcov)' }),
    deviance: z.number().nullable(),
    null_deviance: z.number().nullable(),
    iterations: z.number().int().nullable(),
    converged: z.boolean(),
  })
  .meta({ id: 'RetentionModel' })
export type RetentionModel = z.infer<typeof retentionModelSchema>
export type ModelStatus = RetentionModel['status']

/** The model without its fit, saying why: every estimate null, the counts kept. */
export function withoutFit(model: RetentionModel, message: string): RetentionModel {
  return {
    ...model,
    status: 'insufficient',
    message,
    coefficients: null,
    se: null,
    z: null,
    p_values: null,
    coef_ci: null,
    odds_ratios: null,
    odds_ratio_ci: null,
    covariance: null,
    auc: null,
    cv_auc: null,
    cv_fold_auc: [],
    deviance: null,
    null_deviance: null,
    iterations: null,
    converged: false,
  }
}

export const designOf = (cases: readonly CompleteCase[]) =>
  cases.map((entry) => [1, ...entry.scores])

function aucOf(predictions: readonly number[], outcomes: readonly (0 | 1)[]): number | null {
  return (
    aucDeLong(
      predictions.filter((_, i) => outcomes[i] === 1),
      predictions.filter((_, i) => outcomes[i] === 0),
    )?.auc ?? null
  )
}

/**
 * Held-out AUC of a scoring rule learnt on the other folds: `train` returns the rule, or null
 * when it cannot be learnt there. Folds with one outcome only, or no rule, give null.
 */
function foldAucs(
  cases: readonly CompleteCase[],
  folds: readonly number[],
  train: (training: CompleteCase[]) => ((scores: readonly number[]) => number) | null,
): (number | null)[] {
  return Array.from({ length: CROSS_VALIDATION_FOLDS }, (_, fold) => {
    const rule = train(cases.filter((_, i) => folds[i] !== fold))
    const held = cases.filter((_, i) => folds[i] === fold)
    if (!rule) return null
    return aucOf(
      held.map((entry) => rule(entry.scores)),
      held.map((entry) => entry.outcome),
    )
  })
}

function meanOfKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length > 0 ? mean(known) : null
}

export const foldsOf = (cases: readonly CompleteCase[]) =>
  stratifiedFolds(
    cases.map((entry) => entry.outcome),
    CROSS_VALIDATION_FOLDS,
    CROSS_VALIDATION_SEED,
  )

function linearRule(coefficients: readonly number[]) {
  return (scores: readonly number[]) =>
    scores.reduce((total, score, k) => total + coefficients[k + 1]! * score, coefficients[0]!)
}

/**
 * The areas the model can estimate: an area every case scored the same, or whose scores are a
 * linear combination of areas kept before it, has no coefficient of its own (R's glm reports
 * NA for it). It is left out by name and the rest is fitted, as glm does.
 */
export function usableColumns(
  areaKeys: readonly string[],
  cases: readonly CompleteCase[],
): { columns: number[]; dropped: { term: string; reason: string }[] } {
  const columns: number[] = []
  const dropped: { term: string; reason: string }[] = []
  // Centred columns kept so far, made orthogonal (Gram–Schmidt), to test each new one against.
  const basis: number[][] = []
  areaKeys.forEach((key, k) => {
    const values = cases.map((entry) => entry.scores[k]!)
    const centre = values.length > 0 ? mean(values) : 0
    const residual = values.map((value) => value - centre)
    const size = residual.reduce((total, value) => total + value * value, 0)
    if (!(size > 0)) {
      dropped.push({
        term: key,
        reason: `every hire used has the same ${key} score (${values[0] ?? 'none'}), so it cannot predict anything`,
      })
      return
    }
    for (const direction of basis) {
      const along = residual.reduce((total, value, i) => total + value * direction[i]!, 0)
      for (let i = 0; i < residual.length; i++) residual[i]! -= along * direction[i]!
    }
    const left = residual.reduce((total, value) => total + value * value, 0)
    if (left <= 1e-10 * size) {
      const others = columns.map((index) => areaKeys[index]!).join(', ')
      dropped.push({
        term: key,
        reason: `its scores are a linear combination of ${others}, so its own effect cannot be told apart`,
      })
      return
    }
    const norm = Math.sqrt(left)
    basis.push(residual.map((value) => value / norm))
    columns.push(k)
  })
  return { columns, dropped }
}

/** The cases with only the given columns of their scores. */
export const projected = (cases: readonly CompleteCase[], columns: readonly number[]) =>
  cases.map((entry) => ({ scores: columns.map((k) => entry.scores[k]!), outcome: entry.outcome }))

/**
 * Logistic regression of twelve-month retention on every area at once, with Wald intervals,
 * in-sample AUC and stratified 5-fold cross-validated AUC. An area that is constant or
 * collinear is left out by name and the rest fitted (see usableColumns). Separation and
 * non-convergence are reported in `status` and `message` instead of numbers.
 */
export function retentionModel(areaKeys: readonly string[], allCases: readonly CompleteCase[]) {
  const retained = allCases.filter((entry) => entry.outcome === 1).length
  // With too few cases, or one outcome only, nothing is fitted and no area is judged.
  const fittable =
    allCases.length >= areaKeys.length + 2 && retained > 0 && retained < allCases.length
  const { columns, dropped } = fittable
    ? usableColumns(areaKeys, allCases)
    : { columns: areaKeys.map((_, k) => k), dropped: [] }
  const cases = projected(allCases, columns)
  const model: RetentionModel = {
    status: 'insufficient',
    message: null,
    n: cases.length,
    n_retained: retained,
    n_left: cases.length - retained,
    terms: ['(Intercept)', ...columns.map((k) => areaKeys[k]!)],
    columns,
    dropped,
    coefficients: null,
    se: null,
    z: null,
    p_values: null,
    coef_ci: null,
    odds_ratios: null,
    odds_ratio_ci: null,
    covariance: null,
    auc: null,
    cv_auc: null,
    cv_fold_auc: [],
    deviance: null,
    null_deviance: null,
    iterations: null,
    converged: false,
  }
  const needed = columns.length + 2
  if (cases.length < needed) {
    model.message = `The model needs at least ${needed} hires with a known outcome scored in every area; there are ${cases.length}.`
    return model
  }
  if (retained === 0 || retained === cases.length) {
    model.message = `All ${cases.length} hires scored in every area ${retained === 0 ? 'left' : 'stayed'}: there is nothing to predict.`
    return model
  }
  const outcomes = cases.map((entry) => entry.outcome)
  const fit = fitLogistic(designOf(cases), outcomes)
  model.status = fit.status
  model.message = fit.message
  model.iterations = fit.iterations
  model.converged = fit.converged
  if (fit.status !== 'ok') return model
  const terms = waldTerms(fit)
  model.coefficients = terms.map((term) => term.estimate)
  model.se = terms.map((term) => term.standardError)
  model.z = terms.map((term) => term.z)
  model.p_values = terms.map((term) => term.p)
  model.coef_ci = terms.map((term) => term.ci)
  model.odds_ratios = terms.map((term) => term.oddsRatio)
  model.odds_ratio_ci = terms.map((term) => term.oddsRatioCi)
  model.covariance = fit.covariance
  model.deviance = fit.deviance
  model.null_deviance = fit.nullDeviance
  model.auc = aucOf(Array.from(fit.linearPredictor), outcomes)
  const crossValidated = crossValidatedAuc(cases)
  model.cv_fold_auc = crossValidated.folds
  model.cv_auc = crossValidated.auc
  return model
}

/**
 * Held-out AUC of the logistic model of the cases' scores, per fold of the stratified 5-fold
 * split and their mean. The folds depend only on the outcomes, so two models of the same
 * cases (with and without an area) are judged on the same folds.
 */
export function crossValidatedAuc(cases: readonly CompleteCase[]): {
  auc: number | null
  folds: (number | null)[]
} {
  const folds = foldAucs(cases, foldsOf(cases), (training) => {
    const trained = fitLogistic(
      designOf(training),
      training.map((entry) => entry.outcome),
    )
    return trained.status === 'ok' ? linearRule(trained.coefficients) : null
  })
  return { auc: meanOfKnown(folds), folds }
}

export interface PredictedRetention {
  probability: number
  ci: Interval
}

const logistic = (eta: number) => 1 / (1 + Math.exp(-eta))

/**
 * The fitted probability of staying twelve months for one set of area scores, with a 95%
 * interval made on the log-odds scale and carried back (as R's predict with se.fit), so it
 * stays within 0 and 1. Null when the model has no usable fit.
 */
export function predictRetention(
  model: Pick<RetentionModel, 'status' | 'coefficients' | 'covariance' | 'columns' | 'dropped'>,
  scores: readonly number[],
  confidence = 0.95,
): PredictedRetention | null {
  const { coefficients, covariance } = model
  if (model.status !== 'ok' || !coefficients || !covariance) return null
  // One score per area of the rubric, kept or left out of the model.
  if (scores.length !== model.columns.length + model.dropped.length) return null
  const row = [1, ...model.columns.map((k) => scores[k]!)]
  const eta = row.reduce((total, value, k) => total + value * coefficients[k]!, 0)
  let variance = 0
  for (let a = 0; a < row.length; a++) {
    for (let b = 0; b < row.length; b++) variance += row[a]! * covariance[a]![b]! * row[b]!
  }
  const margin = twoSidedZ(confidence) * Math.sqrt(variance)
  return { probability: logistic(eta), ci: [logistic(eta - margin), logistic(eta + margin)] }
}

/** Σ wₖ·scoreₖ / Σ wₖ: the weighted mean a loop's composite is; NaN when every weight is 0. */
export function compositeScore(scores: readonly number[], weights: readonly number[]): number {
  let total = 0
  let weightSum = 0
  scores.forEach((score, k) => {
    total += weights[k]! * score
    weightSum += weights[k]!
  })
  return total / weightSum
}

/**
 * The composite over the scored areas only (null scores left out, the rest re-weighted); null
 * when no scored area has weight.
 */
export function compositeOfScored(
  scores: readonly (number | null)[],
  weights: readonly number[],
): number | null {
  const scored = scores.flatMap((score, k) => (score === null ? [] : [k]))
  const weightOfScored = scored.reduce((total, k) => total + weights[k]!, 0)
  if (!(weightOfScored > 0)) return null
  return compositeScore(
    scored.map((k) => scores[k]!),
    scored.map((k) => weights[k]!),
  )
}

/**
 * Weights proportional to the model's positive coefficients, summing to 1: areas whose
 * higher scores went with leaving get none. Null when no coefficient is positive.
 */
export function suggestedWeights(coefficients: readonly number[]): number[] | null {
  const positive = coefficients.slice(1).map((value) => Math.max(0, value))
  const total = positive.reduce((sum, value) => sum + value, 0)
  return total > 0 ? positive.map((value) => value / total) : null
}

export const compositeValiditySchema = z
  .object({
    n: z.number().int(),
    r: z.number().nullable(),
    r_ci: intervalSchema.nullable(),
    auc: z.number().nullable(),
    auc_ci: intervalSchema.nullable(),
    cv_auc: z.number().nullable(),
  })
  .meta({ id: 'CompositeValidity' })
export type CompositeValidity = z.infer<typeof compositeValiditySchema>

function validityOfScores(composites: readonly number[], outcomes: readonly (0 | 1)[]) {
  const test = correlationTest(composites, outcomes)
  const auc = aucDeLong(
    composites.filter((_, i) => outcomes[i] === 1),
    composites.filter((_, i) => outcomes[i] === 0),
  )
  return {
    n: composites.length,
    r: test?.r ?? null,
    r_ci: test?.ci ?? null,
    auc: auc?.auc ?? null,
    auc_ci: auc?.ci ?? null,
  }
}

/**
 * How well a fixed weighting of the areas predicts retention: r and AUC with intervals, and
 * the mean held-out-fold AUC on the same folds the model uses. `weightsOf` gives each case its
 * weights (the current composite weights by the hire's level).
 */
export function compositeValidity(
  cases: readonly CompleteCase[],
  weightsOf: (index: number) => readonly number[],
): CompositeValidity {
  // A case whose level gives every area weight 0 has no composite: it is left out.
  const scored = cases.flatMap((entry, i) => {
    const composite = compositeScore(entry.scores, weightsOf(i))
    return Number.isFinite(composite) ? [{ entry, composite }] : []
  })
  const composites = scored.map(({ composite }) => composite)
  const outcomes = scored.map(({ entry }) => entry.outcome)
  const folds = foldsOf(scored.map(({ entry }) => entry))
  const cvFolds = Array.from({ length: CROSS_VALIDATION_FOLDS }, (_, fold) =>
    aucOf(
      composites.filter((_, i) => folds[i] === fold),
      outcomes.filter((_, i) => folds[i] === fold),
    ),
  )
  return { ...validityOfScores(composites, outcomes), cv_auc: meanOfKnown(cvFolds) }
}

/** Weights of the areas the model kept, spread back over every area (0 for one left out). */
function spreadWeights(
  model: Pick<RetentionModel, 'columns'>,
  areaCount: number,
  kept: readonly number[] | null,
): number[] | null {
  if (!kept) return null
  const full = Array.from({ length: areaCount }, () => 0)
  model.columns.forEach((k, index) => {
    full[k] = kept[index]!
  })
  return full
}

/** The weights the model suggests over every area, without validating them; null when none. */
export function suggestedAreaWeights(model: RetentionModel, areaCount: number): number[] | null {
  if (model.status !== 'ok' || !model.coefficients) return null
  return spreadWeights(model, areaCount, suggestedWeights(model.coefficients))
}

export interface SuggestedComposite {
  weights: number[] | null
  /** Why there are no suggested weights; null when there are. */
  message: string | null
  /** In-sample r and AUC of the suggested weights, and cv_auc of the whole procedure. */
  validity: CompositeValidity | null
}

/**
 * Weights learnt from the model, with an honest cross-validated AUC: in each fold the weights
 * are learnt on the other folds only, so the held-out AUC carries no optimism.
 */
export function suggestedComposite(
  model: RetentionModel,
  cases: readonly CompleteCase[],
): SuggestedComposite {
  if (model.status !== 'ok' || !model.coefficients) {
    return {
      weights: null,
      message: model.message ?? 'The model could not be fitted.',
      validity: null,
    }
  }
  const areaCount = cases[0]?.scores.length ?? 0
  const spread = (kept: readonly number[] | null) => spreadWeights(model, areaCount, kept)
  const weights = spread(suggestedWeights(model.coefficients))
  if (!weights) {
    return {
      weights: null,
      message: 'No area predicts staying: every coefficient of the model is zero or negative.',
      validity: null,
    }
  }
  const inSample = validityOfScores(
    cases.map((entry) => compositeScore(entry.scores, weights)),
    cases.map((entry) => entry.outcome),
  )
  const cvFolds = foldAucs(cases, foldsOf(cases), (training) => {
    const trained = fitLogistic(
      designOf(projected(training, model.columns)),
      training.map((entry) => entry.outcome),
    )
    const learnt = spread(trained.status === 'ok' ? suggestedWeights(trained.coefficients) : null)
    return learnt ? (scores) => compositeScore(scores, learnt) : null
  })
  return { weights, message: null, validity: { ...inSample, cv_auc: meanOfKnown(cvFolds) } }
}
