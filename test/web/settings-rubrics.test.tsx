// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../../web/src/lib/api-client'
import { apiError, json, LEAD_SESSION, mockFetch } from './fetch-mock'
import { ADMIN_SESSION, RUBRIC } from './settings-fixture'
import { renderSettings } from './settings-render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

const weightInput = (name: string) => screen.getByRole<HTMLInputElement>('spinbutton', { name })

describe('the rubric weights in settings', () => {
  it('opens on the rubrics section and shows the areas with their keys', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/rubrics': () => json(200, { rubrics: [RUBRIC] }),
    })
    const { router } = renderSettings('/settings')
    await screen.findByRole('heading', { name: 'Rust engineer rust' }, { timeout: 3000 })
    expect(router.state.location.pathname).toBe('/settings/rubrics')
    const grid = screen.getByRole('table')
    expect(within(grid).getByRole('columnheader', { name: 'Judgment judgment' })).toBeTruthy()
    expect(screen.getAllByRole('spinbutton')).toHaveLength(10)
    expect(screen.getByTestId('sum-rust-junior').textContent).toBe('1')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save weights' }).disabled).toBe(
      true,
    )
  })

  it('names the level and area of a bad weight and the level whose sum is off', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/rubrics': () => json(200, { rubrics: [RUBRIC] }),
    })
    renderSettings('/settings/rubrics')
    await screen.findByRole('table')
    fireEvent.change(weightInput('Mid, Judgment'), { target: { value: '1.2' } })
    expect(screen.getByText('Mid, Judgment: enter a weight between 0 and 1')).toBeTruthy()
    expect(screen.getByText('Mid: the weights sum to 1.7; they must sum to 1')).toBeTruthy()
    expect(weightInput('Mid, Judgment').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save weights' }).disabled).toBe(
      true,
    )
    fireEvent.change(weightInput('Mid, Judgment'), { target: { value: '0.5' } })
    expect(screen.queryByText(/must sum to 1/)).toBeNull()
  })

  it('saves with the CSRF header, shows the saved weights and refreshes the analytics', async () => {
    const saved = {
      ...RUBRIC,
      areas: RUBRIC.areas.map((area, index) => ({
        ...area,
        weights: { ...area.weights, senior: index === 0 ? 0.3 : 0.7 },
      })),
    }
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/rubrics': () => json(200, { rubrics: [RUBRIC] }),
      'PUT /api/rubrics/rust/weights': () => json(200, { rubrics: [saved] }),
    })
    const { queryClient } = renderSettings('/settings/rubrics')
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    await screen.findByRole('table')
    fireEvent.change(weightInput('Senior, Ownership & lifetimes'), { target: { value: '0.3' } })
    fireEvent.change(weightInput('Senior, Judgment'), { target: { value: '0.7' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save weights' }))
    expect(await screen.findByText('Saved: the analytics now use these weights.')).toBeTruthy()
    const put = calls.find((call) => call.method === 'PUT')!
    expect(put.headers.get('X-CSRF-Token')).toBe(ADMIN_SESSION.csrf_token)
    expect(put.body).toEqual({
      weights: {
        junior: { ownership: 0.5, judgment: 0.5 },
        mid: { ownership: 0.5, judgment: 0.5 },
        senior: { ownership: 0.3, judgment: 0.7 },
        staff: { ownership: 0.5, judgment: 0.5 },
        principal: { ownership: 0.5, judgment: 0.5 },
      },
    })
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['analytics'] })
    expect(weightInput('Senior, Judgment').value).toBe('0.7')
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save weights' }).disabled).toBe(
      true,
    )
  })

  it("shows the server's refusal next to the weight it names", async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/rubrics': () => json(200, { rubrics: [RUBRIC] }),
      'PUT /api/rubrics/rust/weights': () =>
        json(400, {
          error: {
            code: 'invalid_request',
            message: 'Invalid body: weights.staff.judgment is not an area of the rubric',
            details: [{ field: 'weights.staff.judgment', message: 'is not an area of the rubric' }],
          },
        }),
    })
    renderSettings('/settings/rubrics')
    await screen.findByRole('table')
    fireEvent.change(weightInput('Staff, Ownership & lifetimes'), { target: { value: '0.4' } })
    fireEvent.change(weightInput('Staff, Judgment'), { target: { value: '0.6' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save weights' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Not saved: Invalid body: weights.staff.judgment is not an area of the rubric',
    )
    const field = weightInput('Staff, Judgment')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const description = document.getElementById(field.getAttribute('aria-describedby')!)!
    expect(description.textContent).toBe('is not an area of the rubric')
    expect(field.closest('td')!.contains(description)).toBe(true)
  })

  it('shows the weights read-only to a talent lead, without the users section', async () => {
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/rubrics': () => json(200, { rubrics: [RUBRIC] }),
    })
    renderSettings('/settings/rubrics')
    await screen.findByRole('table')
    expect(screen.queryAllByRole('spinbutton')).toHaveLength(0)
    expect(screen.queryByRole('button', { name: 'Save weights' })).toBeNull()
    expect(screen.getByText(/only an admin can change them/)).toBeTruthy()
    const sections = screen.getByRole('navigation', { name: 'Settings sections' })
    expect(
      within(sections)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Rubrics', 'Benchmarks', 'API tokens'])
  })

  it('tells a talent lead who opens the users section that only admins manage users', async () => {
    mockFetch({ 'GET /api/auth/session': () => json(200, LEAD_SESSION) })
    renderSettings('/settings/users')
    expect((await screen.findByRole('status')).textContent).toBe('Only admins manage users.')
  })

  it('says when there is no rubric yet, and offers a retry when loading fails', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/auth/session': () => json(200, ADMIN_SESSION),
      'GET /api/rubrics': () =>
        ++attempts === 1
          ? apiError(409, 'busy', 'The database is busy')
          : json(200, { rubrics: [] }),
    })
    renderSettings('/settings/rubrics')
    expect((await screen.findByRole('alert')).textContent).toContain('The database is busy')
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/No rubrics yet/)).toBeTruthy()
  })
})
