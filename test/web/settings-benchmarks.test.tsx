// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Benchmark } from '../../web/src/features/settings/api/benchmarks'
import { setCsrfToken } from '../../web/src/lib/api-client'
import { json, LEAD_SESSION, mockFetch } from './fetch-mock'
import { ADMIN_SESSION, GLASSDOOR } from './settings-fixture'
import { renderSettings } from './settings-render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('the benchmarks in settings', () => {
  it('lists each benchmark with its source and date, read-only for a talent lead', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/benchmarks': () => json(200, { benchmarks: [GLASSDOOR] }),
    })
    renderSettings('/settings/benchmarks')
    const row = (await screen.findByText('Glassdoor', {}, { timeout: 3000 })).closest('tr')!
    expect(within(row).getByText('147,000 USD, range 115,000–191,000 USD')).toBeTruthy()
    expect(within(row).getByText('2026')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull()
    expect(screen.queryByRole('form', { name: 'Add a benchmark' })).toBeNull()
  })

  it('adds a band with its source and date and refreshes the analytics', async () => {
    const added: Benchmark = {
      ...GLASSDOOR,
      id: 2,
      level: 'senior',
      metro: 'Austin',
      source: 'Our offers',
    }
    let listed = [GLASSDOOR]
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/benchmarks': () => json(200, { benchmarks: listed }),
      'POST /api/benchmarks': () => {
        listed = [GLASSDOOR, added]
        return json(201, added)
      },
    })
    const { queryClient } = renderSettings('/settings/benchmarks')
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    await screen.findByText('Glassdoor', {}, { timeout: 3000 })
    fill('Level', 'senior')
    fill('Metro', 'Austin')
    fill('Band low', '140000')
    fill('Band high', '190000')
    fill('Source', 'Our offers')
    fill('Source date', '2026-02')
    fireEvent.click(screen.getByRole('button', { name: 'Add benchmark' }))
    expect(await screen.findByText('Our offers')).toBeTruthy()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.headers.get('X-CSRF-Token')).toBe(ADMIN_SESSION.csrf_token)
    expect(post.body).toEqual({
      metric: 'salary',
      level: 'senior',
      metro: 'Austin',
      value: null,
      low: 140000,
      high: 190000,
      unit: 'USD',
      source: 'Our offers',
      source_date: '2026-02',
      note: null,
    })
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['analytics'] })
    expect(screen.getByLabelText<HTMLInputElement>('Source').value).toBe('')
  })

  it("shows the server's refusal under each field it names", async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/benchmarks': () => json(200, { benchmarks: [] }),
      'POST /api/benchmarks': () =>
        json(400, {
          error: {
            code: 'invalid_request',
            message: 'Invalid body: high must be above low; source_date is not a calendar month',
            details: [
              { field: 'high', message: 'must be above low' },
              { field: 'source_date', message: 'is not a calendar month' },
            ],
          },
        }),
    })
    renderSettings('/settings/benchmarks')
    expect(await screen.findByText(/No benchmarks yet/, {}, { timeout: 3000 })).toBeTruthy()
    fill('Band low', '200000')
    fill('Band high', '100000')
    fill('Source', 'Guess')
    fill('Source date', '2026-13')
    fireEvent.click(screen.getByRole('button', { name: 'Add benchmark' }))
    await screen.findByRole('alert')
    const high = screen.getByLabelText('Band high')
    expect(high.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('textbox', { name: 'Source date' })).toHaveProperty(
      'ariaInvalid',
      'true',
    )
    expect(document.getElementById('benchmark-high-error')!.textContent).toBe('must be above low')
    expect(document.getElementById('benchmark-source_date-error')!.textContent).toBe(
      'is not a calendar month',
    )
    expect(high.getAttribute('aria-describedby')).toBe('benchmark-high-error')
  })

  it('edits a benchmark in the form and deletes one only after confirming', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/benchmarks': () => json(200, { benchmarks: [GLASSDOOR] }),
      'PUT /api/benchmarks/1': (call) => json(200, { ...GLASSDOOR, ...(call.body as object) }),
      'DELETE /api/benchmarks/1': () => new Response(null, { status: 204 }),
    })
    renderSettings('/settings/benchmarks')
    await screen.findByText('Glassdoor', {}, { timeout: 3000 })
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }))
    expect(screen.getByRole('heading', { name: 'Edit benchmark 1' })).toBe(document.activeElement)
    expect(screen.getByLabelText<HTMLInputElement>('Band high').value).toBe('191000')
    fill('Source date', '2026-01')
    fireEvent.click(screen.getByRole('button', { name: 'Save benchmark' }))
    expect(await screen.findByRole('heading', { name: 'Add a benchmark' })).toBeTruthy()
    expect(calls.find((call) => call.method === 'PUT')!.body).toMatchObject({
      source_date: '2026-01',
      low: 115000,
    })

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
    const question = screen.getByRole('group', { name: 'Delete benchmark 1?' })
    expect(within(question).getByRole('button', { name: 'Cancel' })).toBe(document.activeElement)
    fireEvent.click(within(question).getByRole('button', { name: 'Delete' }))
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true))
  })
})
