import { describe, expect, it } from 'vitest'
import { studentTTwoSidedP } from '../../api/analytics/distributions'
import {
  interviewerLeniency,
  studentTQuantile,
  type InterviewerLeniency,
} from '../../api/analytics/interviewer-leniency'
import type { InterviewerRating } from '../../api/analytics/rating-table'
import { Random } from '../../api/analytics/random'

/** Closed forms: t₁ quantile = tan(π(p − ½)); t₂ quantile = (2p − 1) / √(2p(1 − p)). */
const tOneDf = (p: number) => Math.tan(Math.PI * (p - 0.5))
const tTwoDf = (p: number) => (2 * p - 1) / Math.sqrt(2 * p * (1 - p))

function rating(
  interviewer: string,
  application: string,
  area: string,
  value: number,
): InterviewerRating {
  return { interviewer, application, area, rating: value }
}

function byName(results: InterviewerLeniency[], name: string): InterviewerLeniency {
  const found = results.find((result) => result.interviewer === name)
  if (!found) throw new Error(`no result for ${name}`)
  return found
}

describe('studentTQuantile', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // tan(.475π) = 12.7062047361747 (R: qt(.975, 1))
    // jstat's t CDF limits agreement to about 1e-10 even here (5.5e-11 off at p = .95)
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047361747, 10)
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(tOneDf(0.975), 10)
    expect(studentTQuantile(0.95, 1)).toBeCloseTo(tOneDf(0.95), 9)
    // .95 / √(2 · .975 · .025) = .95 / .2207940 = 4.3026527
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(tTwoDf(0.975), 10)
    expect(studentTQuantile(0.995, 2)).toBeCloseTo(tTwoDf(0.995), 9)
  })

  it("matches R's qt as closely as jstat's t CDF allows", () => {
    // jstat's CDF (log-gamma good to ~1e-10 relative) puts the root 2.4e-10 off at 10 df,
    // 1.3e-8 off at 1000 df; the bisection itself converges far below that (next test).
    expect(Math.abs(studentTQuantile(0.975, 10) - 2.22813885198627)).toBeLessThan(1e-9)
    expect(Math.abs(studentTQuantile(0.975, 1000) - 1.96233908082)).toBeLessThan(5e-8)
  })

  it('inverts studentTTwoSidedP to its last digits', () => {
    // Not at 1e6 df, where jstat's CDF itself jitters by ~5e-11 from one double to the next.
    for (const degreesOfFreedom of [1, 2.5, 10, 29, 1000]) {
      for (const probability of [0.6, 0.9, 0.975, 0.9995]) {
        const t = studentTQuantile(probability, degreesOfFreedom)
        const p = studentTTwoSidedP(t, degreesOfFreedom)
        expect(Math.abs(p - 2 * (1 - probability)) / (2 * (1 - probability))).toBeLessThan(1e-12)
      }
    }
  })

  it('is symmetric about 0 and approaches the normal quantile with many degrees of freedom', () => {
    expect(studentTQuantile(0.025, 10)).toBe(-studentTQuantile(0.975, 10))
    expect(studentTQuantile(0.5, 3)).toBe(0)
    // t ≈ z + (z³ + z) / 4ν = 1.959964 + 9.489 / 4e6 = 1.9599664
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.9599664, 6)
  })

  it('is infinite at probabilities 0 and 1 and rejects invalid arguments', () => {
    expect(studentTQuantile(1, 5)).toBe(Infinity)
    expect(studentTQuantile(0, 5)).toBe(-Infinity)
    expect(() => studentTQuantile(1.1, 5)).toThrow(RangeError)
    expect(() => studentTQuantile(Number.NaN, 5)).toThrow(RangeError)
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError)
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(RangeError)
  })
})

describe('interviewerLeniency', () => {
  const ratings: InterviewerRating[] = [
    rating('carol', 'app1', 'communication', 3),
    rating('alice', 'app1', 'communication', 4),
    rating('bob', 'app1', 'communication', 2),
    rating('alice', 'app1', 'coding', 5),
    rating('bob', 'app1', 'coding', 3),
    rating('alice', 'app2', 'communication', 3),
    rating('bob', 'app2', 'coding', 4),
    rating('carol', 'app2', 'coding', 2),
    rating('frank', 'app4', 'coding', 2),
    rating('erin', 'app4', 'coding', 4),
    rating('dave', 'app3', 'culture', 5),
  ]
  const results = interviewerLeniency(ratings)

  it('lists every interviewer once, sorted by name', () => {
    expect(results.map((result) => result.interviewer)).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
    ])
  })

  it('compares each rating with the mean of the other interviewers there', () => {
    // app1/communication: 4 − (2 + 3)/2 = 1.5; app1/coding: 5 − 3 = 2; app2/communication alone
    // mean 1.75, both from one application: no interval clustered by application
    const alice = byName(results, 'alice')
    expect(alice.n_ratings).toBe(3)
    expect(alice.n_compared).toBe(2)
    expect(alice.n_applications_compared).toBe(1)
    expect(alice.leniency).toBeCloseTo(1.75, 14)
    expect(alice.leniency_ci).toBeNull()
  })

  it('clusters the interval by application, with applications − 1 degrees of freedom', () => {
    // app1: 2 − 3.5 = −1.5 and 3 − 5 = −2; app2: 4 − 2 = 2; mean −.5. Residual sums per
    // application: app1 (−1) + (−1.5) = −2.5, app2 2.5; CR1 variance (2/1)(6.25 + 6.25)/3² =
    // 25/9, standard error 5/3; half = t(.975, 1) · 5/3
    const bob = byName(results, 'bob')
    expect(bob.n_compared).toBe(3)
    expect(bob.n_applications_compared).toBe(2)
    expect(bob.leniency).toBeCloseTo(-0.5, 14)
    const halfWidth = (tOneDf(0.975) * 5) / 3
    expect(bob.leniency_ci![0]).toBeCloseTo(-0.5 - halfWidth, 9)
    expect(bob.leniency_ci![1]).toBeCloseTo(-0.5 + halfWidth, 9)
    // One deviation per application: the clustered interval is the usual t interval.
    const single = interviewerLeniency([
      rating('x', 'a', 'k', 4),
      rating('y', 'a', 'k', 2),
      rating('x', 'b', 'k', 3),
      rating('y', 'b', 'k', 3),
      rating('x', 'c', 'k', 2),
      rating('y', 'c', 'k', 1),
    ])
    // x: 2, 0, 1: mean 1, sd 1, half = t(.975, 2) · 1/√3
    const x = byName(single, 'x')
    expect(x.leniency_ci![1] - 1).toBeCloseTo(tTwoDf(0.975) / Math.sqrt(3), 9)
  })

  it('follows the requested confidence', () => {
    // carol: 3 − (4 + 2)/2 = 0 and 2 − 4 = −2; mean −1, sd √2, half = t(.95, 1) · √2 / √2
    const carol = byName(interviewerLeniency(ratings, 0.9), 'carol')
    expect(carol.leniency).toBe(-1)
    expect(carol.leniency_ci![0]).toBeCloseTo(-1 - tOneDf(0.95), 9)
    expect(carol.leniency_ci![1]).toBeCloseTo(-1 + tOneDf(0.95), 9)
  })

  it('has a leniency but no interval with one compared rating, neither with none', () => {
    expect(byName(results, 'erin')).toMatchObject({ n_compared: 1, leniency: 2, leniency_ci: null })
    expect(byName(results, 'frank')).toMatchObject({
      n_compared: 1,
      leniency: -2,
      leniency_ci: null,
    })
    expect(byName(results, 'dave')).toEqual({
      interviewer: 'dave',
      n_ratings: 1,
      n_compared: 0,
      n_applications_compared: 0,
      leniency: null,
      leniency_ci: null,
      distribution: [{ rating: 5, count: 1 }],
    })
  })

  it('counts ratings by value in ascending order', () => {
    expect(byName(results, 'alice').distribution).toEqual([
      { rating: 3, count: 1 },
      { rating: 4, count: 1 },
      { rating: 5, count: 1 },
    ])
    const repeated = interviewerLeniency([
      rating('gail', 'a', 'x', 4),
      rating('gail', 'b', 'x', 2),
      rating('gail', 'c', 'x', 4),
      rating('gail', 'd', 'x', 1),
    ])
    expect(repeated[0]!.distribution).toEqual([
      { rating: 1, count: 1 },
      { rating: 2, count: 1 },
      { rating: 4, count: 2 },
    ])
  })

  it("leaves all of an interviewer's own ratings of a cell out of the others' mean", () => {
    // alice rated app9/culture twice (4 and 2), bob once (3): alice 4 − 3 = 1 and 2 − 3 = −1;
    // bob 3 − (4 + 2)/2 = 0. A cell rated twice by one interviewer alone compares nothing.
    const results = interviewerLeniency([
      rating('alice', 'app9', 'culture', 4),
      rating('alice', 'app9', 'culture', 2),
      rating('bob', 'app9', 'culture', 3),
      rating('carol', 'app8', 'culture', 5),
      rating('carol', 'app8', 'culture', 1),
    ])
    expect(byName(results, 'alice')).toMatchObject({ n_ratings: 2, n_compared: 2, leniency: 0 })
    expect(byName(results, 'bob')).toMatchObject({ n_compared: 1, leniency: 0 })
    expect(byName(results, 'carol')).toMatchObject({ n_ratings: 2, n_compared: 0, leniency: null })
  })

  it('averages over several other interviewers in one cell', () => {
    // ratings 1, 2, 3, 6: 1 − 11/3 = −8/3; 2 − 10/3 = −4/3; 3 − 9/3 = 0; 6 − 6/3 = 4
    const results = interviewerLeniency(
      [1, 2, 3, 6].map((value, i) => rating(`r${i}`, 'app', 'area', value)),
    )
    expect(results.map((result) => result.leniency)).toEqual([
      expect.closeTo(-8 / 3, 14),
      expect.closeTo(-4 / 3, 14),
      expect.closeTo(0, 14),
      expect.closeTo(4, 14),
    ])
  })

  it('returns nothing for no ratings', () => {
    expect(interviewerLeniency([])).toEqual([])
  })

  it('rejects ratings that are not finite and an impossible confidence', () => {
    expect(() => interviewerLeniency([rating('a', 'b', 'c', Number.NaN)])).toThrow(RangeError)
    expect(() => interviewerLeniency(ratings, 1)).toThrow(RangeError)
  })

  it('handles 200,000 ratings and finds a planted lenient interviewer', () => {
    const random = new Random(42)
    const interviewers = Array.from({ length: 40 }, (_, i) => `i${String(i).padStart(2, '0')}`)
    const areas = ['coding', 'design', 'communication', 'culture', 'ownership']
    const synthetic: InterviewerRating[] = []
    for (let application = 0; application < 20_000; application++) {
      const [first, second] = random.sample(interviewers, 2) as [string, string]
      for (const area of areas) {
        const truth = random.integer(1, 5)
        for (const interviewer of [first, second]) {
          // i00 rates one point higher than colleagues; everyone is off by one now and then.
          const noise = random.chance(0.3) ? random.pick([-1, 1]) : 0
          synthetic.push(
            rating(
              interviewer,
              `a${application}`,
              area,
              truth + noise + (interviewer === 'i00' ? 1 : 0),
            ),
          )
        }
      }
    }
    expect(synthetic).toHaveLength(200_000)
    const results = interviewerLeniency(synthetic)
    expect(results).toHaveLength(40)
    expect(results.reduce((total, result) => total + result.n_ratings, 0)).toBe(200_000)
    expect(results.reduce((total, result) => total + result.n_compared, 0)).toBe(200_000)
    const lenient = results[0]!
    expect(lenient.interviewer).toBe('i00')
    expect(lenient.leniency!).toBeGreaterThan(0.9)
    expect(lenient.leniency!).toBeLessThan(1.1)
    expect(lenient.leniency_ci![0]).toBeLessThan(1)
    expect(lenient.leniency_ci![1]).toBeGreaterThan(1)
    for (const other of results.slice(1)) expect(Math.abs(other.leniency!)).toBeLessThan(0.15)
  })
})
