// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { TimeToHire } from '../../web/src/features/time-to-hire/api/get-time-to-hire'
import { TimeToHireView } from '../../web/src/features/time-to-hire/components/time-to-hire-view'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'
import { days, speedSummary, timeToHire } from './time-to-hire-fixture'
import { downloadMenus, offering } from './download-menu'

const open = (entry = '/time-to-hire') => renderView('/time-to-hire', <TimeToHireView />, entry)

const ENDPOINT = 'GET /api/analytics/time-to-hire'

const panel = (name: string) => screen.getByRole('region', { name })

const TOO_FEW_NONE =
  'Too few hires to tell: 0 with a known twelve-month outcome (0 stayed, 0 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'

describe('TimeToHireView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: ENDPOINT,
    answer: () => timeToHire(),
    open,
    failed: 'Time to hire could not be loaded.',
    drawn: 'time-to-hire-summary',
  })

  it('shows it is loading, then every panel with its table and downloads', async () => {
    const calls = mockFetch({ [ENDPOINT]: () => json(200, timeToHire()) })
    open('/time-to-hire?level=senior&hire_type=direct&as_of=2026-03-31')
    expect(screen.getByText('Computing time to hire…')).toBeTruthy()
    const summary = await screen.findByTestId('time-to-hire-summary')
    expect(summary.textContent).toContain('against the 17-day benchmark (IT staffing firm')
    for (const name of ['How long hires took', 'By level', 'By hire type']) {
      expect(downloadMenus(panel(name))).toEqual([['CSV', 'SVG', 'PNG']])
      expect(within(panel(name)).getByText(/^Table of/, { selector: 'summary' })).toBeTruthy()
    }
    expect(offering(downloadMenus(), 'CSV')).toBe(4)
    expect(screen.getByTestId('speed-retention-summary').textContent).toContain(
      'no detectable relation',
    )
    expect(calls).toHaveLength(1)
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Level' }).value).toBe('senior')
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Hire type' }).value).toBe(
      'direct',
    )
  })

  it('below the data floor shows retention by quartile and says why there is no r', async () => {
    const tooFew =
      'Too few hires to tell: 19 with a known twelve-month outcome (14 stayed, 5 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    const base = timeToHire()
    const data = timeToHire({
      retention: { ...base.retention, r: null, r_ci: null, p: null, too_few: tooFew },
    })
    mockFetch({ [ENDPOINT]: () => json(200, data) })
    open()
    const summary = await screen.findByTestId('speed-retention-summary')
    expect(summary.textContent).toContain(tooFew)
    expect(summary.textContent).not.toMatch(/r = /)
    expect(downloadMenus(panel('Did slower hires stay less?'))).toEqual([['CSV', 'SVG', 'PNG']])
  })

  it('lists both measures of every level in the level table', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, timeToHire()) })
    open()
    await screen.findByTestId('time-to-hire-summary')
    const rows = within(panel('By level')).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'LevelMeasurenMedianMiddle halfRangeMeanWithin benchmark',
      'JuniorTime to hire252522 to 3819 to 593010%',
      'JuniorTime to fill253628 to 5015 to 12939–',
      'SeniorTime to hire5627.520.8 to 37.514 to 7529.110%',
      'SeniorTime to fill563628 to 5015 to 12939–',
      'StaffTime to hire112320 to 3318 to 9026.510%',
      'StaffTime to fill113628 to 5015 to 12939–',
    ])
  })

  it('writes a filter change into the URL', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, timeToHire()) })
    const router = open()
    await screen.findByTestId('time-to-hire-summary')
    fireEvent.change(screen.getByRole('combobox', { name: 'Level' }), {
      target: { value: 'staff' },
    })
    expect(router.state.location.search).toBe('?level=staff')
  })

  it('says when no accepted offer matches the filters', async () => {
    const empty = timeToHire({
      overall: speedSummary('all', days(0)),
      by_level: [],
      by_hire_type: [],
      histogram: [],
      retention: { n: 0, r: null, r_ci: null, p: null, by_quartile: [], too_few: TOO_FEW_NONE },
    })
    mockFetch({ [ENDPOINT]: () => json(200, empty) })
    open('/time-to-hire?level=principal')
    expect(await screen.findByText(/No accepted offers match these filters/)).toBeTruthy()
  })

  it('gives a panel without data its own state, and keeps a broken panel to itself', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = { key: 'direct' } as TimeToHire['by_hire_type'][number]
    const data = timeToHire({
      by_level: [],
      by_hire_type: [broken],
      retention: { n: 0, r: null, r_ci: null, p: null, by_quartile: [], too_few: TOO_FEW_NONE },
    })
    mockFetch({ [ENDPOINT]: () => json(200, data) })
    open()
    await screen.findByTestId('time-to-hire-summary')
    expect(within(panel('By level')).getByText(/No accepted offer in this selection/)).toBeTruthy()
    expect(within(panel('By hire type')).getByRole('alert').textContent).toContain(
      'By hire type could not be shown.',
    )
    expect(
      within(panel('Did slower hires stay less?')).getByText(/retention is not known yet/),
    ).toBeTruthy()
    expect(offering(downloadMenus(panel('How long hires took')), 'CSV')).toBe(1)
  })
})
