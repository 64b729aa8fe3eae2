// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SourceRates, Sources } from '../../web/src/features/sources/api/get-sources'
import {
  sourceChartData,
  sourceComparison,
  sourcesCsv,
} from '../../web/src/features/sources/components/sources-data'
import { SourcesView } from '../../web/src/features/sources/components/sources-view'
import { downloadMenus } from './download-menu'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'

const ENDPOINT = 'GET /api/analytics/sources'

function source(
  key: string,
  hire: [hired: number, decided: number, ci: [number, number]],
  retention: [retained: number, withOutcome: number, ci: [number, number]],
): SourceRates {
  const [hired, decided, hireCi] = hire
  const [retained, withOutcome, retentionCi] = retention
  return {
    key,
    name: key,
    decided,
    hired,
    hire_rate: hired / decided,
    hire_rate_ci: hireCi,
    n_outcome: withOutcome,
    retained,
    retention_rate: retained / withOutcome,
    retention_rate_ci: retentionCi,
    insufficient: withOutcome < 30,
  }
}

// Wilson 95% intervals of these counts, rounded to 4 places.
const REFERRAL = source('referral', [40, 100, [0.3094, 0.498]], [36, 40, [0.7695, 0.9604]])
const INBOUND = source('inbound', [30, 200, [0.1071, 0.2061]], [25, 30, [0.6644, 0.9266]])
const AGENCY = source('agency', [12, 60, [0.1183, 0.3178]], [8, 12, [0.3906, 0.8619]])

function sources(groups: SourceRates[], disclosure: Partial<Sources['disclosure']> = {}): Sources {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [], ...disclosure },
    groups,
  }
}

const open = (entry = '/sources') => renderView('/sources', <SourcesView />, entry)

describe('sourceComparison', () => {
  it('says which sources differ only where the 95% intervals do not overlap', () => {
    expect(sourceComparison([REFERRAL, INBOUND, AGENCY], 'hire')).toBe(
      'Referral has the highest hire rate, 40% (95% CI 31%–50%) of 100 decided applications; its interval lies above that of Inbound (lowest: Inbound at 15% (95% CI 11%–21%)). Agency cannot be told apart from Referral.',
    )
  })

  it('claims no difference when the intervals overlap, and leaves out small retention groups', () => {
    expect(sourceComparison([REFERRAL, INBOUND, AGENCY], 'retention')).toBe(
      "No source's twelve-month retention can be told apart from another's: the 95% intervals of the highest, Referral at 90% (95% CI 77%–96%), and the lowest, Inbound at 83% (95% CI 66%–93%), overlap. Sources with fewer than 30 hires with a known outcome, or whose figures are withheld, are not compared.",
    )
    expect(sourceComparison([REFERRAL, AGENCY], 'retention')).toMatch(
      /^Fewer than two sources have a twelve-month retention to compare\./,
    )
  })

  it('draws a row per source with its count, greyed where retention has too few hires', () => {
    const { rows, series } = sourceChartData([REFERRAL, AGENCY], 'retention')
    expect(rows).toEqual([
      { key: 'referral', label: 'Referral (40)', muted: false },
      { key: 'agency', label: 'Agency (12)', muted: true },
    ])
    expect(series[0]!.estimates.agency).toEqual({ value: 8 / 12, ci: [0.3906, 0.8619] })
    const withheld = { ...AGENCY, retained: null, retention_rate: null, retention_rate_ci: null }
    expect(sourceChartData([withheld], 'retention').rows[0]!.label).toBe(
      'Agency (12) · no rate shown',
    )
    expect(sourcesCsv([AGENCY]).split('\r\n')[1]).toBe(
      'agency,60,12,0.2,0.1183,0.3178,12,8,0.6666666666666666,0.3906,0.8619,true',
    )
  })
})

describe('SourcesView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: ENDPOINT,
    answer: () => sources([REFERRAL]),
    open,
    failed: 'The rates by source could not be loaded.',
    drawn: 'sources-table',
  })

  it('draws both charts with a download menu each, the sentences and the table', async () => {
    const calls = mockFetch({ [ENDPOINT]: () => json(200, sources([REFERRAL, INBOUND, AGENCY])) })
    open('/sources?level=senior&from=2025-01-01&to=2025-12-31')
    expect(await screen.findByTestId('sources-hire-summary')).toBeTruthy()
    expect(screen.getByTestId('sources-retention-summary').textContent).toMatch(/^No source's/)
    expect(document.querySelectorAll('[data-series="hire-rate"]')).toHaveLength(3)
    expect(document.querySelectorAll('[data-series="retention-rate"]')).toHaveLength(3)
    expect(downloadMenus()).toEqual([
      ['CSV', 'SVG', 'PNG'],
      ['CSV', 'SVG', 'PNG'],
    ])
    const rows = within(screen.getByTestId('sources-table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual([
      'Referral10040%31%–50%40 of 1004090%77%–96%36 of 40',
      'Inbound20015%11%–21%30 of 2003083%66%–93%25 of 30',
      'Agency6020%12%–32%12 of 6012fewer than 3067%39%–86%8 of 12',
    ])
    expect(calls[0]!.query.get('from')).toBe('2025-01-01')
    expect(calls[0]!.query.get('level')).toBe('senior')
  })

  it('shows a withheld rate as withheld, with the server’s reason', async () => {
    const reason =
      "agency: retention is withheld, as fewer than 10 of other managers' hires stayed, or fewer than 10 left."
    const withheldAgency = {
      ...AGENCY,
      retained: null,
      retention_rate: null,
      retention_rate_ci: null,
    }
    mockFetch({
      [ENDPOINT]: () =>
        json(
          200,
          sources([REFERRAL, withheldAgency], {
            restricted: true,
            floor: 10,
            notes: ['Shown: applications of 2025 (asked: 2025-02-01 to 2025-03-31).'],
            withheld: [{ figure: 'groups.agency.retention_rate', reason }],
          }),
        ),
    })
    open()
    const notice = await screen.findByRole('note', { name: 'How these figures are limited' })
    expect(notice.textContent).toContain('Shown: applications of 2025')
    expect(notice.textContent).toContain(reason)
    expect(document.querySelector('[data-series="retention-rate"][data-row="agency"]')).toBeNull()
    const agency = screen.getByTestId('sources-table').querySelector('tr[data-source="agency"]')!
    expect(within(agency as HTMLElement).getByTitle(reason).textContent).toBe('withheld')
  })

  it('says the figures are withheld when the server hides every source', async () => {
    const reason =
      "Sources: withheld, as one holds fewer than 10 of other managers' applications, and the others would give it away."
    mockFetch({
      [ENDPOINT]: () =>
        json(
          200,
          sources([], { restricted: true, floor: 10, withheld: [{ figure: 'groups', reason }] }),
        ),
    })
    open()
    const state = await screen.findByRole('status')
    expect(state.textContent).toContain(reason)
    expect(screen.queryByTestId('sources-table')).toBeNull()
  })

  it('says in words when no source has a retention shown, instead of an empty chart', async () => {
    const hidden = (group: SourceRates) => ({
      ...group,
      retained: null,
      retention_rate: null,
      retention_rate_ci: null,
    })
    mockFetch({ [ENDPOINT]: () => json(200, sources([hidden(REFERRAL), hidden(INBOUND)])) })
    open()
    const state = await screen.findByTestId('sources-retention-summary')
    expect(state.textContent).toMatch(/^No source has a twelve-month retention shown/)
    expect(document.querySelectorAll('[data-series="retention-rate"]')).toHaveLength(0)
    expect(downloadMenus()).toHaveLength(1)
  })
})
