import { beforeAll, describe, expect, it } from 'vitest'
import { createReferenceApp } from '../helpers/app'
import { expected, type ExpectedReference, type ExpectedBand } from '../helpers/reference'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

/** The sections of expected.json that ExpectedReference does not declare. */
interface ExpectedKm {
  area: string
  threshold: number
  n: number
  bands: ExpectedBand[]
  logrank: { chisq: number; df: number; p: number }
}

interface ExpectedIcc {
  key: string
  n_groups: number
  n_ratings: number
  k0: number
  msb: number
  msw: number
  icc1: number
}

const reference = expected as ExpectedReference & { km: ExpectedKm; icc: ExpectedIcc[] }

interface Step {
  time: number
  n_risk: number
  n_event: number
  n_censor: number
  surv: number
  se_log_surv: number | null
  lower: number | null
  upper: number | null
}

interface RetentionBody {
  as_of: string
  threshold: number
  areas: {
    key: string
    bands: { band: 'ge3' | 'lt3'; n: number; events: number; steps: Step[] }[]
    logrank: { chisq: number; df: number; p: number } | null
  }[]
}

type IccPart = 'n_groups' | 'n_ratings' | 'k0' | 'msb' | 'msw' | 'icc1'

interface InterviewersBody {
  as_of: string
  areas: ({ key: string } & Record<IccPart, number | null>)[]
}

const TOLERANCE = 1e-6

/** `actual` within `tolerance` of `wanted`, or null exactly where `wanted` is null. */
function expectNear(
  actual: number | null | undefined,
  wanted: number | null,
  label: string,
  tolerance = TOLERANCE,
) {
  if (wanted === null) {
    expect(actual, `${label} should be null`).toBeNull()
    return
  }
  expect(actual, `${label} should be a number`).toEqual(expect.any(Number))
  expect(
    Math.abs(actual! - wanted),
    `${label}: got ${String(actual)}, R gives ${wanted}`,
  ).toBeLessThanOrEqual(tolerance)
}

describe('analytics against the R reference values (as_of = 2026-03-31)', () => {
  let app: App
  beforeAll(async () => {
    app = (await createReferenceApp()).app
  })

  const get = async <Body>(path: string) => {
    const response = await app.request(path)
    expect(response.status).toBe(200)
    return (await response.json()) as Body
  }

  it('the reference file is for the date the tests ask about', () => {
    expect(reference.as_of).toBe('2026-03-31')
    expect(reference.km.area).toBe('judgment')
    expect(reference.km.bands.map((band) => band.band)).toEqual(['ge3', 'lt3'])
  })

  describe('GET /api/analytics/retention: Kaplan–Meier of judgment by score band', () => {
    let body: RetentionBody
    let judgment: RetentionBody['areas'][number]
    beforeAll(async () => {
      body = await get<RetentionBody>('/api/analytics/retention?as_of=2026-03-31')
      judgment = body.areas.find((area) => area.key === 'judgment')!
    })

    it('splits at the same threshold as R', () => {
      expect(body.as_of).toBe('2026-03-31')
      expect(body.threshold).toBe(reference.km.threshold)
      expect(judgment).toBeDefined()
      expect(judgment.bands.map((band) => band.band)).toEqual(['ge3', 'lt3'])
      const hires = judgment.bands.reduce((total, band) => total + band.n, 0)
      expect(hires).toBe(reference.km.n)
    })

    it.each(['ge3', 'lt3'] as const)('the %s curve matches survfit step by step', (bandKey) => {
      const want = reference.km.bands.find((band) => band.band === bandKey)!
      const band = judgment.bands.find((candidate) => candidate.band === bandKey)!
      expect(band.n).toBe(want.n)
      expect(band.events).toBe(want.events)
      // Counts and times are exact.
      expect(band.steps.map((step) => step.time)).toEqual(want.time)
      expect(band.steps.map((step) => step.n_risk)).toEqual(want.n_risk)
      expect(band.steps.map((step) => step.n_event)).toEqual(want.n_event)
      expect(band.steps.map((step) => step.n_censor)).toEqual(want.n_censor)
      // Estimates within 1e-6, null exactly where R has no value.
      band.steps.forEach((step, i) => {
        const at = `${bandKey} step ${i} (t = ${step.time})`
        expectNear(step.surv, want.surv[i]!, `${at} surv`)
        expectNear(step.se_log_surv, want.se_log_surv[i] ?? null, `${at} se_log_surv`)
        expectNear(step.lower, want.lower[i] ?? null, `${at} lower`)
        expectNear(step.upper, want.upper[i] ?? null, `${at} upper`)
      })
    })

    it('the log-rank test between the bands matches survdiff', () => {
      expect(judgment.logrank).not.toBeNull()
      expectNear(judgment.logrank!.chisq, reference.km.logrank.chisq, 'logrank chisq')
      expect(judgment.logrank!.df).toBe(reference.km.logrank.df)
      expectNear(judgment.logrank!.p, reference.km.logrank.p, 'logrank p')
    })
  })

  describe('GET /api/analytics/interviewers: ICC(1) per area', () => {
    let body: InterviewersBody
    beforeAll(async () => {
      body = await get<InterviewersBody>('/api/analytics/interviewers?as_of=2026-03-31')
    })

    it('reports every area R reports, in the same order', () => {
      expect(body.areas.map((area) => area.key)).toEqual(reference.icc.map((area) => area.key))
    })

    it.each(reference.icc.map((area) => [area.key, area] as const))(
      '%s matches the ANOVA estimator computed in R',
      (key, want) => {
        const area = body.areas.find((candidate) => candidate.key === key)!
        expect(area.n_groups).toBe(want.n_groups)
        expect(area.n_ratings).toBe(want.n_ratings)
        for (const part of ['icc1', 'k0', 'msb', 'msw', 'n_groups', 'n_ratings'] as const) {
          expectNear(area[part], want[part], `${key} ${part}`)
        }
      },
    )
  })
})
