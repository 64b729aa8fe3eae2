// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { AreaRetention, Retention } from '../../web/src/features/retention/api/get-retention'
import { RetentionView } from '../../web/src/features/retention/components/retention-view'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'
import { downloadMenus, offering } from './download-menu'

const steps = (surv: number) => [
  { time: 30, n_risk: 10, n_event: 1, n_censor: 0, surv, se_log_surv: 0.1, lower: 0.7, upper: 1 },
  { time: 500, n_risk: 9, n_event: 0, n_censor: 9, surv, se_log_surv: 0.1, lower: 0.7, upper: 1 },
]

function area(key: string, name: string): AreaRetention {
  return {
    key,
    name,
    bands: [
      { band: 'ge3', label: 'score ≥ 3', n: 10, events: 1, steps: steps(0.9), interval_note: null },
      { band: 'lt3', label: 'score < 3', n: 10, events: 1, steps: steps(0.9), interval_note: null },
    ],
    logrank: { chisq: 0, df: 1, p: 1, observed: [1, 1], expected: [1, 1] },
    too_few: null,
  }
}

function retention(areas: AreaRetention[], n = 20): Retention {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    threshold: 3,
    areas,
    overall: {
      n,
      events: 2,
      steps: [],
      interval_note: null,
      at_12_months: { day: 364, surv: 0.9, lower: 0.7, upper: 1, note: null },
      n_outcome: n,
      retained: n,
      retained_rate: n > 0 ? 1 : null,
      retained_rate_ci: n > 0 ? [0.84, 1] : null,
    },
    benchmark: null,
  }
}

const open = (entry = '/retention') => renderView('/retention', <RetentionView />, entry)

describe('RetentionView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: 'GET /api/analytics/retention',
    answer: () => retention([area('judgment', 'Judgment')]),
    open,
    failed: 'The retention curves could not be loaded.',
    drawn: 'logrank-judgment',
  })

  it('shows it is loading until the curves arrive, then one panel per area', async () => {
    const calls = mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, retention([area('judgment', 'Judgment'), area('ownership', 'Ownership')])),
    })
    open('/retention?level=senior&hire_type=direct')
    expect(screen.getByText('Computing retention curves…')).toBeTruthy()
    expect(await screen.findByRole('heading', { name: 'Judgment' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Ownership' })).toBeTruthy()
    expect(offering(downloadMenus(), 'CSV')).toBe(2)
    expect(screen.getByTestId('logrank-judgment').textContent).toMatch(/^No detectable difference/)
    expect(screen.getByTestId('retention-summary').textContent).toContain('100% of 20 hires')
    expect(calls).toHaveLength(1)
    expect(screen.getByLabelText<HTMLSelectElement>('Hire type').value).toBe('direct')
  })

  it('asks for the date range in the URL and shows how the server widened it for a restricted viewer', async () => {
    const note = 'Shown: applications of 2024 (asked: 2024-03-01 to 2024-05-31).'
    const calls = mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, {
          ...retention([area('judgment', 'Judgment')]),
          disclosure: { restricted: true, floor: 10, notes: [note], withheld: [] },
        }),
    })
    open('/retention?from=2024-03-01&to=2024-05-31')
    const notice = await screen.findByRole('note', { name: 'How these figures are limited' })
    expect(notice.textContent).toContain(note)
    expect(calls[0]!.query.get('from')).toBe('2024-03-01')
    expect(calls[0]!.query.get('to')).toBe('2024-05-31')
    expect(screen.getByLabelText<HTMLInputElement>('Applied from').value).toBe('2024-03-01')
  })

  it('below the data floor keeps the curves and says why there is no test instead of a χ²', async () => {
    const tooFew =
      'Too few hires to tell: 20 with a known twelve-month outcome (20 stayed, 0 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, retention([{ ...area('judgment', 'Judgment'), logrank: null, too_few: tooFew }])),
    })
    open()
    const sentence = await screen.findByTestId('logrank-judgment')
    expect(sentence.textContent).toBe(tooFew)
    expect(document.body.textContent).not.toMatch(/χ²/)
    expect(offering(downloadMenus(), 'CSV')).toBe(1)
  })

  it('says when no hires match the filters', async () => {
    mockFetch({ 'GET /api/analytics/retention': () => json(200, retention([], 0)) })
    open('/retention?level=principal')
    expect(await screen.findByText(/No hires match these filters/)).toBeTruthy()
  })

  it('keeps a broken area inside its panel and an empty one says too few hires', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { ...area('unsafe_ffi', 'unsafe & FFI'), bands: [] }
    const empty = area('concurrency', 'Concurrency')
    empty.bands = empty.bands.map((band) => ({ ...band, n: 0, events: 0, steps: [] }))
    mockFetch({
      'GET /api/analytics/retention': () =>
        json(200, retention([area('judgment', 'Judgment'), broken, empty])),
    })
    open()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The unsafe & FFI chart could not be shown.')
    expect(screen.getByTestId('logrank-judgment')).toBeTruthy()
    expect(screen.getByText(/^Too few hires/)).toBeTruthy()
    expect(offering(downloadMenus(), 'CSV')).toBe(1)
    vi.restoreAllMocks()
  })
})
