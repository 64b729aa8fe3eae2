import type { QueryClient } from '@tanstack/react-query'
import { createQueryClient } from '../../web/src/app/query-client'
import { SettingsView } from '../../web/src/features/settings/components/settings-view'
import { renderView } from './render-view'

/** The settings view alone at a URL, with the query client it uses, to watch invalidations. */
export function renderSettings(entry: string): {
  router: ReturnType<typeof renderView>
  queryClient: QueryClient
} {
  const queryClient = createQueryClient()
  const router = renderView('/settings/:section?', <SettingsView />, entry, queryClient)
  return { router, queryClient }
}
