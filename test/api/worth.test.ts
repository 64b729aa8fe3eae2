import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '../../api/auth/accounts'
import { createFirstUsers } from '../../api/auth/first-users'
import { PasswordChecker } from '../../api/auth/passwords'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { users } from '../../db/schema'
import { sqliteStore } from '../../db/store'
import { createBareApp, createReferenceApp, createTestApp } from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { createTestDatabase } from '../helpers/database'
import type { ExpectancyResponse, UtilityResponse } from '../../api/analyses/reports/worth'
import type { CorrectedValidity } from '../../api/analytics/corrected-validity'
import { WHAT_IF, worthExpected } from '../helpers/worth'

const reference = worthExpected.reference
const PROBABILITY = 1e-6

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']
let app: App

beforeAll(async () => {
  ;({ app } = await createReferenceApp())
})

type Body = ExpectancyResponse & UtilityResponse & { error: { message: string } }
const get = async (path: string) => {
  const response = await app.request(path)
  return { status: response.status, body: (await response.json()) as Body }
}

const near = (actual: number | null | undefined, wanted: number, tolerance = PROBABILITY) => {
  expect(actual).toBeTypeOf('number')
  expect(Math.abs(actual! - wanted)).toBeLessThanOrEqual(tolerance)
}
const nearDollars = (actual: number | null | undefined, wanted: number) => {
  expect(actual).toBeTypeOf('number')
  expect(Math.abs(actual! - wanted) / Math.abs(wanted)).toBeLessThanOrEqual(1e-5)
}

function expectValidity(
  shown: CorrectedValidity | null | undefined,
  wanted: (typeof reference.validity)['current'],
) {
  expect(shown).toBeTruthy()
  const actual = shown!
  near(actual.r, wanted.r)
  near(actual.r_ci[0], wanted.r_ci[0])
  near(actual.r_ci[1], wanted.r_ci[1])
  near(actual.u, wanted.u)
  near(actual.r_corrected, wanted.r_corrected)
  near(actual.r_corrected_ci[0], wanted.r_corrected_ci[0])
  near(actual.r_corrected_ci[1], wanted.r_corrected_ci[1])
}

describe('GET /api/analytics/expectancy on the reference data set, against R', () => {
  it('gives retention by composite band with Wilson intervals and the model’s expectation', async () => {
    const { status, body } = await get('/api/analytics/expectancy')
    expect(status).toBe(200)
    expect(body.as_of).toBe(reference.as_of)
    expect(body.n).toBe(reference.n_used)
    const pairs = [
      ...reference.expectancy.map((wanted, k) => [wanted, body.bands[k]] as const),
      ...reference.coarse_expectancy.map((wanted, k) => [wanted, body.coarse_bands[k]] as const),
    ]
    pairs.forEach(([wanted, shown]) => {
      const band = shown!
      if (wanted.n === 0) {
        expect(band.curve).toBeNull()
        return
      }
      near(band.curve, wanted.curve!)
      near(band.curve_ci?.[0], wanted.curve_ci![0])
      near(band.curve_ci?.[1], wanted.curve_ci![1])
      expect([band.n, band.stayed]).toEqual([wanted.n, wanted.stayed])
      if (wanted.share === null) {
        expect(band.share_stayed).toBeNull()
        return
      }
      near(band.share_stayed, wanted.share)
      near(band.share_ci?.[0], wanted.ci![0])
      near(band.share_ci?.[1], wanted.ci![1])
      near(band.expected, wanted.expected!)
    })
  })

  it('gives Taylor–Russell at the corrected validity of the composite', async () => {
    const { body } = await get('/api/analytics/expectancy')
    const taylor = body.taylor_russell!
    expect([taylor.n_pool, taylor.n_hires]).toEqual([reference.n_pool, reference.n_used])
    near(taylor.selection_ratio, reference.selection_ratio)
    near(taylor.observed_retention, reference.observed_retention)
    expectValidity(taylor.validity, reference.validity.current)
    near(taylor.base_rate, reference.base_rate)
    near(taylor.success_ratio, reference.success_ratio_at_corrected)
    near(taylor.suggested_success_ratio, reference.success_ratio_suggested)
    expect(taylor.sentence).toMatch(/picking at random from the same applicants, about \d+%/)
  })
})

describe('GET /api/analytics/utility on the reference data set, against R', () => {
  it('shows every input', async () => {
    const { status, body } = await get('/api/analytics/utility')
    expect(status).toBe(200)
    const { inputs } = body
    expect(inputs.sdy_share).toBe(0.4)
    expect(inputs.hourly_cost).toBe(100)
    nearDollars(inputs.sdy, reference.sdy)
    near(inputs.tenure_days, reference.km_rmean_days)
    near(inputs.tenure_years, reference.tenure_years)
    expect(inputs.span_days).toBe(reference.span_days)
    near(inputs.hires_per_year, reference.hires_per_year)
    near(inputs.applicants_per_year, reference.applicants_per_year)
    near(inputs.minutes_per_loop, reference.minutes_per_loop)
    nearDollars(inputs.cost_per_applicant, reference.cost_per_applicant)
  })

  it('gives ΔU and its interval for the current, suggested and what-if weights', async () => {
    const { body } = await get(`/api/analytics/utility?weights=${WHAT_IF}`)
    for (const name of ['current', 'suggested', 'what_if'] as const) {
      const scenario = body[name]!
      expectValidity(scenario.validity, reference.validity[name])
      nearDollars(scenario.gain, reference.gains[name].gain)
      nearDollars(scenario.gain_ci?.[0], reference.gains[name].gain_ci[0])
      nearDollars(scenario.gain_ci?.[1], reference.gains[name].gain_ci[1])
    }
    for (const [key, weight] of Object.entries(reference.suggested_weights)) {
      near(body.suggested!.weights![key], weight)
    }
    near(
      body.suggested!.versus_current!.r_difference_ci[0],
      reference.suggested_minus_current_r_ci[0],
    )
    near(
      body.suggested!.versus_current!.r_difference_ci[1],
      reference.suggested_minus_current_r_ci[1],
    )
    nearDollars(
      body.suggested!.versus_current!.gain_difference,
      reference.gains.suggested.gain - reference.gains.current.gain,
    )
  })

  it('says the loop adds money only when the interval excludes 0, and cannot tell otherwise', async () => {
    const { body } = await get(`/api/analytics/utility?weights=${WHAT_IF}`)
    expect(reference.gains.current.gain_ci[0]).toBeGreaterThan(0)
    expect(body.current.sentence).toMatch(
      /^The loop adds about \$[\d,]+ a year over hiring at random/,
    )
    // The difference from the current weights has an interval across 0 on these data.
    expect(reference.suggested_minus_current_r_ci[0]).toBeLessThan(0)
    expect(reference.suggested_minus_current_r_ci[1]).toBeGreaterThan(0)
    expect(body.suggested!.sentence).toMatch(
      /^The data cannot tell yet whether the suggested weights/,
    )
    expect(body.what_if!.sentence).toMatch(/^The data cannot tell yet/)
  })

  it('scales with the editable inputs', async () => {
    const base = (await get('/api/analytics/utility')).body
    const changed = (await get('/api/analytics/utility?sdy_share=0.2&hourly_cost=0')).body
    expect(changed.inputs.cost_per_applicant).toBe(0)
    const { inputs } = base
    const benefit = base.current.gain! + inputs.applicants_per_year! * inputs.cost_per_applicant!
    nearDollars(changed.current.gain, benefit / 2)
  })

  it.each([
    ['sdy_share=0', 'sdy_share'],
    ['sdy_share=abc', 'sdy_share'],
    ['hourly_cost=-5', 'hourly_cost'],
    ['weights=nothing:1', 'weights'],
    ['surprise=1', 'surprise'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const { status, body } = await get(`/api/analytics/utility?${query}`)
    expect(status).toBe(400)
    expect(JSON.stringify(body.error)).toContain(field)
  })
})

describe('below the rule for enough data', () => {
  it('shows no figure that looks like a finding', async () => {
    const { app: empty } = createTestApp()
    const expectancy = (await (await empty.request('/api/analytics/expectancy')).json()) as Body
    expect(expectancy.too_few).toMatch(/Too few hires/)
    expect(expectancy.taylor_russell).toBeNull()
    expect(expectancy.bands.every((band) => band.share_stayed === null)).toBe(true)
    const utility = (await (await empty.request('/api/analytics/utility')).json()) as Body
    expect(utility.current.gain).toBeNull()
    expect(utility.current.validity).toBeNull()
    expect(utility.suggested).toBeNull()
  })
})

describe('for a hiring manager, organisation-wide', () => {
  it('withholds bands below the floor but keeps the composite curve and Taylor–Russell', async () => {
    const today = '2026-11-24'
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, today)
    await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
    const demo = createBareApp(db, { today: () => today })
    const manager = db
      .select()
      .from(users)
      .all()
      .find((user) => user.email === 'manager@demo.test')!
    const { token } = await createApiToken(
      sqliteStore(db),
      manager,
      'worth',
      { command: 'test' },
      new Date(),
    )
    const ask = async (path: string) => {
      const response = await demo.request(path, { headers: { authorization: `Bearer ${token}` } })
      return { status: response.status, body: (await response.json()) as Body }
    }
    const expectancy = await ask('/api/analytics/expectancy')
    expect(expectancy.status).toBe(200)
    expect(expectancy.body.disclosure.restricted).toBe(true)
    for (const band of expectancy.body.bands) {
      // Each band shown holds at least the floor of stayers and leavers, or shows no counts.
      if (band.share_stayed === null) expect(band.withheld).toMatch(/Withheld/)
      else expect(band.n - band.stayed).toBeGreaterThanOrEqual(10)
    }
    expect(expectancy.body.bands.some((band) => band.curve !== null)).toBe(true)
    expect(expectancy.body.taylor_russell?.sentence).toMatch(/at random/)
    const utility = await ask('/api/analytics/utility')
    expect(utility.status).toBe(200)
    expect(utility.body.current.gain).not.toBeNull()
  })
})
