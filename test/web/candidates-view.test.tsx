// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApplicationDetail } from '../../web/src/features/pipeline/api/get-application'
import type { ApplicationSummary } from '../../web/src/features/pipeline/api/get-applications'
import { ApplicationView } from '../../web/src/features/pipeline/components/application-view'
import { CandidatesView } from '../../web/src/features/pipeline/components/candidates-view'
import { apiError, json, mockFetch } from './fetch-mock'
import { renderRoutes } from './render-view'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const summary = (id: string, name: string | null): ApplicationSummary => ({
  id,
  candidate_id: `CAN-${id}`,
  candidate_name: name,
  requisition_id: 'REQ-1',
  requisition_title: 'Rust platform',
  level: 'mid',
  applied_at: '2025-02-01',
  decision: 'hired',
  ratings: 15,
})

const detail = (erasedAt: string | null = null): ApplicationDetail => ({
  id: 'APP-1',
  applied_at: '2025-02-01',
  decision: 'hired',
  source: 'referral',
  metro: 'Berlin',
  candidate: {
    id: 'CAN-1',
    name: erasedAt === null ? 'Ada Byron' : null,
    background: 'cpp',
    erased_at: erasedAt,
  },
  requisition: {
    id: 'REQ-1',
    title: 'Rust platform',
    level: 'mid',
    hire_type: 'direct',
    opened_at: '2025-01-06',
  },
  offer: { salary: 120000, currency: 'EUR', accepted_at: '2025-03-01' },
  employment: { start_date: '2025-04-01', end_date: '2025-11-30', departure: 'voluntary' },
  area_scores: [
    { key: 'ownership', name: 'Ownership & lifetimes', score: 3.5, ratings: 2 },
    { key: 'judgment', name: 'Judgment', score: null, ratings: 0 },
  ],
  scores: [
    {
      interviewer: 'ana',
      area: 'ownership',
      rating: 4,
      interviewed_at: '2025-02-10',
      minutes: 50,
      red_flags: [],
      note: erasedAt === null ? 'Explained the borrow checker clearly' : null,
    },
    {
      interviewer: 'bo',
      area: 'ownership',
      rating: 3,
      interviewed_at: '2025-02-11',
      minutes: 40,
      red_flags: [{ key: 'clones_everything', name: 'Clones everything' }],
      note: null,
    },
  ],
})

const renderAt = (entry: string) =>
  renderRoutes(
    [
      { path: '/candidates', element: <CandidatesView /> },
      { path: '/applications/:id', element: <ApplicationView /> },
    ],
    entry,
  )

describe('CandidatesView', () => {
  it('lists applications and writes the decision filter to the URL, back at page 1', async () => {
    const calls = mockFetch({
      'GET /api/applications': () =>
        json(200, {
          total: 2,
          limit: 25,
          offset: 0,
          items: [summary('APP-1', 'Ada Byron'), summary('APP-2', null)],
        }),
    })
    const router = renderAt('/candidates?page=2&q=ada')
    expect(screen.getByText('Loading applications…')).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Ada Byron' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Erased candidate' })).toBeTruthy()
    expect(calls[0]!.query.get('q')).toBe('ada')
    expect(calls[0]!.query.get('offset')).toBe('25')
    fireEvent.change(screen.getByLabelText('Decision'), { target: { value: 'rejected' } })
    expect(router.state.location.search).toBe('?q=ada&decision=rejected')
    await vi.waitFor(() => expect(calls.at(-1)!.query.get('decision')).toBe('rejected'))
    expect(calls.at(-1)!.query.get('offset')).toBe('0')
  })

  it('says when no application matches', async () => {
    mockFetch({
      'GET /api/applications': () => json(200, { total: 0, limit: 25, offset: 0, items: [] }),
    })
    renderAt('/candidates?decision=withdrew')
    expect(await screen.findByText('No application matches this search and decision.')).toBeTruthy()
    expect(screen.getByText('Nothing to show')).toBeTruthy()
  })
})

describe('ApplicationView', () => {
  it('shows every rating per area with the mean, minutes and red flags, the offer and outcome', async () => {
    mockFetch({ 'GET /api/applications/APP-1': () => json(200, detail()) })
    renderAt('/applications/APP-1')
    expect(await screen.findByRole('heading', { name: 'Ada Byron', level: 1 })).toBeTruthy()
    const ownership = screen.getByRole('region', { name: 'Ownership & lifetimes' })
    expect(ownership.textContent).toContain(
      'Mean 3.50 from 2 ratings · 90 minutes · red flags: Clones everything',
    )
    expect(within(ownership).getAllByRole('row')).toHaveLength(3)
    expect(within(ownership).getByText('Explained the borrow checker clearly')).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Judgment' }).textContent).toContain(
      'Not rated in this loop.',
    )
    expect(screen.getByTestId('loop-summary').textContent).toBe(
      '2 ratings from 2 interviewers across 1 of 2 areas, 90 minutes recorded.',
    )
    expect(screen.getByText('€120,000, accepted 2025-03-01')).toBeTruthy()
    expect(screen.getByTestId('employment-outcome').textContent).toBe('Left 2025-11-30 (voluntary)')
  })

  it('shows an erased candidate as erased on the day, without name or notes', async () => {
    mockFetch({
      'GET /api/applications/APP-1': () => json(200, detail('2026-01-05T10:00:00.000Z')),
    })
    renderAt('/applications/APP-1')
    expect(await screen.findByRole('heading', { name: 'Erased candidate', level: 1 })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toMatch(/^Erased on 2026-01-05/)
    expect(screen.getAllByText('Erased')).toHaveLength(2)
  })

  it('says "not found or not yours" for an application of another manager', async () => {
    mockFetch({
      'GET /api/applications/APP-5': () => apiError(404, 'not_found', 'There is no application'),
    })
    renderAt('/applications/APP-5')
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain(
      'Application "APP-5" was not found, or it is not one of yours.',
    )
    expect(within(state).getByRole('link', { name: 'Back to candidates' })).toBeTruthy()
  })

  it('shows a server failure with a retry', async () => {
    mockFetch({
      'GET /api/applications/APP-1': () => apiError(400, 'invalid_request', 'id is too long'),
    })
    renderAt('/applications/APP-1')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The candidate could not be loaded.')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
  })
})
