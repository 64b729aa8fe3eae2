// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type {
  InterviewerCalibration,
  Interviewers,
} from '../../web/src/features/interviewers/api/get-interviewers'
import type { InterviewerRatings } from '../../web/src/features/interviewers/api/get-interviewer-ratings'
import { InterviewersView } from '../../web/src/features/interviewers/components/interviewers-view'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'
import { downloadMenus, offering } from './download-menu'

function interviewer(
  name: string,
  leniency: number,
  auc: number,
  auc_shrunk: number | null = 0.6,
): InterviewerCalibration {
  return {
    interviewer: name,
    n_ratings: 20,
    n_compared: 18,
    n_applications_compared: 6,
    leniency,
    leniency_ci: [leniency - 0.1, leniency + 0.1],
    leniency_shrunk: leniency * 0.9,
    shrinkage_weight: 0.9,
    distribution: [
      { rating: 2, count: 8 },
      { rating: 3, count: 12 },
    ],
    n_hires: 32,
    auc,
    auc_ci: [auc - 0.3, Math.min(1, auc + 0.3)],
    auc_variance: 0.02,
    auc_shrunk,
    auc_shrinkage_weight: auc_shrunk === null ? null : 0.2,
    n_stayed: 20,
    n_left: 12,
    auc_note: null,
    insufficient: false,
  }
}

/** An interviewer below the data floor: the answer gives no AUC, and why. */
function belowFloor(name: string, leniency: number): InterviewerCalibration {
  return {
    ...interviewer(name, leniency, 0.5),
    n_hires: 12,
    n_stayed: 9,
    n_left: 3,
    auc: null,
    auc_ci: null,
    auc_variance: null,
    auc_shrunk: null,
    auc_shrinkage_weight: null,
    auc_note: TOO_FEW,
    insufficient: true,
  }
}

const TOO_FEW =
  'Too few hires to tell: 12 with a known twelve-month outcome (9 stayed, 3 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'

const aucCells = (name: string) =>
  within(screen.getByTestId('interviewer-table'))
    .getByRole('row', { name: new RegExp(`^${name.replace('.', '\\.')}`) })
    .querySelectorAll('td')

function interviewers(list: InterviewerCalibration[]): Interviewers {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    interviewers: list,
    leniency_shrinkage: {
      between_variance: 0.05,
      within_variance: 0.5,
      n_interviewers: list.length,
      n_compared: 18 * list.length,
      note: null,
    },
    auc_shrinkage: { pooled: 0.6, between_variance: 0.004, n_estimates: list.length, note: null },
    areas: [
      {
        key: 'ownership',
        name: 'Ownership & lifetimes',
        n_groups: 30,
        n_ratings: 70,
        k0: 2.3,
        msb: 1.2,
        msw: 0.4,
        icc1: 0.46,
      },
    ],
  }
}

const TEAM = [
  interviewer('ana.lee', 0.5, 0.7),
  interviewer('bo.chen', -0.4, 0.55),
  interviewer('cy.ng', 0.02, 0.6),
]

const ratingsPage: InterviewerRatings = {
  interviewer: 'bo.chen',
  total: 1,
  limit: 25,
  offset: 0,
  items: [
    {
      application_id: 'APP-7',
      candidate_name: null,
      requisition_id: 'REQ-1',
      requisition_title: 'Platform engineer',
      level: 'senior',
      area: 'ownership',
      area_name: 'Ownership & lifetimes',
      rating: 2,
      red_flags: [{ key: 'clones_everything', name: 'Clones everything' }],
      interviewed_at: '2026-01-05',
    },
  ],
}

const open = (entry = '/interviewers') =>
  renderView('/interviewers/:handle?', <InterviewersView />, entry)

const rowNames = () =>
  within(screen.getByTestId('interviewer-table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.getAttribute('data-interviewer'))

describe('InterviewersView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: 'GET /api/analytics/interviewers',
    answer: () => interviewers(TEAM),
    open,
    failed: 'The interviewer figures could not be loaded.',
    drawn: 'interviewer-table',
  })

  it('shows it is loading, then the table most lenient first, charts and reliability', async () => {
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers(TEAM)) })
    open()
    expect(screen.getByText('Computing interviewer calibration…')).toBeTruthy()
    await screen.findByTestId('interviewer-table')
    expect(rowNames()).toEqual(['ana.lee', 'cy.ng', 'bo.chen'])
    expect(screen.getByTestId('interviewers-summary').textContent).toBe(
      'Of 3 interviewers, 1 rates higher and 1 rates lower than colleagues on the same candidates, by 95% intervals that exclude zero.',
    )
    expect(screen.getByText(/^Poor agreement: about 46%/)).toBeTruthy()
    const leniencyHeader = screen.getByRole('button', { name: /Leniency, shrunk/ })
    expect(leniencyHeader.closest('th')?.getAttribute('aria-sort')).toBe('descending')
    expect(screen.getByTestId('shrinkage-note').textContent).toMatch(
      /toward the pooled \.60 .* rank by the shrunk figures\.$/,
    )
    expect(offering(downloadMenus(), 'PNG')).toBe(3)
  })

  it('sorts by a column header and keeps the sort in the URL', async () => {
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers(TEAM)) })
    const router = open('/interviewers?level=senior')
    await screen.findByTestId('interviewer-table')
    const byName = screen.getByRole('button', { name: /^Interviewer/ })
    fireEvent.click(byName)
    expect(rowNames()).toEqual(['ana.lee', 'bo.chen', 'cy.ng'])
    expect(router.state.location.search).toBe('?level=senior&sort=interviewer&order=asc')
    expect(byName.closest('th')?.getAttribute('aria-sort')).toBe('ascending')
    fireEvent.click(byName)
    expect(rowNames()).toEqual(['cy.ng', 'bo.chen', 'ana.lee'])
    expect(router.state.location.search).toBe('?level=senior&sort=interviewer&order=desc')
  })

  it('shows raw and shrunk AUC side by side and ranks by the shrunk one', async () => {
    const team = [
      interviewer('ana.lee', 0.5, 0.95, 0.64),
      interviewer('bo.chen', -0.4, 0.7, 0.68),
      interviewer('cy.ng', 0.02, 0.6, null),
    ]
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers(team)) })
    open('/interviewers?sort=auc_shrunk&order=desc')
    await screen.findByTestId('interviewer-table')
    expect(rowNames()).toEqual(['bo.chen', 'ana.lee', 'cy.ng'])
    const ana = within(screen.getByTestId('interviewer-table')).getByRole('row', {
      name: /^ana\.lee/,
    })
    expect(within(ana).getByText('.95')).toBeTruthy()
    expect(within(ana).getByText('.64')).toBeTruthy()
    expect(within(ana).getAllByText('keeps 20%').length).toBeGreaterThan(0)
    expect(
      screen
        .getByRole('button', { name: /AUC, shrunk/ })
        .closest('th')
        ?.getAttribute('aria-sort'),
    ).toBe('descending')
  })

  it('below the data floor shows no AUC, raw or shrunk, in the table or the chart, and says why', async () => {
    const team = [belowFloor('ana.lee', 0.5), interviewer('bo.chen', -0.4, 0.7, 0.68)]
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers(team)) })
    open()
    await screen.findByTestId('interviewer-table')
    const [auc, shrunk] = [...aucCells('ana.lee')].slice(-2)
    expect(auc!.textContent).toBe('–too few hires')
    expect(auc!.querySelector('[title]')?.getAttribute('title')).toBe(TOO_FEW)
    expect(shrunk!.textContent).toBe('–')
    expect(screen.queryByText('insufficient')).toBeNull()
    // Leniency keeps its own figures.
    expect(aucCells('ana.lee')[2]!.textContent).toMatch(/^\+0\.50/)
    const chart = screen.getByRole('region', { name: 'Did their ratings predict who stayed?' })
    expect(chart.textContent).toContain('Not shown, too few hires to tell: ana.lee.')
  })

  it('with every interviewer below the data floor draws no AUC chart, and says why', async () => {
    const team = [belowFloor('ana.lee', 0.5), belowFloor('bo.chen', -0.4)]
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers(team)) })
    open()
    await screen.findByTestId('interviewer-table')
    const chart = screen.getByRole('region', { name: 'Did their ratings predict who stayed?' })
    expect(chart.textContent).toMatch(
      /^Did their ratings predict who stayed\?Too few hires to tell/,
    )
    expect(chart.querySelector('[data-chart="auc"]')).toBeNull()
    expect(offering(downloadMenus(), 'PNG')).toBe(2)
  })

  it("opens an interviewer's ratings from the table, with the filters kept", async () => {
    const calls = mockFetch({
      'GET /api/analytics/interviewers': () => json(200, interviewers(TEAM)),
      'GET /api/interviewers/bo.chen/ratings': () => json(200, ratingsPage),
    })
    const router = open('/interviewers?hire_type=direct')
    await screen.findByTestId('interviewer-table')
    fireEvent.click(screen.getByRole('link', { name: 'bo.chen' }))
    expect(await screen.findByRole('heading', { name: 'Ratings by bo.chen' })).toBe(
      document.activeElement,
    )
    expect(router.state.location.pathname).toBe('/interviewers/bo.chen')
    expect(router.state.location.search).toBe('?hire_type=direct')
    expect(await screen.findByText('APP-7')).toBeTruthy()
    expect(screen.getByText('erased')).toBeTruthy()
    // The rubric's name for the red flag, never its key.
    expect(screen.getByText('Clones everything')).toBeTruthy()
    expect(screen.queryByText(/clones_everything/)).toBeNull()
    expect(screen.getByTestId('ratings-range').textContent).toBe('1–1 of 1')
    const ratingsCall = calls.find((call) => call.path.endsWith('/ratings'))
    expect(ratingsCall).toBeTruthy()
    expect(screen.getByRole('link', { name: 'bo.chen' }).getAttribute('aria-current')).toBe('true')
  })

  it('says when the interviewer has no ratings the viewer may see', async () => {
    mockFetch({
      'GET /api/analytics/interviewers': () => json(200, interviewers(TEAM)),
      'GET /api/interviewers/ana.lee/ratings': () =>
        json(200, { ...ratingsPage, interviewer: 'ana.lee', total: 0, items: [] }),
    })
    open('/interviewers/ana.lee')
    expect(
      await screen.findByText('No ratings by ana.lee that you may see match these filters.'),
    ).toBeTruthy()
  })

  it('says when no interviewer rated anything in the selection', async () => {
    mockFetch({ 'GET /api/analytics/interviewers': () => json(200, interviewers([])) })
    open('/interviewers?level=principal')
    expect(await screen.findByText(/No ratings by interviewers match these filters/)).toBeTruthy()
  })
})
