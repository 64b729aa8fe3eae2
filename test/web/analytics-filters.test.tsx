// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AnalyticsFiltersBar } from '../../web/src/components/analytics-filters-bar'
import { filtersFrom, useAnalyticsFilters } from '../../web/src/lib/analytics-filters'
import { json, mockFetch } from './fetch-mock'
import { renderView, useChartEnvironment } from './render-view'

const FIELDS = ['level', 'requisition_id', 'from', 'to', 'as_of'] as const

function Bar() {
  const [filters, setFilters] = useAnalyticsFilters(FIELDS)
  return <AnalyticsFiltersBar fields={FIELDS} filters={filters} onChange={setFilters} />
}

const REQUISITIONS = {
  total: 2,
  limit: 500,
  offset: 0,
  items: [
    { id: 'REQ-001', title: 'Rust engineer', level: 'senior' },
    { id: 'REQ-002', title: 'Rust engineer', level: 'mid' },
  ].map((item) => ({
    ...item,
    hire_type: 'direct',
    opened_at: '2025-01-06',
    owner_email: null,
    applications: 10,
    hires: 1,
  })),
}

const open = (entry = '/') => renderView('/', <Bar />, entry)
const search = (router: ReturnType<typeof open>) =>
  Object.fromEntries(new URLSearchParams(router.state.location.search))

describe('filtersFrom', () => {
  it('reads the requisition and the date range from the URL', () => {
    const params = new URLSearchParams('requisition_id=REQ-001&from=2025-01-01&to=2025-06-30')
    expect(filtersFrom(params, FIELDS)).toEqual({
      level: undefined,
      requisition_id: 'REQ-001',
      from: '2025-01-01',
      to: '2025-06-30',
      as_of: undefined,
    })
  })

  it('leaves out a range that ends before it starts, and dates that are not dates', () => {
    expect(filtersFrom(new URLSearchParams('from=2025-06-30&to=2025-01-01'), FIELDS)).toMatchObject(
      { from: undefined, to: undefined },
    )
    expect(filtersFrom(new URLSearchParams('from=June&to=2025-01-01'), FIELDS)).toMatchObject({
      from: undefined,
      to: '2025-01-01',
    })
    expect(filtersFrom(new URLSearchParams('requisition_id=%20'), FIELDS)).toMatchObject({
      requisition_id: undefined,
    })
  })
})

describe('AnalyticsFiltersBar', () => {
  useChartEnvironment()

  it('writes the date range to the URL, and only while it is a range', () => {
    const router = open('/?level=senior')
    fireEvent.change(screen.getByLabelText('Applied from'), { target: { value: '2025-03-01' } })
    expect(search(router)).toEqual({ level: 'senior', from: '2025-03-01' })
    fireEvent.change(screen.getByLabelText('Applied to'), { target: { value: '2025-01-31' } })
    expect(screen.getByRole('alert').textContent).toMatch(
      /^“Applied from” must be on or before “applied to”\./,
    )
    expect(screen.getByLabelText('Applied to').getAttribute('aria-invalid')).toBe('true')
    expect(search(router)).toEqual({ level: 'senior', from: '2025-03-01' })
    fireEvent.change(screen.getByLabelText('Applied to'), { target: { value: '2025-05-31' } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(search(router)).toEqual({ level: 'senior', from: '2025-03-01', to: '2025-05-31' })
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(search(router)).toEqual({})
    expect(screen.getByLabelText<HTMLInputElement>('Applied from').value).toBe('')
    expect(screen.getByLabelText<HTMLInputElement>('Applied to').value).toBe('')
  })

  it('offers the viewer’s requisitions once the field is used, and applies an exact id', async () => {
    const calls = mockFetch({ 'GET /api/requisitions': () => json(200, REQUISITIONS) })
    const router = open()
    expect(calls).toHaveLength(0)
    const field = screen.getByLabelText<HTMLInputElement>('Requisition')
    fireEvent.focus(field)
    await waitFor(() => expect(document.querySelectorAll('datalist option')).toHaveLength(2))
    expect(calls[0]!.query.get('limit')).toBe('500')
    expect(document.querySelector('datalist option')?.textContent).toBe('Rust engineer (senior)')
    fireEvent.change(field, { target: { value: 'REQ-00' } })
    expect(search(router)).toEqual({})
    fireEvent.change(field, { target: { value: 'REQ-002' } })
    expect(search(router)).toEqual({ requisition_id: 'REQ-002' })
    fireEvent.change(field, { target: { value: 'REQ-9' } })
    fireEvent.blur(field)
    expect(search(router)).toEqual({ requisition_id: 'REQ-9' })
    fireEvent.change(field, { target: { value: '' } })
    expect(search(router)).toEqual({})
  })

  it('shows the range and requisition a shared link carries', () => {
    open('/?requisition_id=REQ-001&from=2024-01-01&to=2024-12-31')
    expect(screen.getByLabelText<HTMLInputElement>('Requisition').value).toBe('REQ-001')
    expect(screen.getByLabelText<HTMLInputElement>('Applied from').value).toBe('2024-01-01')
    expect(screen.getByLabelText<HTMLInputElement>('Applied to').value).toBe('2024-12-31')
  })
})
