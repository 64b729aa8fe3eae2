import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import type { AreaValidity } from '../../api/analytics/validity'
import { createTestDatabase, importTexts } from '../helpers/database'
import { expected, referenceFile, type ExpectedArea } from '../helpers/reference'

/** |actual − expected| ≤ tolerance, or both null. */
function expectClose(
  actual: number | null | undefined,
  wanted: number | null,
  tolerance: number,
  label: string,
) {
  if (wanted === null) {
    expect(actual ?? null, label).toBeNull()
    return
  }
  expect(actual, label).not.toBeNull()
  expect(Math.abs(actual! - wanted), `${label}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(
    tolerance,
  )
}

function expectRelativelyClose(
  actual: number | null | undefined,
  wanted: number | null,
  tolerance: number,
  label: string,
) {
  expectClose(actual, wanted, wanted === null ? 0 : tolerance * Math.abs(wanted), label)
}

function expectInterval(
  actual: [number, number] | null,
  wanted: [number | null, number | null],
  compare: (a: number | null | undefined, b: number | null, label: string) => void,
  label: string,
) {
  if (wanted[0] === null || wanted[1] === null) {
    expect(actual, label).toBeNull()
    return
  }
  compare(actual?.[0], wanted[0], `${label}[0]`)
  compare(actual?.[1], wanted[1], `${label}[1]`)
}

describe('validity against the R reference values', () => {
  let body: {
    as_of: string
    n_applications: number
    n_hires: number
    n_hires_outcome: number
    n_retained: number
    n_left: number
    areas: AreaValidity[]
    model: Record<string, unknown> & { coefficients: number[]; se: number[] }
  }

  beforeAll(async () => {
    const db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': referenceFile('applications.csv'),
      'scores.csv': referenceFile('scores.csv'),
    })
    expect(report.ok, JSON.stringify(report.problems.slice(0, 3))).toBe(true)
    const { app } = createTestApp(db)
    const response = await app.request(`/api/analytics/validity?as_of=${expected.as_of}`)
    expect(response.status).toBe(200)
    body = (await response.json()) as typeof body
  })

  it('counts applications, hires and outcomes as R does', () => {
    expect(body.as_of).toBe(expected.as_of)
    expect(body.n_applications).toBe(expected.n_applications)
    expect(body.n_hires).toBe(expected.n_hires)
    expect(body.n_hires_outcome).toBe(expected.n_hires_outcome)
    expect(body.n_retained).toBe(expected.n_retained)
    expect(body.n_left).toBe(expected.n_left)
    expect(body.areas.map((area) => area.key)).toEqual(expected.areas.map((area) => area.key))
  })

  describe.each(expected.areas.map((area) => [area.key, area] as [string, ExpectedArea]))(
    '%s',
    (key, wanted) => {
      const area = () => body.areas.find((candidate) => candidate.key === key)!

      it('has the same n, pool, means and insufficient flag', () => {
        expect(area().name).toBe(wanted.name)
        expect(area().n).toBe(wanted.n)
        expect(area().n_pool).toBe(wanted.n_pool)
        expect(area().insufficient).toBe(wanted.insufficient)
        expectClose(area().mean_retained, wanted.mean_retained, 1e-12, 'mean_retained')
        expectClose(area().mean_left, wanted.mean_left, 1e-12, 'mean_left')
      })

      it('matches r, its Fisher interval, p and q within 1e-6', () => {
        expectClose(area().r, wanted.r, 1e-6, 'r')
        expectInterval(area().r_ci, wanted.r_ci, (a, b, l) => expectClose(a, b, 1e-6, l), 'r_ci')
        expectClose(area().p, wanted.p, 1e-6, 'p')
        expectClose(area().q, wanted.q, 1e-6, 'q')
      })

      it('matches the Case II correction within 1e-6', () => {
        expectClose(area().sd_pool, wanted.sd_pool, 1e-9, 'sd_pool')
        expectClose(area().sd_hires, wanted.sd_hires, 1e-9, 'sd_hires')
        expectClose(area().u, wanted.u, 1e-9, 'u')
        expectClose(area().r_corrected, wanted.r_corrected, 1e-6, 'r_corrected')
      })

      it('matches the odds ratio and its Wald interval within 1e-5 relative', () => {
        expectRelativelyClose(area().odds_ratio, wanted.odds_ratio, 1e-5, 'odds_ratio')
        expectInterval(
          area().odds_ratio_ci,
          wanted.odds_ratio_ci,
          (a, b, l) => expectRelativelyClose(a, b, 1e-5, l),
          'odds_ratio_ci',
        )
        expectRelativelyClose(area().log_odds, wanted.log_odds, 1e-5, 'log_odds')
        expectRelativelyClose(area().log_odds_se, wanted.log_odds_se, 1e-5, 'log_odds_se')
      })

      it('matches the AUC within 1e-9 and its DeLong interval within 1e-6', () => {
        expectClose(area().auc, wanted.auc, 1e-9, 'auc')
        expectInterval(
          area().auc_ci,
          wanted.auc_ci,
          (a, b, l) => expectClose(a, b, 1e-6, l),
          'auc_ci',
        )
      })
    },
  )

  it('fits the model of all areas as glm does (coefficients and SEs within 1e-5 relative)', () => {
    const model = body.model
    const wanted = expected.model
    expect(model.status).toBe('ok')
    expect(model.n).toBe(wanted.n)
    expect(model.n_retained).toBe(wanted.n_retained)
    expect(model.n_left).toBe(wanted.n_left)
    expect(model.terms).toEqual(wanted.terms)
    wanted.coefficients.forEach((value, i) => {
      expectRelativelyClose(model.coefficients[i], value, 1e-5, `coefficients[${i}]`)
      expectRelativelyClose(model.se[i], wanted.se[i]!, 1e-5, `se[${i}]`)
      expectRelativelyClose(
        (model.odds_ratios as number[])[i],
        wanted.odds_ratios[i]!,
        1e-5,
        `odds_ratios[${i}]`,
      )
      expectClose((model.p_values as number[])[i], wanted.p_values[i]!, 1e-6, `p_values[${i}]`)
    })
    expectClose(model.auc as number, wanted.auc, 1e-9, 'model auc')
    expectClose(model.deviance as number, wanted.deviance, 1e-6, 'deviance')
    expectClose(model.null_deviance as number, wanted.null_deviance, 1e-6, 'null_deviance')
  })
})
