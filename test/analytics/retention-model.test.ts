import { describe, expect, it } from 'vitest'
import { aucDeLong } from '../../api/analytics/auc'
import { stratifiedFolds } from '../../api/analytics/cross-validation'
import { fitLogistic, waldTerms } from '../../api/analytics/logistic-regression'
import {
  compositeScore,
  compositeValidity,
  CROSS_VALIDATION_FOLDS,
  CROSS_VALIDATION_SEED,
  predictRetention,
  retentionModel,
  suggestedComposite,
  suggestedWeights,
  type CompleteCase,
} from '../../api/analytics/retention-model'

function repeat(times: number, scores: number[], outcome: 0 | 1): CompleteCase[] {
  return Array.from({ length: times }, () => ({ scores, outcome }))
}

/**
 * One area scored 1 or 2: 3 of 10 stayed at 1, 7 of 10 at 2. The logistic fit is saturated, so
 * it has a closed form: logit(0.3) = β₀ + β₁, logit(0.7) = β₀ + 2β₁.
 */
const TWO_BY_TWO: CompleteCase[] = [
  ...repeat(3, [1], 1),
  ...repeat(7, [1], 0),
  ...repeat(7, [2], 1),
  ...repeat(3, [2], 0),
]

/** 3 leavers and 19 stayers: the stratified deal puts the leavers in folds 0, 1 and 2 only. */
const FEW_LEAVERS: CompleteCase[] = [
  ...[1, 2, 3].map((score) => ({ scores: [score], outcome: 0 as const })),
  ...[1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 3, 4, 2, 4].map((score) => ({
    scores: [score],
    outcome: 1 as const,
  })),
]

describe('retentionModel: not enough data', () => {
  it('is insufficient with fewer cases than areas + 2, saying how many it needs', () => {
    // 2 areas → needs 4; there are 3
    const model = retentionModel(
      ['a', 'b'],
      [
        { scores: [1, 2], outcome: 1 },
        { scores: [2, 3], outcome: 0 },
        { scores: [3, 1], outcome: 1 },
      ],
    )
    expect(model.status).toBe('insufficient')
    expect(model.message).toBe(
      'The model needs at least 4 hires with a known outcome scored in every area; there are 3.',
    )
    expect(model).toMatchObject({
      n: 3,
      n_retained: 2,
      n_left: 1,
      terms: ['(Intercept)', 'a', 'b'],
      coefficients: null,
      se: null,
      auc: null,
      cv_auc: null,
      cv_fold_auc: [],
      iterations: null,
      converged: false,
    })
  })

  it('is insufficient when every hire had the same outcome, saying so', () => {
    const model = retentionModel(['a'], [...repeat(5, [2], 1), ...repeat(5, [4], 1)])
    expect(model.status).toBe('insufficient')
    expect(model.message).toBe(
      'All 10 hires scored in every area stayed: there is nothing to predict.',
    )
    expect(model).toMatchObject({ n: 10, n_retained: 10, n_left: 0, coefficients: null })
  })

  it('is insufficient with no cases at all', () => {
    const model = retentionModel(['a'], [])
    expect(model.status).toBe('insufficient')
    expect(model.message).toContain('there are 0')
    expect(model.n).toBe(0)
    expect(JSON.stringify(model)).not.toMatch(/NaN|Infinity/)
  })
})

describe('retentionModel: a fit', () => {
  const model = retentionModel(['ownership'], TWO_BY_TWO)

  it('matches the closed form of the saturated two-by-two model', () => {
    expect(model.status).toBe('ok')
    expect(model.message).toBeNull()
    expect(model.converged).toBe(true)
    expect(model.terms).toEqual(['(Intercept)', 'ownership'])
    expect(model).toMatchObject({ n: 20, n_retained: 10, n_left: 10 })
    // β₁ = logit(0.7) − logit(0.3) = 2·ln(7/3); β₀ = logit(0.3) − β₁ = −3·ln(7/3)
    const [intercept, slope] = model.coefficients!
    expect(slope).toBeCloseTo(2 * Math.log(7 / 3), 8)
    expect(intercept).toBeCloseTo(-3 * Math.log(7 / 3), 8)
    // SE(β₁)² = 1/3 + 1/7 + 1/7 + 1/3 = 20/21; β₀ = 2·logit(p₁) − logit(p₂): SE² = 5·(10/21)
    expect(model.se![1]).toBeCloseTo(Math.sqrt(20 / 21), 8)
    expect(model.se![0]).toBeCloseTo(Math.sqrt(50 / 21), 8)
    expect(model.z![1]).toBeCloseTo((2 * Math.log(7 / 3)) / Math.sqrt(20 / 21), 8)
    expect(model.odds_ratios![1]).toBeCloseTo((7 / 3) ** 2, 8)
    // deviance −2·2·(3·ln 0.3 + 7·ln 0.7); null deviance 20·2·ln 2
    expect(model.deviance).toBeCloseTo(-4 * (3 * Math.log(0.3) + 7 * Math.log(0.7)), 8)
    expect(model.null_deviance).toBeCloseTo(40 * Math.log(2), 8)
  })

  it('gives the in-sample AUC of the linear predictor', () => {
    // the predictor rises with the score: stayers (3 at 1, 7 at 2) against leavers (7 at 1,
    // 3 at 2): 7·7 = 49 wins, 3·7 + 7·3 = 42 ties → (49 + 42 / 2) / 100 = 0.7
    expect(model.auc).toBeCloseTo(0.7, 12)
  })

  it('cross-validates on five folds, cv_auc their mean', () => {
    expect(CROSS_VALIDATION_FOLDS).toBe(5)
    expect(model.cv_fold_auc).toHaveLength(5)
    // 10 leavers and 10 stayers dealt round robin: two of each per fold, every fold scored
    expect(model.cv_fold_auc.every((auc) => auc !== null && auc >= 0 && auc <= 1)).toBe(true)
    const folds = model.cv_fold_auc as number[]
    expect(model.cv_auc).toBeCloseTo(folds.reduce((sum, auc) => sum + auc, 0) / 5, 12)
  })

  it('averages only the folds that could be scored', () => {
    const few = retentionModel(['ownership'], FEW_LEAVERS)
    expect(few.status).toBe('ok')
    expect(few.cv_fold_auc).toHaveLength(5)
    // leavers dealt to folds 0, 1, 2; the stayers continue from fold 3: folds 3 and 4 hold
    // stayers only and have no AUC
    expect(few.cv_fold_auc[3]).toBeNull()
    expect(few.cv_fold_auc[4]).toBeNull()
    const scored = few.cv_fold_auc.slice(0, 3) as number[]
    expect(scored.every((auc) => typeof auc === 'number')).toBe(true)
    expect(few.cv_auc).toBeCloseTo((scored[0]! + scored[1]! + scored[2]!) / 3, 12)
    expect(JSON.stringify(few)).not.toMatch(/NaN|Infinity/)
  })

  it('is deterministic: the same cases give the same folds and results', () => {
    const again = retentionModel(['ownership'], [...TWO_BY_TWO])
    expect(again.cv_fold_auc).toEqual(model.cv_fold_auc)
    expect(again.cv_auc).toBe(model.cv_auc)
    expect(again).toEqual(model)
  })

  it('fits several areas at once, one term each, as fitLogistic does', () => {
    const cases: CompleteCase[] = Array.from({ length: 40 }, (_, i) => {
      const a = 1 + (i % 5)
      const b = 1 + (Math.floor(i / 5) % 5)
      return { scores: [a, b], outcome: a + (i % 3) > 3 ? 1 : 0 }
    })
    const fitted = retentionModel(['a', 'b'], cases)
    expect(fitted.status).toBe('ok')
    expect(fitted.terms).toEqual(['(Intercept)', 'a', 'b'])
    const direct = fitLogistic(
      cases.map((entry) => [1, ...entry.scores]),
      cases.map((entry) => entry.outcome),
    )
    const terms = waldTerms(direct)
    expect(fitted.coefficients).toEqual(terms.map((term) => term.estimate))
    expect(fitted.se).toEqual(terms.map((term) => term.standardError))
    expect(fitted.p_values).toEqual(terms.map((term) => term.p))
    expect(fitted.cv_fold_auc).toHaveLength(5)
    expect(JSON.stringify(fitted)).not.toMatch(/NaN|Infinity/)
  })
})

describe('retentionModel: separation', () => {
  it('reports separation instead of coefficients', () => {
    // everyone scored 1 left, everyone scored 2 stayed
    const model = retentionModel(['a'], [...repeat(4, [1], 0), ...repeat(4, [2], 1)])
    expect(model.status).toBe('separation')
    expect(model.message).toBe(
      'Some hires are predicted perfectly (separation): the odds ratios are not finite.',
    )
    expect(model).toMatchObject({
      coefficients: null,
      se: null,
      z: null,
      p_values: null,
      odds_ratios: null,
      auc: null,
      cv_auc: null,
      cv_fold_auc: [],
      converged: false,
    })
    expect(JSON.stringify(model)).not.toMatch(/NaN|Infinity/)
  })
})

describe('compositeScore and suggestedWeights', () => {
  it('is the weighted mean of the scores', () => {
    // (1·4 + 1·2 + 2·3) / (1 + 1 + 2) = 12 / 4 = 3
    expect(compositeScore([4, 2, 3], [1, 1, 2])).toBe(3)
    // (0.2·5 + 0.8·1) / 1 = 1.8
    expect(compositeScore([5, 1], [0.2, 0.8])).toBeCloseTo(1.8, 12)
    // equal weights: the plain mean (2 + 3 + 5) / 3
    expect(compositeScore([2, 3, 5], [1, 1, 1])).toBe(10 / 3)
  })

  it('drops the intercept and negative coefficients and sums to 1', () => {
    // positive parts of (2, −1, 1) → 2/3, 0, 1/3
    const weights = suggestedWeights([-1, 2, -1, 1])!
    expect(weights[0]).toBeCloseTo(2 / 3, 12)
    expect(weights[1]).toBe(0)
    expect(weights[2]).toBeCloseTo(1 / 3, 12)
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12)
    expect(suggestedWeights([-3, 0.5])).toEqual([1])
  })

  it('is null when no area coefficient is positive, even with a positive intercept', () => {
    expect(suggestedWeights([5, -1, 0])).toBeNull()
    expect(suggestedWeights([1])).toBeNull()
  })
})

describe('compositeValidity', () => {
  // equal weights: composites are the means 3, 4, 2, 2, 3, 3
  const cases: CompleteCase[] = [
    { scores: [4, 2], outcome: 1 },
    { scores: [5, 3], outcome: 1 },
    { scores: [2, 2], outcome: 0 },
    { scores: [1, 3], outcome: 0 },
    { scores: [3, 3], outcome: 1 },
    { scores: [2, 4], outcome: 0 },
  ]
  const validity = compositeValidity(cases, () => [1, 1])

  it('relates the composite to retention by r and AUC', () => {
    expect(validity.n).toBe(6)
    // x̄ = 17/6, ȳ = 1/2: Σdx·dy = 1.5, Σdx² = 102/36, Σdy² = 1.5 → r = 1.5 / √(102/36 · 1.5)
    expect(validity.r).toBeCloseTo(1.5 / Math.sqrt((102 / 36) * 1.5), 12)
    expect(validity.r).toBeCloseTo(0.727607, 5)
    // stayers 3, 4, 3 against leavers 2, 2, 3: 7 wins and 2 ties of 9 pairs → 8/9
    expect(validity.auc).toBeCloseTo(8 / 9, 12)
    expect(validity.auc_ci).not.toBeNull()
  })

  it("takes cv_auc from the model's folds", () => {
    // 3 leavers dealt to folds 0–2, 3 stayers to folds 3, 4, 0: only fold 0 has both outcomes
    const outcomes = cases.map((entry) => entry.outcome)
    const folds = stratifiedFolds(outcomes, CROSS_VALIDATION_FOLDS, CROSS_VALIDATION_SEED)
    const composites = [3, 4, 2, 2, 3, 3]
    const inFold0 = folds.flatMap((fold, i) => (fold === 0 ? [i] : []))
    expect(inFold0).toHaveLength(2)
    const stayer = inFold0.find((i) => outcomes[i] === 1)!
    const leaver = inFold0.find((i) => outcomes[i] === 0)!
    const expected = aucDeLong([composites[stayer]!], [composites[leaver]!])!.auc
    expect(validity.cv_auc).toBe(expected)
  })

  it('uses per-case weights', () => {
    // only the first area counts: composites 4, 5, 2, 1, 3, 2 → stayers 4, 5, 3 all above
    // leavers 2, 1, 2: AUC 1
    const firstOnly = compositeValidity(cases, () => [1, 0])
    expect(firstOnly.auc).toBe(1)
  })

  it('returns nulls for no cases and for a single outcome', () => {
    const empty = compositeValidity([], () => [1, 1])
    expect(empty).toEqual({ n: 0, r: null, r_ci: null, auc: null, auc_ci: null, cv_auc: null })
    const allStayed = compositeValidity(
      cases.map((entry) => ({ ...entry, outcome: 1 as const })),
      () => [1, 1],
    )
    expect(allStayed).toEqual({
      n: 6,
      r: null,
      r_ci: null,
      auc: null,
      auc_ci: null,
      cv_auc: null,
    })
    expect(JSON.stringify(allStayed)).not.toMatch(/NaN|Infinity/)
  })
})

describe('suggestedComposite', () => {
  it("passes the model's message through when the model is insufficient", () => {
    const model = retentionModel(['a', 'b'], [{ scores: [1, 2], outcome: 1 }])
    expect(suggestedComposite(model, [])).toEqual({
      weights: null,
      message: model.message,
      validity: null,
    })
    expect(model.message).toContain('at least 4')
  })

  it("passes the model's message through when the model separates", () => {
    const cases = [...repeat(4, [1], 0), ...repeat(4, [2], 1)]
    const model = retentionModel(['a'], cases)
    expect(suggestedComposite(model, cases)).toEqual({
      weights: null,
      message: 'Some hires are predicted perfectly (separation): the odds ratios are not finite.',
      validity: null,
    })
  })

  it('explains when no area predicts staying', () => {
    // reversed two-by-two: 7 of 10 stayed at score 1, 3 of 10 at 2 → negative slope
    const reversed = TWO_BY_TWO.map((entry) => ({
      scores: [3 - entry.scores[0]!],
      outcome: entry.outcome,
    }))
    const model = retentionModel(['a'], reversed)
    expect(model.status).toBe('ok')
    expect(model.coefficients![1]).toBeCloseTo(-2 * Math.log(7 / 3), 8)
    expect(suggestedComposite(model, reversed)).toEqual({
      weights: null,
      message: 'No area predicts staying: every coefficient of the model is zero or negative.',
      validity: null,
    })
  })

  it('suggests weights with their in-sample validity and a cross-validated AUC', () => {
    const model = retentionModel(['a'], TWO_BY_TWO)
    const suggested = suggestedComposite(model, TWO_BY_TWO)
    expect(suggested.weights).toEqual([1])
    expect(suggested.message).toBeNull()
    // composite = the score; phi of the 2×2 table [[7, 3], [3, 7]]: (49 − 9) / √(10⁴) = 0.4
    expect(suggested.validity!.r).toBeCloseTo(0.4, 12)
    expect(suggested.validity!.auc).toBeCloseTo(0.7, 12)
    expect(suggested.validity!.n).toBe(20)
    // every training fold learns a positive slope, so weight 1 on the score: the held-out AUCs
    // are those of the model's own folds
    expect(suggested.validity!.cv_auc).toBeCloseTo(model.cv_auc!, 12)
    expect(JSON.stringify(suggested)).not.toMatch(/NaN|Infinity/)
  })
})

describe('compositeValidity: weights that sum to zero', () => {
  // BUG: compositeScore divides by Σ wₖ, so weights that are all 0 (allowed by the
  // rubric_level_weights check 0 ≤ weight ≤ 1, and the composite handler's default
  // `area.weights[level] ?? 0` for a level without weights) give NaN composites. correlationTest
  // turns NaN into a null r, but aucDeLong's binary searches treat NaN as below nothing, so every
  // placement is 0: compositeValidity reports auc 0 with auc_ci [0, 0] and cv_auc 0 — a
  // confident "perfectly wrong" result instead of null. Input: the six cases above (scores
  // [4,2]/1, [5,3]/1, [2,2]/0, [1,3]/0, [3,3]/1, [2,4]/0) with weightsOf = () => [0, 0].
  it('gives no AUC when the composite is undefined', () => {
    const cases: CompleteCase[] = [
      { scores: [4, 2], outcome: 1 },
      { scores: [5, 3], outcome: 1 },
      { scores: [2, 2], outcome: 0 },
      { scores: [1, 3], outcome: 0 },
      { scores: [3, 3], outcome: 1 },
      { scores: [2, 4], outcome: 0 },
    ]
    const validity = compositeValidity(cases, () => [0, 0])
    expect(validity.r).toBeNull()
    expect(validity.auc).toBeNull()
    expect(validity.cv_auc).toBeNull()
  })
})

describe('predictRetention', () => {
  // One yes/no area: the fit reproduces each group's share, and the log-odds of a group of
  // a stayers and b leavers has the textbook standard error √(1/a + 1/b).
  const group = (score: number, stayed: number, left: number): CompleteCase[] => [
    ...Array.from({ length: stayed }, () => ({ scores: [score], outcome: 1 as const })),
    ...Array.from({ length: left }, () => ({ scores: [score], outcome: 0 as const })),
  ]
  const model = retentionModel(['judgment'], [...group(1, 30, 10), ...group(4, 45, 5)])

  it('gives the group share with the interval of its log-odds', () => {
    const predicted = predictRetention(model, [4])!
    expect(predicted.probability).toBeCloseTo(45 / 50, 10)
    const logit = Math.log(45 / 5)
    const margin = 1.959963984540054 * Math.sqrt(1 / 45 + 1 / 5)
    expect(predicted.ci[0]).toBeCloseTo(1 / (1 + Math.exp(-(logit - margin))), 10)
    expect(predicted.ci[1]).toBeCloseTo(1 / (1 + Math.exp(-(logit + margin))), 10)
    expect(predictRetention(model, [1])!.probability).toBeCloseTo(30 / 40, 10)
  })

  it('keeps the covariance whose diagonal gives the standard errors', () => {
    expect(model.covariance!.map((row, i) => Math.sqrt(row[i]!))).toEqual(model.se)
    expect(model.covariance![0]![1]).toBeCloseTo(model.covariance![1]![0]!, 12)
  })

  it('predicts nothing without a usable fit or with the wrong number of scores', () => {
    expect(predictRetention(model, [4, 2])).toBeNull()
    expect(predictRetention(retentionModel(['judgment'], group(4, 3, 0)), [4])).toBeNull()
  })
})
