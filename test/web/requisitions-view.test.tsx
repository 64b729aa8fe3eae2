// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Requisition } from '../../web/src/features/pipeline/api/get-requisitions'
import { RequisitionView } from '../../web/src/features/pipeline/components/requisition-view'
import { RequisitionsView } from '../../web/src/features/pipeline/components/requisitions-view'
import { apiError, json, mockFetch } from './fetch-mock'
import { renderRoutes } from './render-view'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const requisition = (id: string, title: string): Requisition => ({
  id,
  title,
  level: 'senior',
  hire_type: 'direct',
  opened_at: '2025-01-06',
  owner_email: 'manager@demo.test',
  applications: 12,
  hires: 2,
})

const page = (items: Requisition[], total = items.length, offset = 0) =>
  json(200, { total, limit: 25, offset, items })

const renderAt = (entry: string) =>
  renderRoutes(
    [
      { path: '/requisitions', element: <RequisitionsView /> },
      { path: '/requisitions/:id', element: <RequisitionView /> },
    ],
    entry,
  )

describe('RequisitionsView', () => {
  it('loads, then lists the requisitions with a link to each', async () => {
    mockFetch({ 'GET /api/requisitions': () => page([requisition('REQ-1', 'Rust platform')]) })
    renderAt('/requisitions')
    expect(screen.getByText('Loading requisitions…')).toBeTruthy()
    const link = await screen.findByRole('link', { name: 'Rust platform' })
    expect(link.getAttribute('href')).toBe('/requisitions/REQ-1')
    expect(screen.getByText('Showing 1–1 of 1')).toBeTruthy()
  })

  it('puts the search and the page in the URL and asks the API for them', async () => {
    const calls = mockFetch({
      'GET /api/requisitions': (call) =>
        page(
          [requisition(`REQ-${call.query.get('offset') ?? '0'}`, 'Rust platform')],
          60,
          Number(call.query.get('offset')),
        ),
    })
    const router = renderAt('/requisitions')
    await screen.findByText('Showing 1–1 of 60 · page 1 of 3')
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await screen.findByText('REQ-25')
    expect(router.state.location.search).toBe('?page=2')
    expect(calls.at(-1)!.query.get('offset')).toBe('25')

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'platform' } })
    fireEvent.submit(screen.getByRole('search', { name: 'Search requisitions' }))
    await screen.findByText('REQ-0')
    expect(router.state.location.search).toBe('?q=platform')
    expect(calls.at(-1)!.query.get('q')).toBe('platform')
    expect(calls.at(-1)!.query.get('offset')).toBe('0')
  })

  it('says when nothing matches the search', async () => {
    mockFetch({ 'GET /api/requisitions': () => page([]) })
    renderAt('/requisitions?q=cobol')
    expect(await screen.findByText('No requisition matches "cobol".')).toBeTruthy()
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('cobol')
  })

  it('shows an error with a retry', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/requisitions': () =>
        ++attempts === 1
          ? apiError(400, 'invalid_request', 'q is too long')
          : page([requisition('REQ-1', 'Rust platform')]),
    })
    renderAt('/requisitions')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('q is too long')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: 'Rust platform' })).toBeTruthy()
  })
})

describe('RequisitionView', () => {
  it('shows the requisition and its applications, asking only for its own', async () => {
    const calls = mockFetch({
      'GET /api/requisitions/REQ-1': () => json(200, requisition('REQ-1', 'Rust platform')),
      'GET /api/applications': () =>
        json(200, {
          total: 1,
          limit: 25,
          offset: 0,
          items: [
            {
              id: 'APP-9',
              candidate_id: 'CAN-9',
              candidate_name: 'Ada Byron',
              requisition_id: 'REQ-1',
              requisition_title: 'Rust platform',
              level: 'senior',
              applied_at: '2025-02-01',
              decision: 'pending',
              ratings: 15,
            },
          ],
        }),
    })
    renderAt('/requisitions/REQ-1?decision=pending')
    expect(await screen.findByRole('heading', { name: 'Rust platform', level: 1 })).toBeTruthy()
    const candidate = await screen.findByRole('link', { name: 'Ada Byron' })
    expect(candidate.getAttribute('href')).toBe('/applications/APP-9')
    const asked = calls.find((call) => call.path === '/api/applications')!
    expect(asked.query.get('requisition_id')).toBe('REQ-1')
    expect(asked.query.get('decision')).toBe('pending')
    expect(screen.getByLabelText<HTMLSelectElement>('Decision').value).toBe('pending')
  })

  it('says "not found or not yours" for a requisition the API does not show', async () => {
    mockFetch({
      'GET /api/requisitions/REQ-7': () =>
        apiError(404, 'not_found', 'There is no requisition "REQ-7"'),
    })
    renderAt('/requisitions/REQ-7')
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain(
      'Requisition "REQ-7" was not found, or it is not one of yours.',
    )
    expect(within(state).getByRole('link', { name: 'Back to requisitions' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })
})
