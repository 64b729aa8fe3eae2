// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LoopEffectivenessView } from '../../web/src/features/loop-effectiveness/components/loop-effectiveness-view'
import { apiError, json, mockFetch, type FetchCall } from './fetch-mock'
import {
  composite,
  fittedModel,
  loopTime,
  loopTimeWithheld,
  MINUTES_WITHHELD,
  modelResponse,
  TOTAL_WITHHELD,
  unfittedModel,
  validityOverTime,
} from './loop-effectiveness-fixture'
import { renderView as renderRoute, useChartEnvironment } from './render-view'
import { areaRow, validity } from './validity-fixture'
import { incrementalValidity, panelSizing } from './panel-sizing-fixture'
import { downloadMenus, offering } from './download-menu'

// A busy machine may take longer than vi.waitFor's one second to render an answer.
const WAIT = { timeout: 10_000 }

const WITHHELD =
  'Organisation-wide figures are shown to hiring managers over at least 10 hires; this filter has 3. Widen the filter to take in more hires.'

const VALIDITY = 'GET /api/analytics/validity'
const MODEL = 'GET /api/analytics/model'
const COMPOSITE = 'GET /api/analytics/composite'
const LOOP_TIME = 'GET /api/analytics/loop-time'
const INCREMENTAL = 'GET /api/analytics/incremental-validity'
const PANEL_SIZING = 'GET /api/analytics/panel-sizing'
const OVER_TIME = 'GET /api/analytics/validity-over-time'

const AREAS = [
  areaRow({ key: 'ownership', name: 'Ownership & lifetimes', r: 0.05, q: 0.6 }),
  areaRow({ key: 'concurrency', name: 'Fearless concurrency', r: 0.1, q: 0.4 }),
  areaRow(),
]

type Answers = Parameters<typeof mockFetch>[0]

const everyPanel: Answers = {
  [VALIDITY]: () => json(200, validity(AREAS)),
  [MODEL]: () => json(200, modelResponse(fittedModel())),
  [COMPOSITE]: (call) =>
    json(
      200,
      composite(
        call.query.has('weights')
          ? {
              proposed: {
                weights: { ownership: 0, concurrency: 0.5, judgment: 0.5 },
                validity: {
                  n: 108,
                  r: 0.3,
                  r_ci: [0.1, 0.46],
                  auc: 0.71,
                  auc_ci: [0.6, 0.82],
                  cv_auc: 0.69,
                },
              },
            }
          : {},
      ),
    ),
  [LOOP_TIME]: () => json(200, loopTime()),
  [INCREMENTAL]: () => json(200, incrementalValidity()),
  [PANEL_SIZING]: () => json(200, panelSizing()),
  [OVER_TIME]: () => json(200, validityOverTime()),
}

function renderView(answers: Answers, entry = '/') {
  const calls = mockFetch(answers)
  const router = renderRoute('/', <LoopEffectivenessView />, entry)
  return { router, calls }
}

const panel = (name: string) => screen.getByRole('region', { name })
const MODEL_PANEL = 'All areas together: the multivariable model'
const COMPOSITE_PANEL = 'Composite weights: current, suggested and what-if'
const LOOP_TIME_PANEL = 'Loop time beside validity'
const INCREMENTAL_PANEL = 'What each area adds beyond the others'
const PANEL_SIZING_PANEL = 'Panel sizing: how many interviewers each area needs'
const OVER_TIME_PANEL = 'Validity over time: is the loop getting better?'

describe('LoopEffectivenessView', () => {
  afterEach(() => {
    vi.useRealTimers()
  })
  useChartEnvironment()

  it("shows the server's reason in every panel it withholds from a hiring manager", async () => {
    const withheld = () => apiError(403, 'forbidden', WITHHELD)
    renderView(
      {
        [VALIDITY]: withheld,
        [MODEL]: withheld,
        [COMPOSITE]: withheld,
        [LOOP_TIME]: withheld,
        [INCREMENTAL]: withheld,
        [PANEL_SIZING]: withheld,
        [OVER_TIME]: withheld,
      },
      '/?as_of=2023-06-01',
    )
    await vi.waitFor(() => expect(screen.getAllByRole('status')).toHaveLength(7))
    for (const state of screen.getAllByRole('status')) {
      expect(state.textContent).toContain('not shown to you for this selection')
      expect(state.textContent).toContain(WITHHELD)
    }
    // Retrying would get the same answer: the filters are the way forward.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy()
  })

  it('shows each panel loading on its own', () => {
    const never = () => new Promise<Response>(() => undefined)
    renderView({
      [VALIDITY]: never,
      [MODEL]: never,
      [COMPOSITE]: never,
      [LOOP_TIME]: never,
      [INCREMENTAL]: never,
      [PANEL_SIZING]: never,
      [OVER_TIME]: never,
    })
    expect(screen.getByText('Computing validity…')).toBeTruthy()
    expect(within(panel(MODEL_PANEL)).getByText('Fitting the model…')).toBeTruthy()
    expect(within(panel(COMPOSITE_PANEL)).getByText('Scoring the composites…')).toBeTruthy()
    expect(within(panel(LOOP_TIME_PANEL)).getByText('Adding up interview minutes…')).toBeTruthy()
    expect(
      within(panel(INCREMENTAL_PANEL)).getByText('Fitting the models with and without each area…'),
    ).toBeTruthy()
    expect(
      within(panel(PANEL_SIZING_PANEL)).getByText('Measuring how far interviewers agree…'),
    ).toBeTruthy()
    expect(within(panel(OVER_TIME_PANEL)).getByText('Computing the half-years…')).toBeTruthy()
  })

  it('keeps the other panels when one fails, and retries only that one', async () => {
    let modelFails = true
    const { calls } = renderView({
      ...everyPanel,
      [MODEL]: () =>
        modelFails
          ? apiError(400, 'invalid_request', 'The model broke.')
          : json(200, modelResponse(fittedModel())),
    })
    const alert = await within(panel(MODEL_PANEL)).findByRole('alert')
    expect(alert.textContent).toContain('The model could not be loaded.')
    expect(alert.textContent).toContain('The model broke.')
    await screen.findByTestId('validity-summary')
    await screen.findByTestId('composite-summary')
    await screen.findByTestId('loop-time-summary')
    modelFails = false
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByTestId('model-summary')
    expect(calls.filter((call) => call.path === '/api/analytics/model')).toHaveLength(2)
    expect(calls.filter((call) => call.path === '/api/analytics/validity')).toHaveLength(1)
  })

  it('draws every panel with its numbers and downloads', async () => {
    renderView(everyPanel)
    expect((await screen.findByTestId('model-summary')).textContent).toMatch(
      /^Holding the other areas fixed, higher scores in Judgment/,
    )
    expect(screen.getByTestId('model-cv-auc').textContent).toBe('0.71')
    expect(screen.getByText('0.55 · 0.84 · 0.79 · 0.72 · 0.66')).toBeTruthy()
    const model = panel(MODEL_PANEL)
    expect(within(model).getAllByRole('row')).toHaveLength(4)
    expect(offering(downloadMenus(model), 'PNG')).toBe(1)
    await screen.findByTestId('incremental-summary')
    await screen.findByTestId('panel-sizing-summary')
    expect(offering(downloadMenus(), 'CSV')).toBe(6)
    expect(offering(downloadMenus(panel(PANEL_SIZING_PANEL)), 'PNG')).toBe(1)
    const rows = within(panel(COMPOSITE_PANEL)).getAllByRole('row')
    expect(rows.map((row) => row.getAttribute('data-composite')).filter(Boolean)).toEqual([
      'current',
      'suggested',
      'proposed',
    ])
    expect(screen.getByTestId('loop-time-summary').textContent).toContain(
      'takes 50% of interview minutes',
    )
    // Two panels on the same rows; the typical band only on the ownership row.
    const loopTimeChart = panel(LOOP_TIME_PANEL).querySelector('svg.loop-time-chart__drawing')!
    expect(loopTimeChart.textContent).toContain('Share of loop minutes')
    expect(loopTimeChart.textContent).toContain('Corrected validity (r) with 95% CI')
    expect(
      [...loopTimeChart.querySelectorAll('.loop-time-chart__typical')].map((band) =>
        band.getAttribute('data-area'),
      ),
    ).toEqual(['ownership'])
  })

  it('says in words why an unfitted model has no odds ratios', async () => {
    renderView({
      ...everyPanel,
      [MODEL]: () =>
        json(
          200,
          modelResponse(
            unfittedModel(
              'separation',
              'Some hires are predicted perfectly (separation): the odds ratios are not finite.',
            ),
          ),
        ),
    })
    const summary = await screen.findByTestId('model-summary')
    expect(summary.textContent).toMatch(/cannot be estimated.*No odds ratios are shown\.$/)
    const model = panel(MODEL_PANEL)
    expect(within(model).queryByRole('table')).toBeNull()
    expect(downloadMenus(model)).toEqual([])
    expect(within(model).queryByText('AUC, cross-validated')).toBeNull()
  })

  it('shows the empty states of panels with nothing to show', async () => {
    renderView({
      ...everyPanel,
      [VALIDITY]: () => json(200, validity([], { n_applications: 0 })),
      [MODEL]: () => json(200, modelResponse(unfittedModel('insufficient', 'No hires.'))),
      [LOOP_TIME]: () => json(200, loopTime({ total_minutes: 0 })),
    })
    // No filter is set: there are no applications yet, and the filters are not to blame.
    await screen.findByText(/^No applications yet\. Import your data on the Import page/)
    expect(screen.queryByText(/match these filters/)).toBeNull()
    await within(panel(LOOP_TIME_PANEL)).findByText(/No interview minutes are recorded/)
  })

  it("shows which areas' interview minutes are withheld from a hiring manager, and why", async () => {
    renderView({ ...everyPanel, [LOOP_TIME]: () => json(200, loopTimeWithheld()) })
    const summary = await screen.findByTestId('loop-time-summary', undefined, WAIT)
    expect(summary.textContent).toBe(TOTAL_WITHHELD)
    const loop = panel(LOOP_TIME_PANEL)
    const cells = (name: RegExp) =>
      within(within(loop).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    const judgment = within(loop).getByRole('row', { name: /^Judgment/ })
    expect(within(judgment).getByText(MINUTES_WITHHELD)).toBeTruthy()
    // Minutes, share, minutes per loop: withheld; the validity is still shown.
    expect(cells(/^Judgment/).slice(0, 4)).toEqual(['–', '–', '–', '.30'])
    expect(cells(/^Ownership/).slice(0, 3)).toEqual(['2,000', '–', '50.0'])
    expect(within(loop).getByRole('row', { name: /^Ownership/ }).textContent).not.toContain(
      MINUTES_WITHHELD,
    )
    const chart = loop.querySelector('svg.loop-time-chart__drawing')!
    expect(chart.querySelectorAll('[data-series="share"]')).toHaveLength(3)
    expect(chart.textContent).toContain('withheld')
    expect(chart.textContent).not.toMatch(/NaN|no minutes|\b0%/)
  })

  it('sends an edited weight once typing pauses, keeps it in the URL and shows the proposal', async () => {
    const { router, calls } = renderView(everyPanel, '/?level=senior')
    const input = await screen.findByLabelText('Your weight for Judgment')
    expect((input as HTMLInputElement).value).toBe('0.5')
    // Real timers: a react-query notification scheduled under fake timers and left there when
    // they are switched off would never fire, and the answer would never be drawn.
    fireEvent.change(input, { target: { value: '0.9' } })
    fireEvent.change(input, { target: { value: '1' } })
    expect(screen.getByTestId('weight-sum').textContent).toBe('1.50')
    const compositeCalls = (list: FetchCall[]) =>
      list.filter((call) => call.path === '/api/analytics/composite')
    expect(compositeCalls(calls)).toHaveLength(1)
    const expected = 'ownership:0.2,concurrency:0.3,judgment:1'
    await vi.waitFor(
      () => expect(new URLSearchParams(router.state.location.search).get('weights')).toBe(expected),
      WAIT,
    )
    await vi.waitFor(() => expect(compositeCalls(calls)).toHaveLength(2), WAIT)
    expect(compositeCalls(calls)[1]!.query.get('weights')).toBe(expected)
    expect(compositeCalls(calls)[1]!.query.get('level')).toBe('senior')
    const proposed = await vi.waitFor(() => {
      const row = panel(COMPOSITE_PANEL).querySelector('tr[data-composite="proposed"]')!
      expect(row.textContent).toContain('0.71')
      return row
    }, WAIT)
    expect(proposed.textContent).toContain('0.69')
  })

  it('names the field that is wrong and sends nothing until it is fixed', async () => {
    const { calls } = renderView(everyPanel)
    const input = await screen.findByLabelText('Your weight for Fearless concurrency')
    fireEvent.change(input, { target: { value: '-1' } })
    const alert = await within(panel(COMPOSITE_PANEL)).findByRole('alert')
    expect(alert.textContent).toBe('Fearless concurrency: a weight cannot be negative.')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    for (const name of ['Ownership & lifetimes', 'Fearless concurrency', 'Judgment']) {
      fireEvent.change(screen.getByLabelText(`Your weight for ${name}`), { target: { value: '0' } })
    }
    expect(within(panel(COMPOSITE_PANEL)).getByRole('alert').textContent).toBe(
      'Give at least one area a weight above 0: all are 0 now.',
    )
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(calls.filter((call) => call.path === '/api/analytics/composite')).toHaveLength(1)
  })

  it('opens a shared link with its proposal in the editor and in the request', async () => {
    const { calls } = renderView(everyPanel, '/?weights=ownership:0,concurrency:0.5,judgment:0.5')
    const input = await screen.findByLabelText('Your weight for Fearless concurrency')
    expect((input as HTMLInputElement).value).toBe('0.5')
    expect(
      calls.find((call) => call.path === '/api/analytics/composite')!.query.get('weights'),
    ).toBe('ownership:0,concurrency:0.5,judgment:0.5')
  })
})
