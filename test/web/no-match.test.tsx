// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createQueryClient } from '../../web/src/app/query-client'
import { NoMatch } from '../../web/src/components/no-match'
import { rememberSession, type Session } from '../../web/src/lib/session'
import { LEAD_SESSION } from './fetch-mock'
import { renderView, useChartEnvironment } from './render-view'

const MANAGER_SESSION: Session = {
  ...LEAD_SESSION,
  user: { id: 3, email: 'manager@demo.test', name: 'Max Manager', role: 'hiring_manager' },
}

function show(filtered: boolean, session: Session | null) {
  const queryClient = createQueryClient()
  if (session) rememberSession(queryClient, session)
  renderView('/', <NoMatch what="applications" filtered={filtered} />, '/', queryClient)
  return screen.getByText(/^No applications/).closest('p')!
}

describe('the empty state of a view', () => {
  useChartEnvironment()

  it('says there is no data yet and links the Import page when no filter is set', () => {
    const state = show(false, LEAD_SESSION)
    expect(state.textContent).toBe('No applications yet. Import your data on the Import page.')
    expect(screen.getByRole('link', { name: 'Import page' }).getAttribute('href')).toBe('/import')
    expect(state.textContent).not.toMatch(/match these filters|npm run import/)
  })

  it('names who may import to a user who may not, without a link they cannot follow', () => {
    const state = show(false, MANAGER_SESSION)
    expect(state.textContent).toBe(
      'No applications yet. Import your data on the Import page (admins and talent leads).',
    )
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('blames the filters only when a filter is set', () => {
    const state = show(true, LEAD_SESSION)
    expect(state.textContent).toBe(
      'No applications match these filters. Clear the filters to see everything.',
    )
  })
})
