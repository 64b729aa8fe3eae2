// @vitest-environment jsdom
import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { flushSync } from 'react-dom'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppShell } from '../../web/src/app/app-shell'
import { createQueryClient } from '../../web/src/app/query-client'
import { client, responseError, setCsrfToken } from '../../web/src/lib/api-client'
import { apiError, json, LEAD_SESSION, mockFetch } from './fetch-mock'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

function Landed() {
  const location = useLocation()
  return <p data-testid="landed">{`${location.pathname}${location.search}`}</p>
}

/** A view whose data request can fail, as the analytics views' do when a session expires. */
function RequisitionsView() {
  const requisitions = useQuery({
    queryKey: ['requisitions'],
    queryFn: async () => {
      const response = await client.api.requisitions.$get({ query: {} })
      if (!response.ok) throw await responseError(response)
      return response.json()
    },
  })
  return <p>{requisitions.isSuccess ? 'Requisitions' : 'Loading requisitions'}</p>
}

function renderShell(entry: string) {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <Landed /> },
      {
        path: '/',
        element: <AppShell />,
        children: [
          { index: true, element: <RequisitionsView /> },
          { path: 'how-its-computed', element: <p>Definitions</p> },
        ],
      },
    ],
    { initialEntries: [entry] },
  )
  render(
    <QueryClientProvider client={createQueryClient()}>
      {/* What react-router/dom adds; imported from there it would load a second react-router. */}
      <RouterProvider
        router={router}
        flushSync={(update) => {
          flushSync(update)
        }}
      />
    </QueryClientProvider>,
  )
}

const health = () => json(200, { status: 'ok', demo_data: false })

describe('the app shell', () => {
  it('shows a loading state, then sends a signed-out visitor to sign in with the way back', async () => {
    mockFetch({
      'GET /api/auth/session': () => apiError(401, 'unauthorized', 'Sign in first'),
    })
    renderShell('/how-its-computed?level=senior')
    expect(screen.getByRole('status').textContent).toBe('Loading Loopscope…')
    expect((await screen.findByTestId('landed')).textContent).toBe(
      `/sign-in?next=${encodeURIComponent('/how-its-computed?level=senior')}`,
    )
  })

  it('shows who is signed in, and signs out with the CSRF token', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/health': health,
      'GET /api/requisitions': () => json(200, { items: [], total: 0 }),
      'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
    })
    renderShell('/how-its-computed')
    const header = await screen.findByRole('banner')
    expect(within(header).getByText('Lee Lead')).toBeTruthy()
    expect(within(header).getByText('lead@demo.test · Talent lead')).toBeTruthy()
    const views = within(screen.getByRole('navigation', { name: 'Views' })).getAllByRole('link')
    expect(views.map((link) => link.textContent)).toEqual([
      'Loop effectiveness',
      'Worth',
      'Retention',
      'Time to hire',
      'Salary bands',
      'Interviewers',
      'Questions',
      'Sources',
      'Fairness',
      'Compare candidates',
      'Requisitions',
      'Candidates',
      'Import',
      'Settings',
      "How it's computed",
    ])
    // The views fold behind one button on a narrow screen (the CSS hides the list when closed).
    const menu = within(header).getByRole('button', { name: 'Views' })
    expect(menu.getAttribute('aria-expanded')).toBe('false')
    expect(document.getElementById(menu.getAttribute('aria-controls')!)!.dataset.open).toBe('false')
    fireEvent.click(menu)
    expect(menu.getAttribute('aria-expanded')).toBe('true')
    expect(document.getElementById('shell-views')!.dataset.open).toBe('true')
    fireEvent.click(within(header).getByRole('button', { name: 'Sign out' }))
    expect((await screen.findByTestId('landed')).textContent).toBe('/sign-in')
    const signOut = calls.find((call) => call.path === '/api/auth/sign-out')
    expect(signOut?.headers.get('x-csrf-token')).toBe(LEAD_SESSION.csrf_token)
    // Signed out on purpose: the shell is gone and does not ask for the session again.
    expect(calls.filter((call) => call.path === '/api/auth/session')).toHaveLength(1)
  })

  it('sends the user to sign in when a later request finds the session expired', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/health': health,
      'GET /api/requisitions': () =>
        apiError(401, 'unauthorized', 'Your session has ended: sign in again'),
    })
    renderShell('/?level=senior')
    expect((await screen.findByTestId('landed')).textContent).toBe(
      `/sign-in?next=${encodeURIComponent('/?level=senior')}`,
    )
  })

  it('says so when the session cannot be checked, and offers to try again', async () => {
    mockFetch({
      'GET /api/auth/session': () => apiError(500, 'internal', 'Something went wrong'),
    })
    renderShell('/')
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert.textContent).toContain('could not check who is signed in')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('points the demo banner to the Import page, not to a command', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/health': () => json(200, { status: 'ok', demo_data: true }),
      'GET /api/requisitions': () => json(200, { items: [], total: 0 }),
    })
    renderShell('/how-its-computed')
    const banner = (await screen.findByText('generated demo data')).closest('p')!
    expect(banner.textContent).not.toContain('npm run import')
    const link = within(banner).getByRole('link', { name: 'Import page' })
    expect(link.getAttribute('href')).toBe('/import')
  })

  it('asks for a new password before any view when the password was printed', async () => {
    let session = { ...LEAD_SESSION, must_change_password: true }
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, session),
      'GET /api/health': health,
      'POST /api/auth/password': (call) => {
        const body = call.body as { new_password: string }
        if (body.new_password.length < 12) {
          return json(400, {
            error: {
              code: 'invalid_request',
              message: 'Invalid body: new_password must be at least 12 characters',
              details: [{ field: 'new_password', message: 'must be at least 12 characters' }],
            },
          })
        }
        session = { ...session, must_change_password: false }
        return new Response(null, { status: 204 })
      },
    })
    renderShell('/how-its-computed')
    await screen.findByRole('heading', { name: 'Choose your own password' })
    expect(screen.queryByText('Definitions')).toBeNull()
    const fill = (current: string, next: string, again: string) => {
      fireEvent.change(screen.getByLabelText('Current password (the printed one)'), {
        target: { value: current },
      })
      fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } })
      fireEvent.change(screen.getByLabelText('New password again'), { target: { value: again } })
      fireEvent.click(screen.getByRole('button', { name: 'Change password' }))
    }

    fill('printed-password', 'my own password', 'my own passwort')
    expect(screen.getByText('The two new passwords differ.')).toBeTruthy()
    expect(calls.filter((call) => call.path === '/api/auth/password')).toHaveLength(0)

    fill('printed-password', 'short', 'short')
    expect(await screen.findByText('It must be at least 12 characters.')).toBeTruthy()
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true')

    fill('printed-password', 'my own password', 'my own password')
    expect(await screen.findByText('Definitions')).toBeTruthy()
    const change = calls.filter((call) => call.path === '/api/auth/password').at(-1)!
    expect(change.body).toEqual({
      current_password: 'printed-password',
      new_password: 'my own password',
    })
    expect(change.headers.get('x-csrf-token')).toBe(LEAD_SESSION.csrf_token)
    expect(screen.queryByRole('heading', { name: 'Choose your own password' })).toBeNull()
  })
})
