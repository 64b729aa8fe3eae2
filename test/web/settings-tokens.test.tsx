// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../../web/src/lib/api-client'
import { json, LEAD_SESSION, mockFetch } from './fetch-mock'
import { renderSettings } from './settings-render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

const NIGHTLY = {
  id: 7,
  name: 'nightly export',
  created_at: '2026-02-01T10:00:00.000Z',
  last_used_at: null,
}

describe('your API tokens in settings', () => {
  it('creates a token shown once, and revokes one after confirming', async () => {
    let listed = [NIGHTLY]
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/auth/tokens': () => json(200, { tokens: listed }),
      'POST /api/auth/tokens': () => {
        const created = { id: 8, name: 'dashboards', created_at: '2026-02-02T10:00:00.000Z' }
        listed = [NIGHTLY, { ...created, last_used_at: null }]
        return json(201, { ...created, token: 'lsk_secret_once' })
      },
      'DELETE /api/auth/tokens/7': () => new Response(null, { status: 204 }),
    })
    renderSettings('/settings/tokens')
    const row = (await screen.findByText('nightly export', {}, { timeout: 3000 })).closest('tr')!
    expect(within(row).getByText('never')).toBeTruthy()
    expect(screen.queryByText(/only an admin can change them/)).toBeNull()

    fireEvent.change(screen.getByLabelText('New token name'), { target: { value: 'dashboards' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }))
    expect(await screen.findByText('lsk_secret_once')).toBeTruthy()
    expect(await screen.findByText('dashboards')).toBeTruthy()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ name: 'dashboards' })
    expect(post.headers.get('X-CSRF-Token')).toBe(LEAD_SESSION.csrf_token)

    fireEvent.click(within(row).getByRole('button', { name: 'Revoke' }))
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
    const question = screen.getByRole('group', { name: /^Revoke the token "nightly export"\?/ })
    fireEvent.click(within(question).getByRole('button', { name: 'Revoke' }))
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true))
  })
})
