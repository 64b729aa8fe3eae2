// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AdverseImpact } from '../../web/src/features/fairness/api/get-adverse-impact'
import { FairnessView } from '../../web/src/features/fairness/components/fairness-view'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'
import { downloadMenus, offering } from './download-menu'

function impact(groups: AdverseImpact['groups'], pooled: string[] = []): AdverseImpact {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    applicants: 120,
    not_stated: 10,
    reference_group: groups[0]?.group ?? null,
    four_fifths: 0.8,
    groups,
    comparison_rule: 'Each group is compared with the group with the highest selection rate.',
    min_flag_applicants: 30,
    pooled,
    suppressed: [],
  }
}

const GROUPS: AdverseImpact['groups'] = [
  {
    group: 'woman',
    applicants: 60,
    selected: 12,
    selection_rate: 0.2,
    impact_ratio: null,
    below_four_fifths: false,
    impact_ratio_ci: null,
    z_ir: null,
    z_ir_p: null,
    fisher_p: null,
    fisher_p_adjusted: null,
    flagged: false,
    note: 'The reference group: the others are compared with it.',
  },
  {
    group: 'other groups (pooled)',
    applicants: 8,
    selected: 1,
    selection_rate: 0.125,
    impact_ratio: 0.625,
    below_four_fifths: true,
    impact_ratio_ci: [0.0933, 4.1868],
    z_ir: -0.6071,
    z_ir_p: 0.5438,
    fisher_p: 1,
    fisher_p_adjusted: 1,
    flagged: false,
    note: null,
  },
]

const open = (entry = '/fairness') => renderView('/fairness', <FairnessView />, entry)

describe('FairnessView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: 'GET /api/analytics/adverse-impact',
    answer: () => impact(GROUPS),
    open,
    failed: 'The adverse impact figures could not be loaded.',
    drawn: 'fairness-summary',
  })

  it('shows it is loading, then the summary, both charts, the pooled groups and the table', async () => {
    mockFetch({
      'GET /api/analytics/adverse-impact': () =>
        json(200, impact(GROUPS, ['agender', 'two_spirit'])),
    })
    open('/fairness?level=senior')
    expect(screen.getByText('Computing selection rates…')).toBeTruthy()
    const summary = await screen.findByTestId('fairness-summary')
    expect(summary.textContent).toMatch(/^1 of 1 compared groups falls below/)
    expect(
      screen.getByText(/pooled into “other groups \(pooled\)”: agender, two spirit\./),
    ).toBeTruthy()
    const row = within(screen.getByTestId('fairness-table'))
      .getAllByRole('row')
      .find((entry) => entry.getAttribute('data-group') === 'other groups (pooled)')!
    expect(row.textContent).toContain('with 8 applicants (fewer than 30)')
    expect(row.textContent).toContain('below ⅘')
    const menus = downloadMenus()
    expect(offering(menus, 'PNG')).toBe(2)
    expect(offering(menus, 'CSV')).toBe(3)
    expect(screen.getByLabelText<HTMLSelectElement>('Level').value).toBe('senior')
  })

  it('says when nobody in the selection stated a group', async () => {
    mockFetch({ 'GET /api/analytics/adverse-impact': () => json(200, impact([])) })
    open()
    expect(await screen.findByText(/No applicant in this selection stated/)).toBeTruthy()
  })

  it('says there is nothing to compare with a single group', async () => {
    mockFetch({ 'GET /api/analytics/adverse-impact': () => json(200, impact([GROUPS[0]!])) })
    open()
    expect((await screen.findByTestId('fairness-summary')).textContent).toMatch(/^Only one group/)
  })
})
