// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../../web/src/lib/api-client'
import { apiError, json, mockFetch } from './fetch-mock'
import { ADMIN, ADMIN_SESSION } from './settings-fixture'
import { renderSettings } from './settings-render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

const LEAD = {
  id: 2,
  email: 'lead@demo.test',
  name: null,
  role: 'talent_lead' as const,
  created_at: '2026-01-02T00:00:00.000Z',
  disabled_at: null,
}

const rowOf = (email: string) => screen.getByText(email).closest('tr')!

describe('the users in settings', () => {
  it('adds a user with a generated password and shows it once', async () => {
    const created = { ...LEAD, id: 3, email: 'new@demo.test', role: 'hiring_manager' as const }
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/users': () => json(200, { users: [ADMIN, LEAD] }),
      'POST /api/users': () => json(201, { ...created, password: 'generated-secret-1234' }),
    })
    renderSettings('/settings/users')
    await screen.findByText('lead@demo.test', {}, { timeout: 3000 })
    expect(within(rowOf('admin@demo.test')).getByText('you')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'new@demo.test' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }))
    expect((await screen.findByText(/generated-secret-1234/)).textContent).toBe(
      'generated-secret-1234',
    )
    expect(screen.getByText(/shown only now/)).toBeTruthy()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ email: 'new@demo.test', role: 'hiring_manager' })
    expect(post.headers.get('X-CSRF-Token')).toBe(ADMIN_SESSION.csrf_token)
  })

  it('refuses a chosen password under 12 characters before asking the server', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/users': () => json(200, { users: [ADMIN] }),
    })
    renderSettings('/settings/users')
    await screen.findByText('admin@demo.test', {}, { timeout: 3000 })
    expect(screen.getByText(/At least 12 characters/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'new@demo.test' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }))
    const password = screen.getByLabelText('Password')
    expect(password.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('new-user-password-error')!.textContent).toBe(
      'must be at least 12 characters',
    )
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
  })

  it('shows a taken email against the email field', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/users': () => json(200, { users: [ADMIN, LEAD] }),
      'POST /api/users': () =>
        json(409, {
          error: {
            code: 'conflict',
            message: 'A user with email lead@demo.test already exists',
            details: [{ field: 'email', message: 'is already taken' }],
          },
        }),
    })
    renderSettings('/settings/users')
    await screen.findByText('lead@demo.test', {}, { timeout: 3000 })
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'lead@demo.test' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }))
    expect((await screen.findByRole('alert')).textContent).toContain('already exists')
    expect(document.getElementById('new-user-email-error')!.textContent).toBe('is already taken')
  })

  it("changes a role, and shows the server's refusal to disable the last admin", async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/users': () => json(200, { users: [ADMIN, LEAD] }),
      'PATCH /api/users/2': (call) => json(200, { ...LEAD, ...(call.body as object) }),
      'PATCH /api/users/1': () =>
        apiError(409, 'conflict', 'This would leave no enabled admin: keep at least one'),
    })
    renderSettings('/settings/users')
    await screen.findByText('lead@demo.test', {}, { timeout: 3000 })
    fireEvent.change(screen.getByLabelText('Role of lead@demo.test'), {
      target: { value: 'hiring_manager' },
    })
    await vi.waitFor(() =>
      expect(calls.find((call) => call.path === '/api/users/2')?.body).toEqual({
        role: 'hiring_manager',
      }),
    )

    const adminRow = rowOf('admin@demo.test')
    fireEvent.click(within(adminRow).getByRole('button', { name: 'Disable' }))
    const question = within(adminRow).getByRole('group', {
      name: 'Disable admin@demo.test? They are signed out everywhere. You will be signed out.',
    })
    fireEvent.click(within(question).getByRole('button', { name: 'Disable' }))
    expect((await within(adminRow).findByRole('alert')).textContent).toBe(
      'Not changed: This would leave no enabled admin: keep at least one',
    )
    expect(calls.find((call) => call.path === '/api/users/1')?.body).toEqual({ disabled: true })
  })

  it('resets a password after confirming and shows the new one once', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/users': () => json(200, { users: [ADMIN, LEAD] }),
      'PATCH /api/users/2': () => json(200, { ...LEAD, password: 'fresh-password-5678' }),
    })
    renderSettings('/settings/users')
    await screen.findByText('lead@demo.test', {}, { timeout: 3000 })
    const row = rowOf('lead@demo.test')
    fireEvent.click(within(row).getByRole('button', { name: 'Reset password' }))
    fireEvent.click(within(row).getByRole('button', { name: 'Reset' }))
    expect(await within(row).findByText('fresh-password-5678')).toBeTruthy()
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ reset_password: true })
  })
})
