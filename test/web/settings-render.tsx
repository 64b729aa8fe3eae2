import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '../../web/src/app/query-client'
import { SettingsView } from '../../web/src/features/settings/components/settings-view'

/** The settings view alone at a URL, with the query client it uses, to watch invalidations. */
export function renderSettings(entry: string): {
  router: ReturnType<typeof createMemoryRouter>
  queryClient: QueryClient
} {
  const router = createMemoryRouter([{ path: '/settings/:section?', element: <SettingsView /> }], {
    initialEntries: [entry],
  })
  const queryClient = createQueryClient()
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { router, queryClient }
}
