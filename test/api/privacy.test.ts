import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/app'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { importTexts } from '../helpers/database'

type App = ReturnType<typeof createTestApp>['app']

// Distinctive values, so that any echo of them in a body is unmistakable.
const GROUPS = { alpha: 'Zeta-Alpha-Group', beta: 'Zeta-Beta-Group', tiny: 'Zeta-Tiny-Group' }

/** [group, applicants, hired]: alpha and beta are large enough to show, tiny is not. */
const PLAN: [group: string | null, applicants: number, hired: number][] = [
  [GROUPS.alpha, 10, 5],
  [GROUPS.beta, 15, 5],
  [GROUPS.tiny, 2, 1],
  [null, 3, 1],
]

const rows = PLAN.flatMap(([group, applicants, hired], g) =>
  Array.from({ length: applicants }, (_, i) => {
    const id = `PRIV-${g}-${i}`
    const isHire = i < hired
    return applicationRow({
      application_id: id,
      candidate_id: `PRIV-CAND-${g}-${i}`,
      candidate_name: `Candidate ${g} ${i}`,
      requisition_id: 'REQ-PRIV',
      decision: isHire ? 'hired' : 'rejected',
      ...(isHire
        ? { offer_salary: 150000, offer_accepted_at: '2024-02-01', start_date: '2024-03-01' }
        : {}),
      self_id_group: group ?? '',
    })
  }),
)
const ids = rows.map((row) => String(row.application_id))

function expectNoSelfId(text: string) {
  for (const group of Object.values(GROUPS)) expect(text).not.toContain(group)
  expect(text).not.toMatch(/self_?id/i)
}

interface AdverseImpactBody {
  applicants: number
  not_stated: number
  reference_group: string | null
  groups: {
    group: string
    applicants: number
    selected: number
    selection_rate: number
    impact_ratio: number | null
    below_four_fifths: boolean
  }[]
  pooled: string[]
  suppressed: string[]
}

describe('self-identified groups stay private', () => {
  let app: App
  beforeAll(async () => {
    const setup = createTestApp()
    app = setup.app
    expect(APPLICATION_HEADER).toContain('self_id_group')
    const report = await importTexts(setup.db, {
      'applications.csv': csv(APPLICATION_HEADER, rows),
      'scores.csv': csv(
        SCORE_HEADER,
        ids.map((id) => scoreRow({ application_id: id, area: 'judgment', rating: 3 })),
      ),
    })
    expect(report.ok).toBe(true)
    expect(report.changes?.applications.insert).toBe(ids.length)
  })

  const getText = async (path: string) => {
    const response = await app.request(path)
    expect(response.status, path).toBe(200)
    return response.text()
  }

  it('GET /api/applications/{id} never shows the group or its key', async () => {
    for (const id of ids) {
      const text = await getText(`/api/applications/${id}`)
      expect(text).toContain(id)
      expectNoSelfId(text)
    }
  })

  it('GET /api/applications never shows the group or its key', async () => {
    const text = await getText('/api/applications?limit=500')
    const body = JSON.parse(text) as { total: number; items: { id: string }[] }
    expect(body.total).toBe(ids.length)
    expect(body.items.map((item) => item.id).sort()).toEqual([...ids].sort())
    expectNoSelfId(text)
    expectNoSelfId(await getText('/api/applications?limit=500&decision=hired'))
    expectNoSelfId(await getText('/api/applications?limit=500&requisition_id=REQ-PRIV'))
  })

  it('the application search does not match on the group', async () => {
    const text = await getText(`/api/applications?q=${encodeURIComponent(GROUPS.alpha)}`)
    expect((JSON.parse(text) as { total: number }).total).toBe(0)
  })

  it('the requisition does not show it either', async () => {
    expectNoSelfId(await getText('/api/requisitions/REQ-PRIV'))
    expectNoSelfId(await getText('/api/requisitions'))
  })

  it('/api/analytics/adverse-impact shows the groups as aggregates only', async () => {
    const text = await getText('/api/analytics/adverse-impact')
    for (const id of ids) expect(text).not.toContain(id)
    expect(text).not.toMatch(/PRIV-/)
    expect(text).not.toContain('Candidate')
    const body = JSON.parse(text) as AdverseImpactBody
    expect(body.applicants).toBe(30)
    expect(body.not_stated).toBe(3)
    expect(body.groups).toEqual([
      expect.objectContaining({
        group: GROUPS.beta,
        applicants: 15,
        selected: 5,
        selection_rate: 1 / 3,
        impact_ratio: 1 / 3 / 0.5,
        below_four_fifths: true,
      }),
      expect.objectContaining({
        group: GROUPS.alpha,
        applicants: 10,
        selected: 5,
        selection_rate: 0.5,
        impact_ratio: null,
        below_four_fifths: false,
      }),
    ])
    expect(body.reference_group).toBe(GROUPS.alpha)
    // A group of two is neither shown nor pooled (a pool of two is still too small).
    expect(body.suppressed).toEqual([GROUPS.tiny])
    expect(body.pooled).toEqual([])
    // Every group entry holds counts and rates only.
    for (const group of body.groups) {
      expect(Object.keys(group).sort()).toEqual(
        [
          'applicants',
          'below_four_fifths',
          'fisher_p',
          'fisher_p_adjusted',
          'flagged',
          'group',
          'impact_ratio',
          'impact_ratio_ci',
          'note',
          'selected',
          'selection_rate',
          'z_ir',
          'z_ir_p',
        ].sort(),
      )
    }
  })

  it('the other analytics do not show the groups', async () => {
    for (const endpoint of [
      'validity',
      'model',
      'composite',
      'retention',
      'time-to-hire',
      'salary',
      'interviewers',
      'red-flags',
      'backgrounds',
      'sources',
      'loop-time',
      'incremental-validity',
      'panel-sizing',
    ]) {
      expectNoSelfId(await getText(`/api/analytics/${endpoint}`))
    }
  })
})
