import { describe, expect, it } from 'vitest'
import { bivariateNormalCdf } from '../../api/analytics/bivariate-normal'
import { expectancyTable } from '../../api/analytics/expectancy'
import { kaplanMeier, restrictedMean } from '../../api/analytics/kaplan-meier'
import { wilsonInterval } from '../../api/analytics/proportions'
import { solveBaseRate, successRatio } from '../../api/analytics/taylor-russell'
import { utilityGain, utilityPerValidity } from '../../api/analytics/utility'
import { worthExpected } from '../helpers/worth'

const PROBABILITY = 1e-6
const near = (actual: number, wanted: number, tolerance = PROBABILITY) =>
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(tolerance)

describe('bivariate normal CDF against mvtnorm::pmvnorm', () => {
  it.each(worthExpected.phi2)('Φ₂($a, $b; $rho)', ({ a, b, rho, p }) => {
    // Far tighter than the 1e-6 of probabilities: the method is exact to double precision.
    near(bivariateNormalCdf(a, b, rho), p, 1e-8)
  })

  it('is Φ(a)Φ(b) at ρ = 0, and min/max at ρ = ±1', () => {
    near(bivariateNormalCdf(0.3, -0.4, 0), 0.617911422188953 * 0.344578258389676, 1e-12)
    near(bivariateNormalCdf(0.3, -0.4, 1), 0.344578258389676, 1e-12)
    near(bivariateNormalCdf(0.3, -0.4, -1), 0, 1e-12)
  })

  it('refuses a correlation outside [−1, 1]', () => {
    expect(() => bivariateNormalCdf(0, 0, 1.2)).toThrow(RangeError)
  })
})

describe('Taylor–Russell', () => {
  it.each(worthExpected.success_ratio)('success ratio SR $sr, BR $br, ρ $rho', (entry) => {
    near(successRatio(entry.sr, entry.br, entry.rho), entry.success_ratio)
  })

  it('is the base rate when the predictor has no validity', () => {
    near(successRatio(0.2, 0.7, 0), 0.7, 1e-12)
  })

  it.each(worthExpected.base_rate)(
    'base rate solved for SR $sr, ρ $rho, observed $observed',
    (entry) => {
      near(solveBaseRate(entry.sr, entry.rho, entry.observed)!, entry.base_rate)
    },
  )

  it('has no base rate when every hire stayed or every one left', () => {
    expect(solveBaseRate(0.2, 0.3, 1)).toBeNull()
    expect(solveBaseRate(0.2, 0.3, 0)).toBeNull()
  })
})

describe('Brogden–Cronbach–Gleser utility', () => {
  it.each(worthExpected.utility)('ΔU for N_s $ns, N_a $na, ρ $rho', (entry) => {
    const inputs = {
      hiresPerYear: entry.ns,
      applicantsPerYear: entry.na,
      tenureYears: entry.t,
      sdy: entry.sdy,
      costPerApplicant: entry.cost,
    }
    const gain = utilityGain(inputs, entry.rho)
    expect(Math.abs(gain - entry.gain) / Math.abs(entry.gain)).toBeLessThanOrEqual(1e-5)
    // Linear in ρ: the value of a unit of validity is the slope.
    near(utilityGain(inputs, entry.rho + 0.1) - gain, 0.1 * utilityPerValidity(inputs), 1e-6)
  })
})

describe('expectancy bands', () => {
  it.each(worthExpected.wilson)('Wilson interval of $stayed of $n', ({ stayed, n, ci }) => {
    const interval = wilsonInterval(stayed, n)!
    near(interval[0], ci[0])
    near(interval[1], ci[1])
  })

  it('counts each band, holding its lower end, with the mean predicted probability', () => {
    const bands = expectancyTable([
      { composite: 2.4, outcome: 0, predicted: 0.3 },
      { composite: 2.5, outcome: 1, predicted: 0.6 },
      { composite: 2.9, outcome: 0, predicted: 0.5 },
      { composite: 3.5, outcome: 1, predicted: 0.9 },
    ])
    expect(bands.map((band) => [band.n, band.stayed])).toEqual([
      [1, 0],
      [2, 1],
      [0, 0],
      [1, 1],
    ])
    near(bands[1]!.expected!, 0.55, 1e-12)
    expect(bands[2]!.share_stayed).toBeNull()
    expect(bands[2]!.share_ci).toBeNull()
  })

  it('gives no expectation for a band when a hire in it has no prediction', () => {
    const bands = expectancyTable([
      { composite: 3.1, outcome: 1, predicted: 0.8 },
      { composite: 3.2, outcome: 1, predicted: null },
    ])
    expect(bands[2]!.expected).toBeNull()
  })
})

describe('restricted mean tenure', () => {
  it('is the area under the Kaplan–Meier curve up to the horizon', () => {
    const curve = kaplanMeier([
      { time: 100, event: true },
      { time: 200, event: false },
      { time: 300, event: true },
      { time: 500, event: true },
    ])
    // S = 1 to 100, 0.75 to 300, 0.375 to 500, then 0.
    near(restrictedMean(curve, 400), 100 + 0.75 * 200 + 0.375 * 100, 1e-9)
    near(restrictedMean(curve, 1000), 100 + 0.75 * 200 + 0.375 * 200, 1e-9)
    near(restrictedMean(curve, 50), 50, 1e-9)
  })
})
