// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Salary } from '../../web/src/features/salary/api/get-salary'
import { SalaryView } from '../../web/src/features/salary/components/salary-view'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'
import { levelSalary, salary } from './salary-fixture'
import { downloadMenus, offering } from './download-menu'

const open = (entry = '/salary') => renderView('/salary', <SalaryView />, entry)

const ENDPOINT = 'GET /api/analytics/salary'

const panel = (name: string) => screen.getByRole('region', { name })

const CHART_PANELS = [
  'Offers against benchmark bands',
  'Compa-ratio of hires',
  'Did hires paid below the midpoint stay less?',
]

describe('SalaryView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: ENDPOINT,
    answer: () => salary(),
    open,
    failed: 'The salary figures could not be loaded.',
    drawn: 'salary-summary',
  })

  it('shows it is loading, then the bands with their sources and every chart panel', async () => {
    const calls = mockFetch({ [ENDPOINT]: () => json(200, salary()) })
    open('/salary?level=junior&as_of=2026-03-31')
    expect(screen.getByText('Computing salary figures…')).toBeTruthy()
    const summary = await screen.findByTestId('salary-summary')
    expect(summary.textContent).toBe(
      '36 offers with a salary as of 2026-03-31, held against 2 benchmarks.',
    )
    const bands = within(panel('Overview')).getAllByRole('listitem')
    expect(bands.map((band) => band.textContent)).toEqual([
      'All levels (market context; offers are held against their level’s band): $115,000 to $191,000 (average $147,000) — Glassdoor (Rust developer, US average and common range), 2026',
      'All levels (market context; offers are held against their level’s band): no range (average $110,000) — ZipRecruiter (Rust developer, US average), 2026',
    ])
    expect(screen.queryByTestId('missing-bands')).toBeNull()
    for (const name of CHART_PANELS) {
      expect(downloadMenus(panel(name))).toEqual([['CSV', 'SVG', 'PNG']])
      expect(within(panel(name)).getByText(/^Table of/, { selector: 'summary' })).toBeTruthy()
    }
    expect(screen.getByTestId('compa-retention-summary').textContent).toMatch(
      /^The 95% intervals overlap/,
    )
    expect(calls).toHaveLength(1)
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Level' }).value).toBe('junior')
  })

  it("writes each band's source and date beside the offers of its level", async () => {
    mockFetch({
      [ENDPOINT]: () =>
        json(
          200,
          salary({ by_level: [levelSalary('junior', 25), levelSalary('principal', 2, null)] }),
        ),
    })
    open()
    await screen.findByTestId('salary-summary')
    const rows = within(panel('Offers against benchmark bands')).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'LevelOffersMedianMiddle halfBandBand sourceBelowWithinAbove',
      'Junior25$118,000$109,500 to $125,000$115,000 to $191,000Glassdoor (Rust developer, US average and common range), 20268170',
      'Principal2$118,000$109,500 to $125,000–No band for this level–––',
    ])
    expect(screen.getByText(/No benchmark band for principal: nothing is drawn/)).toBeTruthy()
  })

  it('says in words which level has no band of its own, and links to where one is added', async () => {
    mockFetch({
      [ENDPOINT]: () =>
        json(
          200,
          salary({
            by_level: [
              levelSalary('junior', 25),
              levelSalary('staff', 11, null),
              levelSalary('principal', 2, null),
            ],
          }),
        ),
    })
    open()
    const notice = await screen.findByTestId('missing-bands')
    expect(notice.textContent).toMatch(
      /^No benchmark band for staff and principal: add one in Settings\./,
    )
    const link = within(notice).getByRole('link', { name: 'add one in Settings' })
    expect(link.getAttribute('href')).toBe('/settings/benchmarks')
  })

  it('lists the hires it is given, and says when they are only some of them', async () => {
    const unbanded = {
      application_id: 'APP-000011',
      level: 'staff',
      salary: 230_000,
      band_midpoint: null,
      compa_ratio: null,
      compa_ratio_reason: 'No benchmark band for staff',
    }
    mockFetch({ [ENDPOINT]: () => json(200, salary({ hires: [...salary().hires, unbanded] })) })
    open()
    await screen.findByTestId('salary-summary')
    const hires = panel('Offers per hire')
    const rows = within(hires).getAllByRole('row')
    expect(rows).toHaveLength(4)
    expect(rows[3]!.textContent).toBe('APP-000011Staff$230,000No band for this level')
    expect(within(hires).getByTestId('hires-scope').textContent).toContain(
      '2 of the 152 hires with a band are listed',
    )
    expect(downloadMenus(hires)).toEqual([['CSV']])
  })

  it('says so when a hiring manager has no hire of their own in the selection', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, salary({ hires: [] })) })
    open()
    await screen.findByTestId('salary-summary')
    expect(
      within(panel('Offers per hire')).getByText(/No hire in this selection to list/),
    ).toBeTruthy()
  })

  it('writes a filter change into the URL', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, salary()) })
    const router = open('/salary?level=junior')
    await screen.findByTestId('salary-summary')
    fireEvent.change(screen.getByRole('combobox', { name: 'Hire type' }), {
      target: { value: 'contract' },
    })
    expect(router.state.location.search).toBe('?level=junior&hire_type=contract')
  })

  it('says when no offer matches the filters', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, salary({ by_level: [], hires: [] })) })
    open('/salary?level=principal')
    expect(await screen.findByText(/No offers with a salary match these filters/)).toBeTruthy()
  })

  it('says retention is not known yet when hires have a compa-ratio but no outcome', async () => {
    const data: Salary = salary({
      retention_by_compa_ratio: salary().retention_by_compa_ratio.map((band) => ({
        ...band,
        n_outcome: 0,
        retained: 0,
        retention_rate: null,
        retention_rate_ci: null,
        insufficient: true,
      })),
    })
    mockFetch({ [ENDPOINT]: () => json(200, data) })
    open()
    await screen.findByTestId('salary-summary')
    expect(
      within(panel('Did hires paid below the midpoint stay less?')).getByText(
        /retention is not known yet/,
      ),
    ).toBeTruthy()
  })

  it('gives panels without data their own state, and keeps a broken panel to itself', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const data: Salary = salary({
      compa_ratio: { n: 0, min: null, q1: null, median: null, q3: null, max: null, mean: null },
      compa_histogram: [],
      retention_by_compa_ratio: [
        {
          ...salary().retention_by_compa_ratio[0]!,
          n_outcome: 0,
          retained: 0,
          retention_rate: null,
          retention_rate_ci: null,
          insufficient: true,
        },
      ],
      hires: null as unknown as Salary['hires'],
    })
    mockFetch({ [ENDPOINT]: () => json(200, data) })
    open()
    await screen.findByTestId('salary-summary')
    expect(
      within(panel('Compa-ratio of hires')).getByText(/^No hire in this selection has an offer/),
    ).toBeTruthy()
    // The reason is the missing compa-ratio, not the outcomes.
    expect(
      within(panel('Did hires paid below the midpoint stay less?')).getByText(
        /^No hire in this selection has a compa-ratio: none has an offer and a benchmark band/,
      ),
    ).toBeTruthy()
    expect(within(panel('Offers per hire')).getByRole('alert').textContent).toContain(
      'Offers per hire could not be shown.',
    )
    expect(offering(downloadMenus(panel('Offers against benchmark bands')), 'CSV')).toBe(1)
  })
})
