import { describe, expect, it } from 'vitest'
import { fitLogistic, waldTerms } from '../../api/analytics/logistic-regression'

const x = [1, 1.5, 2, 2, 2.5, 3, 3, 3, 3.5, 4, 4, 2.5, 3.5, 1.5]
const y = [0, 0, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0]
const design = x.map((value) => [1, value])

describe('fitLogistic', () => {
  it('solves the score equations: Σ(y − p) = 0 and Σ x(y − p) = 0', () => {
    const fit = fitLogistic(design, y)
    expect(fit.status).toBe('ok')
    expect(fit.converged).toBe(true)
    const probabilities = Array.from(fit.linearPredictor, (eta) => 1 / (1 + Math.exp(-eta)))
    const residualSum = probabilities.reduce((total, p, i) => total + (y[i]! - p), 0)
    const weightedSum = probabilities.reduce((total, p, i) => total + x[i]! * (y[i]! - p), 0)
    expect(Math.abs(residualSum)).toBeLessThan(1e-9)
    expect(Math.abs(weightedSum)).toBeLessThan(1e-9)
  })

  it('has standard errors from the inverse information at the estimate', () => {
    const fit = fitLogistic(design, y)
    const weights = Array.from(fit.linearPredictor, (eta) => {
      const p = 1 / (1 + Math.exp(-eta))
      return p * (1 - p)
    })
    // 2 × 2 information matrix, inverted by hand
    const a = weights.reduce((t, w) => t + w, 0)
    const b = weights.reduce((t, w, i) => t + w * x[i]!, 0)
    const d = weights.reduce((t, w, i) => t + w * x[i]! * x[i]!, 0)
    const determinant = a * d - b * b
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(d / determinant), 10)
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(a / determinant), 10)
  })

  it('turns the slope into an odds ratio with a Wald interval', () => {
    const [, slope] = waldTerms(fitLogistic(design, y))
    expect(slope!.oddsRatio).toBeCloseTo(Math.exp(slope!.estimate), 12)
    expect(slope!.oddsRatioCi[0]).toBeCloseTo(
      Math.exp(slope!.estimate - 1.959963984540054 * slope!.standardError),
      10,
    )
    expect(slope!.z).toBeCloseTo(slope!.estimate / slope!.standardError, 12)
  })

  it('reports complete separation instead of returning huge coefficients', () => {
    const fit = fitLogistic(
      [1, 2, 3, 4].map((value) => [1, value]),
      [0, 0, 1, 1],
    )
    expect(fit.status).toBe('separation')
    expect(fit.coefficients).toEqual([])
    expect(fit.message).toMatch(/separation/)
  })

  it('reports quasi-complete separation (a tie at the boundary)', () => {
    const fit = fitLogistic(
      [1, 2, 2, 3, 3].map((value) => [1, value]),
      [0, 0, 1, 1, 1],
    )
    expect(fit.status).toBe('separation')
  })

  it('reports collinear predictors as singular', () => {
    const fit = fitLogistic(
      x.map((value) => [1, value, 2 * value]),
      y,
    )
    expect(fit.status).toBe('singular')
  })

  it('computes the null deviance of an intercept-only model', () => {
    const fit = fitLogistic(design, y)
    const rate = 7 / 14
    expect(fit.nullDeviance).toBeCloseTo(
      -2 * 14 * (rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate)),
      12,
    )
    expect(fit.deviance).toBeLessThan(fit.nullDeviance)
  })
})
