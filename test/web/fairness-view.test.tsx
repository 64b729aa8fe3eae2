// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../web/src/app/query-client'
import type { AdverseImpact } from '../../web/src/features/fairness/api/get-adverse-impact'
import { FairnessView } from '../../web/src/features/fairness/components/fairness-view'
import { apiError, json, mockFetch } from './fetch-mock'

// jsdom has no layout: the charts' container asks for a ResizeObserver it does not provide.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', NoResizeObserver)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function impact(groups: AdverseImpact['groups'], pooled: string[] = []): AdverseImpact {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    applicants: 120,
    not_stated: 10,
    reference_group: groups[0]?.group ?? null,
    four_fifths: 0.8,
    groups,
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
    fisher_p: null,
  },
  {
    group: 'other groups (pooled)',
    applicants: 8,
    selected: 1,
    selection_rate: 0.125,
    impact_ratio: 0.625,
    below_four_fifths: true,
    fisher_p: 1,
  },
]

function renderView(entry = '/fairness') {
  const router = createMemoryRouter([{ path: '/fairness', element: <FairnessView /> }], {
    initialEntries: [entry],
  })
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

describe('FairnessView', () => {
  it('shows it is loading, then the summary, both charts, the pooled groups and the table', async () => {
    mockFetch({
      'GET /api/analytics/adverse-impact': () =>
        json(200, impact(GROUPS, ['agender', 'two_spirit'])),
    })
    renderView('/fairness?level=senior')
    expect(screen.getByText('Computing selection rates…')).toBeTruthy()
    const summary = await screen.findByTestId('fairness-summary')
    expect(summary.textContent).toMatch(/^1 of 1 compared groups falls below/)
    expect(
      screen.getByText(/pooled into “other groups \(pooled\)”: agender, two spirit\./),
    ).toBeTruthy()
    const row = within(screen.getByTestId('fairness-table'))
      .getAllByRole('row')
      .find((entry) => entry.getAttribute('data-group') === 'other groups (pooled)')!
    expect(row.textContent).toContain('A flag to watch, not a finding.')
    expect(row.textContent).toContain('below ⅘')
    expect(screen.getAllByRole('button', { name: 'Download PNG' })).toHaveLength(2)
    expect(screen.getAllByRole('button', { name: 'Download CSV' })).toHaveLength(3)
    expect(screen.getByLabelText<HTMLSelectElement>('Level').value).toBe('senior')
  })

  it("shows the server's reason when it withholds the figures from this role", async () => {
    const reason = 'This needs one of the roles: admin, talent_lead'
    mockFetch({ 'GET /api/analytics/adverse-impact': () => apiError(403, 'forbidden', reason) })
    renderView()
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain('not shown to you')
    expect(state.textContent).toContain(reason)
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('shows an API error with a retry that asks again', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/analytics/adverse-impact': () =>
        ++attempts === 1
          ? apiError(400, 'invalid_query', 'as_of must be a calendar date')
          : json(200, impact(GROUPS)),
    })
    renderView()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('as_of must be a calendar date')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId('fairness-summary')).toBeTruthy()
  })

  it('says when nobody in the selection stated a group', async () => {
    mockFetch({ 'GET /api/analytics/adverse-impact': () => json(200, impact([])) })
    renderView()
    expect(await screen.findByText(/No applicant in this selection stated/)).toBeTruthy()
  })

  it('says there is nothing to compare with a single group', async () => {
    mockFetch({ 'GET /api/analytics/adverse-impact': () => json(200, impact([GROUPS[0]!])) })
    renderView()
    expect((await screen.findByTestId('fairness-summary')).textContent).toMatch(/^Only one group/)
  })
})
