// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../web/src/app/query-client'
import type { AreaRetention, Retention } from '../../web/src/features/retention/api/get-retention'
import { RetentionView } from '../../web/src/features/retention/components/retention-view'
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

const steps = (surv: number) => [
  { time: 30, n_risk: 10, n_event: 1, n_censor: 0, surv, se_log_surv: 0.1, lower: 0.7, upper: 1 },
  { time: 500, n_risk: 9, n_event: 0, n_censor: 9, surv, se_log_surv: 0.1, lower: 0.7, upper: 1 },
]

function area(key: string, name: string): AreaRetention {
  return {
    key,
    name,
    bands: [
      { band: 'ge3', label: 'score ≥ 3', n: 10, events: 1, steps: steps(0.9) },
      { band: 'lt3', label: 'score < 3', n: 10, events: 1, steps: steps(0.9) },
    ],
    logrank: { chisq: 0, df: 1, p: 1, observed: [1, 1], expected: [1, 1] },
  }
}

function retention(areas: AreaRetention[], n = 20): Retention {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    threshold: 3,
    areas,
    overall: {
      n,
      events: 2,
      steps: [],
      at_12_months: { surv: 0.9, lower: 0.7, upper: 1 },
      n_outcome: n,
      retained: n,
      retained_rate: n > 0 ? 1 : null,
      retained_rate_ci: n > 0 ? [0.84, 1] : null,
    },
    benchmark: null,
  }
}

function renderView(entry = '/retention') {
  const router = createMemoryRouter([{ path: '/retention', element: <RetentionView /> }], {
    initialEntries: [entry],
  })
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

describe('RetentionView', () => {
  it('shows it is loading until the curves arrive, then one panel per area', async () => {
    const calls = mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, retention([area('judgment', 'Judgment'), area('ownership', 'Ownership')])),
    })
    renderView('/retention?level=senior&hire_type=direct')
    expect(screen.getByText('Computing retention curves…')).toBeTruthy()
    expect(await screen.findByRole('heading', { name: 'Judgment' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Ownership' })).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Download CSV' })).toHaveLength(2)
    expect(screen.getByTestId('logrank-judgment').textContent).toMatch(/^No detectable difference/)
    expect(screen.getByTestId('retention-summary').textContent).toContain('100% of 20 hires')
    expect(calls).toHaveLength(1)
    expect(screen.getByLabelText<HTMLSelectElement>('Hire type').value).toBe('direct')
  })

  it("shows the server's reason when it withholds the figures, without a retry", async () => {
    const reason = 'Organisation-wide figures are shown to hiring managers over at least 10 hires.'
    mockFetch({ 'GET /api/analytics/retention': () => apiError(403, 'forbidden', reason) })
    renderView('/retention?as_of=2023-06-01')
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain('not shown to you for this selection')
    expect(state.textContent).toContain(reason)
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('shows an API error with a retry that asks again', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/analytics/retention': () =>
        ++attempts === 1
          ? apiError(400, 'invalid_query', 'as_of must be a calendar date')
          : json(200, retention([area('judgment', 'Judgment')])),
    })
    renderView()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('as_of must be a calendar date')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'Judgment' })).toBeTruthy()
  })

  it('says when no hires match the filters', async () => {
    mockFetch({ 'GET /api/analytics/retention': () => json(200, retention([], 0)) })
    renderView('/retention?level=principal')
    expect(await screen.findByText(/No hires match these filters/)).toBeTruthy()
  })

  it('keeps a broken area inside its panel and an empty one says too few hires', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { ...area('unsafe_ffi', 'unsafe & FFI'), bands: [] }
    const empty = area('concurrency', 'Concurrency')
    empty.bands = empty.bands.map((band) => ({ ...band, n: 0, events: 0, steps: [] }))
    mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, retention([area('judgment', 'Judgment'), broken, empty])),
    })
    renderView()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The unsafe & FFI chart could not be shown.')
    expect(screen.getByTestId('logrank-judgment')).toBeTruthy()
    expect(screen.getByText(/^Too few hires/)).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Download CSV' })).toHaveLength(1)
    vi.restoreAllMocks()
  })
})
