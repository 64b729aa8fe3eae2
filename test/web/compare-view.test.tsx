// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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

type Status = 'open' | 'hired' | 'not_hired'

const candidate = (id: string, name: string, status: Status, composite: number | null) => ({
  id,
  candidate_id: `C-${id}`,
  candidate_name: name,
  applied_at: '2026-01-10',
  decision: status === 'open' ? 'pending' : status === 'hired' ? 'hired' : 'rejected',
  status,
  composite,
  ratings: composite === null ? 0 : 10,
})

const EVERY_CANDIDATE = [
  candidate('A', 'Candidate A', 'open', 3.42),
  candidate('B', 'Candidate B', 'open', 3.1),
  candidate('C', 'Candidate C', 'hired', 2.95),
  candidate('D', 'Candidate D', 'not_hired', 2.2),
  candidate('E', 'Candidate E', 'open', null),
]

/** The list endpoint as the API answers it: search over name and ids, counts before the status filter. */
function candidateList(query: URLSearchParams) {
  const search = (query.get('q') ?? '').toLowerCase()
  const status = query.get('status') ?? 'all'
  const matching = EVERY_CANDIDATE.filter((entry) =>
    [entry.candidate_name, entry.id, entry.candidate_id].some((text) =>
      text.toLowerCase().includes(search),
    ),
  )
  return {
    as_of: '2026-03-31',
    requisition: { id: 'REQ-0007', title: 'Senior Rust Engineer, Payments', level: 'senior' },
    counts: {
      all: matching.length,
      open: matching.filter((entry) => entry.status === 'open').length,
      hired: matching.filter((entry) => entry.status === 'hired').length,
      not_hired: matching.filter((entry) => entry.status === 'not_hired').length,
    },
    candidates: matching.filter((entry) => status === 'all' || entry.status === status),
  }
}

const CANDIDATES = ({ query }: { query: URLSearchParams }) => json(200, candidateList(query))

const open = (entry = '/compare') => renderView('/compare', <CompareView />, entry)

describe('CompareView', () => {
  useChartEnvironment()

  it('picks a requisition, then candidates, keeping both in the URL', async () => {
    const calls = mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
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
    const table = await screen.findByRole('table', { name: /compared candidates/ })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([expect.stringContaining('Candidate A'), expect.stringContaining('Candidate B')])
    expect(screen.getAllByTestId('prediction')[0]!.textContent).toContain('81% (95% CI 70% to 89%)')
    expect(screen.getByTestId('model-note').textContent).toContain('not a decision')
    expect(screen.getByTestId('adjustment-note').textContent).toContain(
      'adjusted for interviewer leniency, shrunk for few ratings',
    )
    // Candidate A: raw 3 in ownership, ana.lee's shrunk leniency +0.25 taken off.
    const ownership = within(table).getByRole('row', { name: /Ownership & lifetimes/ })
    expect(within(ownership).getAllByTestId('adjusted')[0]!.textContent).toBe('adjusted 2.75')
    expect(ownership.textContent).toContain('ana.lee: 3 (adjusted 2.75)')
    // The rubric's name for the red flag, on each candidate's rating and in the red flags row.
    expect(within(table).getAllByText(/unwrap\(\) everywhere/)).toHaveLength(4)
    expect(within(table).queryByText(/unwrap_everywhere|unwrap everywhere/)).toBeNull()
    expect(screen.getAllByText(/Knew when to reach for Go/)).toHaveLength(2)
    expect(offering(downloadMenus(), 'PNG')).toBe(1)
    const compare = calls.find((call) => call.path === '/api/compare')
    expect(compare).toBeTruthy()
  })

  it('names each requisition with its id, and lists candidates best composite first with it', async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
    })
    open('/compare?requisition=REQ-0007')
    const select = await screen.findByLabelText<HTMLSelectElement>('Requisition')
    expect(select.selectedOptions[0]!.textContent).toContain(
      'Senior Rust Engineer, Payments (REQ-0007)',
    )
    const list = await screen.findByRole('group', { name: /Candidates to compare/ })
    const rows = within(list).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByRole('checkbox').getAttribute('value'))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ])
    expect(screen.getAllByTestId('picker-composite').map((cell) => cell.textContent)).toEqual([
      '3.42',
      '3.10',
      '2.95',
      '2.20',
      'no ratings',
    ])
    expect(rows[2]!.textContent).toContain('Hired')
    expect(rows[3]!.textContent).toContain('Not hired')
  })

  it('searches by name or id and filters by status, keeping both in the URL', async () => {
    const calls = mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
    })
    const router = open('/compare?requisition=REQ-0007')
    const boxes = () =>
      within(screen.getByRole('group', { name: /Candidates to compare/ })).queryAllByRole(
        'checkbox',
      )
    await waitFor(() => expect(boxes()).toHaveLength(5))
    expect(screen.getByLabelText<HTMLInputElement>(/^All \(5\)/).checked).toBe(true)

    fireEvent.click(screen.getByLabelText(/^Still open \(3\)/))
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('open')
    await waitFor(() => expect(boxes()).toHaveLength(3))
    expect(calls.at(-1)!.query.get('status')).toBe('open')

    fireEvent.change(screen.getByLabelText('Search candidates'), { target: { value: 'b' } })
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('b')
    await waitFor(() => expect(boxes().map((box) => box.getAttribute('value'))).toEqual(['B']))
    expect(calls.at(-1)!.query.get('q')).toBe('b')
    // Counts follow the search, before the status filter.
    expect(screen.getByLabelText(/^Still open \(1\)/)).toBeTruthy()
    expect(screen.getByLabelText(/^All \(1\)/)).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Search candidates'), { target: { value: 'c-d' } })
    await screen.findByText(/No candidate of this requisition matches “c-d” among those still open/)
    fireEvent.click(screen.getByLabelText(/^Not hired/))
    await waitFor(() => expect(boxes().map((box) => box.getAttribute('value'))).toEqual(['D']))
  })

  it('says when a picked candidate is hidden by the filter, and shows all again', async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
      'GET /api/compare': () =>
        json(
          200,
          comparison([compared('A', 'Candidate A', [3, 4]), compared('C', 'Candidate C', [2, 3])]),
        ),
    })
    const router = open('/compare?requisition=REQ-0007&applications=A,C&status=open')
    expect((await screen.findByTestId('picked-hidden')).textContent).toContain(
      'Also picked, not in this list: C.',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Show all candidates' }))
    expect(new URLSearchParams(router.state.location.search).get('status')).toBeNull()
    expect(new URLSearchParams(router.state.location.search).get('applications')).toBe('A,C')
    await waitFor(() => expect(screen.queryByTestId('picked-hidden')).toBeNull())
  })

  it('lets no more than four be picked', async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
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
      'GET /api/compare/candidates': CANDIDATES,
      'GET /api/compare': () => json(200, withheld),
    })
    open('/compare?requisition=REQ-0007&applications=A,B')
    expect((await screen.findByTestId('model-note')).textContent).toContain('at least 10 hires')
    expect(screen.getAllByTestId('prediction')[1]!.textContent).toContain('at least 10 hires')
  })

  it("says a requisition or candidate is not found or not the manager's", async () => {
    mockFetch({
      'GET /api/requisitions': () => json(200, REQUISITIONS),
      'GET /api/compare/candidates': CANDIDATES,
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
