// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../web/src/app/query-client'
import { LoopEffectivenessView } from '../../web/src/features/loop-effectiveness/components/loop-effectiveness-view'
import { apiError, mockFetch } from './fetch-mock'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const WITHHELD =
  'Organisation-wide figures are shown to hiring managers over at least 10 hires; this filter has 3. Widen the filter to take in more hires.'

describe('LoopEffectivenessView', () => {
  it("shows the server's reason when it withholds the figures from a hiring manager", async () => {
    mockFetch({ 'GET /api/analytics/validity': () => apiError(403, 'forbidden', WITHHELD) })
    const router = createMemoryRouter([{ path: '/', element: <LoopEffectivenessView /> }], {
      initialEntries: ['/?as_of=2023-06-01'],
    })
    render(
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain('not shown to you for this selection')
    expect(state.textContent).toContain(WITHHELD)
    // Retrying would get the same answer: the filters are the way forward.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy()
  })
})
