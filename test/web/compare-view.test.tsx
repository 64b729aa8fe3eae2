// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CompareView } from '../../web/src/features/compare/components/compare-view'
import { compared, comparison } from './compare-fixture'
import { apiError, json, mockFetch } from './fetch-mock'
import { renderView, useChartEnvironment } from './render-view'
import { downloadMenus, offering } from './download-menu'

const page = <Item,>(items: Item[]) => ({ total: items.length, limit: 500, offset: 0, items })

const REQUISITIONS = page([
  {
    id: 'REQ-0007',
    title: 'Senior Rust Engineer, Payments',
    level: 'senior',
    hire_type: 'direct',
    opened_at: '2026-01-02',
    owner_email: 'manager@demo.test',
    applications: 3,
    hires: 0,
  },
])

const candidate = (id: string, name: string) => ({
  id,
  candidate_id: `C-${id}`,
  candidate_name: name,
  requisition_id: 'REQ-0007',
  requisition_title: 'Senior Rust Engineer, Payments',
  level: 'senior',
  applied_at: '2026-01-10',
  decision: 'pending',
  ratings: 10,
})

const CANDIDATES = page(['A', 'B', 'C', 'D', 'E'].map((id) => candidate(id, `Candidate ${id}`)))

const open = (entry = '/compare') => renderView('/compare', <CompareView />, entry)

describe('CompareView', () => {
  useChartEnvironment()

  it('picks a requisition, then candidates, keeping both in the URL', async () => {
    const calls = mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/applications': () => json(200, CANDIDATES),
      'GET /api/compare': () =>
        json(
          200,
          comparison([compared('A', 'Candidate A', [3, 4]), compared('B', 'Candidate B', [2, 3])]),
        ),
    })
    const router = open()
    fireEvent.change(await screen.findByLabelText('Requisition'), {
      target: { value: 'REQ-0007' },
    })
    expect(router.state.location.search).toBe('?requisition=REQ-0007')
    fireEvent.click(await screen.findByLabelText(/Candidate A/))
    expect(screen.getByText(/Pick at least 2 candidates/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText(/Candidate B/))
    expect(new URLSearchParams(router.state.location.search).get('applications')).toBe('A,B')
    const table = await screen.findByRole('table')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([expect.stringContaining('Candidate A'), expect.stringContaining('Candidate B')])
    expect(screen.getAllByTestId('prediction')[0]!.textContent).toContain('81% (95% CI 70% to 89%)')
    expect(screen.getByTestId('model-note').textContent).toContain('not a decision')
    expect(screen.getAllByText(/Knew when to reach for Go/)).toHaveLength(2)
    expect(offering(downloadMenus(), 'PNG')).toBe(1)
    const compare = calls.find((call) => call.path === '/api/compare')
    expect(compare).toBeTruthy()
  })

  it('lets no more than four be picked', async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/applications': () => json(200, CANDIDATES),
      'GET /api/compare': () => json(200, comparison([])),
    })
    open('/compare?requisition=REQ-0007&applications=A,B,C,D')
    const fifth = await screen.findByLabelText<HTMLInputElement>(/Candidate E/)
    expect(fifth.disabled).toBe(true)
    expect(screen.getByLabelText<HTMLInputElement>(/Candidate A/).checked).toBe(true)
  })

  it('says why there is no estimate when the model is withheld', async () => {
    const reason =
      'Organisation-wide figures are shown to hiring managers over at least 10 hires; this filter has 4.'
    const withheld = comparison([
      compared('A', 'Candidate A', [3, 4], {
        predicted_retention: null,
        prediction_note: `No estimate: ${reason}`,
      }),
      compared('B', 'Candidate B', [2, 3], {
        predicted_retention: null,
        prediction_note: `No estimate: ${reason}`,
      }),
    ])
    withheld.model = { status: 'withheld', message: `No estimate: ${reason}`, n: 0, cv_auc: null }
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/applications': () => json(200, CANDIDATES),
      'GET /api/compare': () => json(200, withheld),
    })
    open('/compare?requisition=REQ-0007&applications=A,B')
    expect((await screen.findByTestId('model-note')).textContent).toContain('at least 10 hires')
    expect(screen.getAllByTestId('prediction')[1]!.textContent).toContain('at least 10 hires')
  })

  it("says a requisition or candidate is not found or not the manager's", async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/applications': () => json(200, CANDIDATES),
      'GET /api/compare': () => apiError(404, 'not_found', 'There is no application "X"'),
    })
    open('/compare?requisition=REQ-0007&applications=A,X')
    expect(await screen.findByText(/does not exist, or is not in your requisitions/)).toBeTruthy()
  })

  it('shows an error with a retry', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/requisitions': () =>
        ++attempts === 1
          ? apiError(400, 'invalid_request', 'Invalid query: limit must be at most 500')
          : json(200, REQUISITIONS),
    })
    open()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('limit must be at most 500')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByLabelText('Requisition')).toBeTruthy()
  })
})
