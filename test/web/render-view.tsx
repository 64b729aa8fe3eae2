import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../web/src/app/query-client'
import { apiError, json, mockFetch } from './fetch-mock'

// jsdom has no layout: the charts' container asks for a ResizeObserver it does not provide.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

/** For a describe block of a view's tests: charts can mount, and every test starts clean. */
export function useChartEnvironment(): void {
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', NoResizeObserver)
  })
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
}

/** Renders routes at a URL with a query client (a fresh one unless given); returns the router. */
export function renderRoutes(
  routes: RouteObject[],
  entry: string,
  queryClient: QueryClient = createQueryClient(),
) {
  const router = createMemoryRouter(routes, { initialEntries: [entry] })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

/** Renders a view at its path with a fresh query client; returns the router to read the URL. */
export function renderView(
  path: string,
  view: ReactElement,
  entry = path,
  queryClient: QueryClient = createQueryClient(),
) {
  return renderRoutes([{ path, element: view }], entry, queryClient)
}

interface QueryStateCase {
  /** The endpoint the view asks, as "GET /api/…". */
  endpoint: string
  /** A good answer, for the retry to get. */
  answer: () => unknown
  /** Opens the view at this URL. */
  open: (entry?: string) => void
  /** The start of the view's error message, e.g. "Time to hire could not be loaded." */
  failed: string
  /** The test id of an element drawn once the data is in. */
  drawn: string
}

/** The two states every analytics view shares: withheld from the role, and failed with a retry. */
export function itShowsWithheldAndFailedStates(view: QueryStateCase): void {
  it("shows the server's reason when it withholds the figures, without a retry", async () => {
    const reason =
      'Organisation-wide figures are shown to hiring managers over at least 10 hires; this filter has 3.'
    mockFetch({ [view.endpoint]: () => apiError(403, 'forbidden', reason) })
    view.open()
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain('not shown to you for this selection')
    expect(state.textContent).toContain(reason)
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('shows an API error with a retry that asks again', async () => {
    let attempts = 0
    mockFetch({
      [view.endpoint]: () =>
        ++attempts === 1
          ? apiError(400, 'invalid_query', 'as_of must be a calendar date')
          : json(200, view.answer()),
    })
    view.open()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(view.failed)
    expect(alert.textContent).toContain('as_of must be a calendar date')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId(view.drawn)).toBeTruthy()
  })
}
