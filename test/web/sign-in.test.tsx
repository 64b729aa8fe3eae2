// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextPath } from '../../web/src/features/sign-in/components/next-path'
import { SignInView } from '../../web/src/features/sign-in/components/sign-in-view'
import { client, setCsrfToken } from '../../web/src/lib/api-client'
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

function renderSignIn(entry = '/sign-in') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInView /> },
      { path: '*', element: <Landed /> },
    ],
    { initialEntries: [entry] },
  )
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
}

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } })
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('the sign-in page', () => {
  it('has labelled fields the browser can fill in', () => {
    mockFetch({})
    renderSignIn()
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy()
    const email = screen.getByLabelText('Email')
    expect(email.getAttribute('type')).toBe('email')
    expect(email.getAttribute('autocomplete')).toBe('username')
    expect(screen.getByLabelText('Password').getAttribute('autocomplete')).toBe('current-password')
    expect(screen.getByRole('alert').textContent).toBe('')
  })

  it("shows the server's message when the credentials are wrong, and puts focus back", async () => {
    const calls = mockFetch({
      'POST /api/auth/sign-in': () =>
        apiError(401, 'unauthorized', 'The email or the password is wrong'),
    })
    renderSignIn()
    fillIn('lead@demo.test', 'not-the-password')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The email or the password is wrong'),
    )
    expect(calls[0]?.body).toEqual({ email: 'lead@demo.test', password: 'not-the-password' })
    expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false)
    expect(document.activeElement).toBe(screen.getByLabelText('Password'))
  })

  it('disables the button while the server answers', async () => {
    let answer: (response: Response) => void = () => undefined
    mockFetch({
      'POST /api/auth/sign-in': () => new Promise<Response>((resolve) => (answer = resolve)),
    })
    renderSignIn()
    fillIn('lead@demo.test', 'demo-lead-2026')
    const button = await screen.findByRole('button', { name: 'Signing in…' })
    expect(button.hasAttribute('disabled')).toBe(true)
    answer(apiError(429, 'rate_limited', 'Too many failed sign-ins: try again in 15 minutes'))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Too many failed sign-ins: try again in 15 minutes',
      ),
    )
    expect(screen.getByRole('button', { name: 'Sign in' }).hasAttribute('disabled')).toBe(false)
  })

  it('goes back to the page the user came from, and sends the CSRF token with writes', async () => {
    const calls = mockFetch({
      'POST /api/auth/sign-in': () => json(200, LEAD_SESSION),
      'POST /api/auth/sign-out': () => new Response(null, { status: 204 }),
    })
    renderSignIn(`/sign-in?next=${encodeURIComponent('/how-its-computed?level=senior')}`)
    fillIn('lead@demo.test', 'demo-lead-2026')
    expect((await screen.findByTestId('landed')).textContent).toBe('/how-its-computed?level=senior')
    await client.api.auth['sign-out'].$post()
    expect(calls[1]?.headers.get('x-csrf-token')).toBe(LEAD_SESSION.csrf_token)
  })

  it('goes to the home view when the next link points off the site', async () => {
    mockFetch({ 'POST /api/auth/sign-in': () => json(200, LEAD_SESSION) })
    renderSignIn(`/sign-in?next=${encodeURIComponent('//attacker.example/sign-in')}`)
    fillIn('lead@demo.test', 'demo-lead-2026')
    expect((await screen.findByTestId('landed')).textContent).toBe('/')
  })

  it('says so plainly when the server cannot be reached', async () => {
    mockFetch({
      'POST /api/auth/sign-in': () => Promise.reject(new TypeError('Failed to fetch')),
    })
    renderSignIn()
    fillIn('lead@demo.test', 'demo-lead-2026')
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('could not be reached'),
    )
  })
})

describe('nextPath', () => {
  const origin = 'https://loopscope.example'

  it('keeps a path of this site with its query and fragment', () => {
    expect(nextPath('/how-its-computed?level=senior#auc', origin)).toBe(
      '/how-its-computed?level=senior#auc',
    )
  })

  it.each([
    null,
    '',
    'how-its-computed',
    '//attacker.example/',
    '/\\attacker.example/',
    'https://attacker.example/',
    'javascript:alert(1)',
    '/sign-in?next=/',
  ])('sends %j to the home view', (next) => {
    expect(nextPath(next, origin)).toBe('/')
  })
})
