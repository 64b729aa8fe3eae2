import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { readDataset } from '../../api/dataset/snapshot'
import { buildCohort, modelCases } from '../../api/analyses/cohort'
import type { IncrementalValidityResponse } from '../../api/analyses/reports/incremental-validity'
import type { PanelSizingResponse } from '../../api/analyses/reports/panel-sizing'
import type { ValidityResponse } from '../../api/analyses/reports/validity'
import { foldsOf } from '../../api/analytics/retention-model'
import { textAt } from '../../api/dataset/dataset'
import { createReferenceApp } from '../helpers/app'

const PANEL_DIR = join(import.meta.dirname, '..', 'fixtures', 'panel')

interface Expected {
  as_of: string
  quarters: number
  panel: {
    key: string
    icc1: number
    reliability_by_raters: number[]
    raters_today: number
    reliability_today: number
    raters_needed: number[]
    whole_raters: number[]
    minutes_per_loop: number
    hours_per_quarter: number
  }[]
  incremental: {
    n: number
    n_retained: number
    full_deviance: number
    full_cv_auc: number
    areas: {
      key: string
      lr_chisq: number
      df: number
      p: number
      cv_auc_with: number
      cv_auc_without: number
      cv_auc_difference: number
    }[]
  }
  case_iv: {
    key: string
    r: number
    r_xxi: number
    r_xxa: number
    r_corrected: number
    r_corrected_indirect: number
    r_corrected_indirect_ci: [number, number]
  }[]
}

const expected = JSON.parse(readFileSync(join(PANEL_DIR, 'expected.json'), 'utf8')) as Expected

/** Within 1e-6 absolute (probabilities, correlations, reliabilities, statistics). */
function near(actual: number | null | undefined, wanted: number, label: string, tolerance = 1e-6) {
  expect(actual, `${label} should be a number`).toEqual(expect.any(Number))
  expect(Math.abs(actual! - wanted), `${label}: got ${actual}, R gives ${wanted}`).toBeLessThan(
    tolerance,
  )
}

/** Within 1e-5 relative (minutes and hours). */
const nearRelative = (actual: number | null | undefined, wanted: number, label: string) =>
  near(actual, wanted, label, 1e-5 * Math.abs(wanted))

describe('panel sizing, incremental validity and Case IV against R (as_of = 2026-03-31)', () => {
  let app: Awaited<ReturnType<typeof createReferenceApp>>['app']
  let db: Awaited<ReturnType<typeof createReferenceApp>>['db']
  const get = async <Body>(path: string) => {
    const response = await app.request(`/api/analytics/${path}?as_of=${expected.as_of}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Body
  }
  beforeAll(async () => {
    ;({ app, db } = await createReferenceApp())
  })

  it('deals the cross-validation folds R was given', () => {
    const dataset = readDataset(db, 'rust')!
    const cohort = buildCohort(dataset, { outcome: 'retained_12m', rubric: 'rust' }, expected.as_of)
    const { cases, rows } = modelCases(cohort)
    const folds = foldsOf(cases)
    const committed = parse<{ application_id: string; fold: string }>(
      readFileSync(join(PANEL_DIR, 'folds.csv')),
      { columns: true },
    )
    expect(rows.map((row, i) => [textAt(dataset.text.id, row), folds[i]! + 1])).toEqual(
      committed.map((entry) => [entry.application_id, Number(entry.fold)]),
    )
  })

  it('GET /api/analytics/panel-sizing: ICC(1), Spearman–Brown, raters needed and hours', async () => {
    const body = await get<PanelSizingResponse>('panel-sizing')
    expect(body.quarters).toBe(expected.quarters)
    expect(body.areas.map((area) => area.key)).toEqual(expected.panel.map((area) => area.key))
    body.areas.forEach((area, k) => {
      const want = expected.panel[k]!
      near(area.icc1, want.icc1, `${area.key} icc1`)
      area.reliability_by_raters.forEach((step, i) =>
        near(step.reliability, want.reliability_by_raters[i]!, `${area.key} ρ_${step.raters}`),
      )
      near(area.raters_today, want.raters_today, `${area.key} raters today`)
      near(area.reliability_today, want.reliability_today, `${area.key} reliability today`)
      area.raters_needed.forEach((entry, i) => {
        near(entry.raters, want.raters_needed[i]!, `${area.key} k for ${entry.target}`)
        expect(entry.whole_raters).toBe(want.whole_raters[i])
      })
      nearRelative(area.minutes_per_loop, want.minutes_per_loop, `${area.key} minutes per loop`)
      nearRelative(area.hours_per_quarter, want.hours_per_quarter, `${area.key} hours a quarter`)
      near(area.lr_p, expected.incremental.areas[k]!.p, `${area.key} LR p`)
    })
  })

  it('says an area adds nothing detectable only where its LR test finds nothing', async () => {
    const body = await get<PanelSizingResponse>('panel-sizing')
    body.areas.forEach((area, k) => {
      const p = expected.incremental.areas[k]!.p
      if (p >= 0.05) expect(area.note).toMatch(/adds nothing detectable.*not proof/)
      else expect(area.note).not.toMatch(/nothing/)
    })
  })

  it('GET /api/analytics/incremental-validity: LR χ² and cross-validated AUC with and without', async () => {
    const body = await get<IncrementalValidityResponse>('incremental-validity')
    expect(body.n).toBe(expected.incremental.n)
    expect(body.n_retained).toBe(expected.incremental.n_retained)
    expect(body.insufficient).toBe(false)
    near(body.full_cv_auc, expected.incremental.full_cv_auc, 'full cv auc')
    body.areas.forEach((area, k) => {
      const want = expected.incremental.areas[k]!
      expect(area.key).toBe(want.key)
      expect(area.df).toBe(want.df)
      near(area.lr_chisq, want.lr_chisq, `${area.key} χ²`)
      near(area.p, want.p, `${area.key} p`)
      near(area.cv_auc_with, want.cv_auc_with, `${area.key} cv auc with`)
      near(area.cv_auc_without, want.cv_auc_without, `${area.key} cv auc without`)
      near(area.cv_auc_difference, want.cv_auc_difference, `${area.key} cv auc difference`)
      expect(area.adds).toBe(want.p < 0.05 ? 'adds' : 'nothing_detectable')
    })
  })

  it('GET /api/analytics/validity: Case IV beside Case II', async () => {
    const body = await get<ValidityResponse>('validity')
    body.areas.forEach((area, k) => {
      const want = expected.case_iv[k]!
      expect(area.key).toBe(want.key)
      near(area.r, want.r, `${area.key} r`)
      near(area.r_corrected, want.r_corrected, `${area.key} Case II`)
      near(area.r_xxi, want.r_xxi, `${area.key} r_XXi`)
      near(area.r_xxa, want.r_xxa, `${area.key} r_XXa`)
      near(area.r_corrected_indirect, want.r_corrected_indirect, `${area.key} Case IV`)
      near(area.r_corrected_indirect_ci?.[0], want.r_corrected_indirect_ci[0], `${area.key} lo`)
      near(area.r_corrected_indirect_ci?.[1], want.r_corrected_indirect_ci[1], `${area.key} hi`)
      expect(area.indirect_note).toBeNull()
    })
  })
})
