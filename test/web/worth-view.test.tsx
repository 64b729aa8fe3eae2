// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Expectancy } from '../../web/src/features/worth/api/get-expectancy'
import type { Utility } from '../../web/src/features/worth/api/get-utility'
import { WorthView } from '../../web/src/features/worth/components/worth-view'
import {
  expectancyCsv,
  expectancyRows,
  utilityInputRows,
} from '../../web/src/features/worth/components/worth-data'
import { downloadMenus } from './download-menu'
import { apiError, json, mockFetch } from './fetch-mock'
import { renderView, useChartEnvironment } from './render-view'
import fixture from './worth-fixture.json'

// Answers of the real API on the reference data set (what-if weights judgment-heavy).
const expectancy = () => structuredClone(fixture.expectancy) as unknown as Expectancy
const utility = () => structuredClone(fixture.utility) as unknown as Utility

const EXPECTANCY = 'GET /api/analytics/expectancy'
const UTILITY = 'GET /api/analytics/utility'

const open = (entry = '/worth') => renderView('/worth', <WorthView />, entry)
const panel = (name: string) => screen.getByRole('region', { name })

describe('WorthView', () => {
  useChartEnvironment()
  it("shows the server's reason when it withholds the dollar figure, beside the chart", async () => {
    const reason = "Withheld: fewer than 10 of other managers' hires have left."
    mockFetch({
      [EXPECTANCY]: () => json(200, expectancy()),
      [UTILITY]: () => apiError(403, 'forbidden', reason),
    })
    open()
    expect(await screen.findByTestId('taylor-russell')).toBeTruthy()
    const state = await within(panel('The loop in dollars a year')).findByRole('status')
    expect(state.textContent).toContain(reason)
  })

  it("shows the server's reason when it withholds the expectancy, and the dollar figure beside it", async () => {
    const reason =
      "Withheld: fewer than 10 hires of other managers' requisitions scored in every area stayed twelve months, or fewer than 10 left within them, so the figures could describe single people."
    mockFetch({
      [EXPECTANCY]: () => apiError(403, 'forbidden', reason),
      [UTILITY]: () => json(200, utility()),
    })
    open()
    expect(await screen.findByTestId('utility-summary')).toBeTruthy()
    const state = await within(panel('Who stays, by composite score')).findByRole('status')
    expect(state.textContent).toContain(reason)
    expect(screen.queryByTestId('taylor-russell')).toBeNull()
  })

  it('shows the Taylor–Russell sentence, the bands and the dollar figure with every input', async () => {
    const calls = mockFetch({
      [EXPECTANCY]: () => json(200, expectancy()),
      [UTILITY]: () => json(200, utility()),
    })
    open('/worth?sdy_share=0.4&hourly_cost=100')
    expect((await screen.findByTestId('taylor-russell')).textContent).toMatch(
      /82% of hires stayed twelve months; picking at random from the same applicants, about 36% would have/,
    )
    expect((await screen.findByTestId('utility-summary')).textContent).toMatch(
      /^The loop adds about \$2,656,000 a year over hiring at random \(95% interval \$1,116,000 to \$3,386,000\)/,
    )
    expect(screen.getByTestId('utility-suggested').textContent).toMatch(/cannot tell yet/)
    const inputs = within(panel('The loop in dollars a year')).getAllByRole('row')
    expect(inputs.map((row) => row.textContent)).toContain(
      'C, interview cost per applicant$327196 interviewer minutes per loop at $100 an hour',
    )
    expect(downloadMenus(panel('Who stays, by composite score'))).toEqual([['CSV', 'SVG', 'PNG']])
    expect(downloadMenus(panel('The loop in dollars a year'))).toEqual([['CSV']])
    const utilityCall = calls.find((call) => call.path === '/api/analytics/utility')!
    expect(utilityCall.query.get('sdy_share')).toBe('0.4')
    expect(utilityCall.query.get('hourly_cost')).toBe('100')
  })

  it('puts edited inputs in the link and asks again with them', async () => {
    const calls = mockFetch({
      [EXPECTANCY]: () => json(200, expectancy()),
      [UTILITY]: () => json(200, utility()),
    })
    const router = open()
    await screen.findByTestId('utility-summary')
    const form = screen.getByRole('form', { name: 'Inputs of the dollar figure' })
    fireEvent.change(within(form).getByLabelText(/Interviewer cost per hour/), {
      target: { value: '150' },
    })
    fireEvent.click(within(form).getByRole('button', { name: 'Recompute' }))
    await screen.findByTestId('utility-summary')
    expect(router.state.location.search).toBe('?hourly_cost=150')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls.some((call) => call.query.get('hourly_cost') === '150')).toBe(true)
  })

  it('says why the interview cost and the dollar gains are withheld, and keeps what does not rest on them', async () => {
    const minutes =
      "Judgment: interviewer minutes and every figure made of them withheld, as fewer than 10 loops of other managers' requisitions recorded minutes in it, or 1 to 9 more or fewer than in another answer you can get."
    const cost =
      "The minutes per loop, the interview cost per applicant and each weighting's dollar gain over random hiring are withheld: the cost adds up every area's minutes, and those of Judgment are withheld. What other weights would add against the current ones does not rest on the cost, and is shown."
    const answer = utility()
    const withoutGain = <Scenario extends { gain: number | null }>(scenario: Scenario) => ({
      ...scenario,
      gain: null,
      gain_ci: null,
    })
    const withheld: Utility = {
      ...answer,
      disclosure: {
        restricted: true,
        floor: 10,
        notes: [],
        withheld: [
          { figure: 'areas.judgment.minutes', reason: minutes },
          { figure: 'inputs.cost_per_applicant', reason: cost },
        ],
      },
      inputs: { ...answer.inputs, minutes_per_loop: null, cost_per_applicant: null },
      current: { ...withoutGain(answer.current), sentence: cost },
      suggested: answer.suggested && withoutGain(answer.suggested),
      what_if: answer.what_if && withoutGain(answer.what_if),
    }
    mockFetch({ [EXPECTANCY]: () => json(200, expectancy()), [UTILITY]: () => json(200, withheld) })
    open()
    expect((await screen.findByTestId('utility-summary')).textContent).toBe(cost)
    expect(screen.getByTestId('utility-suggested').textContent).toMatch(/cannot tell yet/)
    const dollars = panel('The loop in dollars a year')
    expect(within(dollars).getByRole('note').textContent).toContain(minutes)
    const rows = within(dollars)
      .getAllByRole('row')
      .map((row) => row.textContent)
    expect(rows).toContain(`C, interview cost per applicantwithheld${cost}`)
    const scenarios = rows.filter((row) => /^(Current|Suggested|What-if) weights/.test(row))
    expect(scenarios).toHaveLength(3)
    for (const row of scenarios) expect(row).toMatch(/withheldwithheld$/)
    expect(dollars.textContent).not.toMatch(/NaN|\$0\b/)
  })

  it('draws only the composite curve when a restricted answer withholds the shares', async () => {
    const withheld = expectancy()
    withheld.bands = withheld.bands.map((band) => ({
      ...band,
      n: 0,
      stayed: 0,
      share_stayed: null,
      share_ci: null,
      expected: null,
      withheld: 'Withheld: too few hires.',
    }))
    mockFetch({ [EXPECTANCY]: () => json(200, withheld), [UTILITY]: () => json(200, utility()) })
    open()
    await screen.findByTestId('taylor-russell')
    expect(screen.getByText(/Shares per band are withheld here/)).toBeTruthy()
  })
})

describe('worth selectors', () => {
  it('turns Wilson intervals into error-bar distances', () => {
    const rows = expectancyRows(expectancy().bands)
    expect(rows[0]!.observed).toBeNull()
    expect(rows[0]!.errorY).toEqual([0, 0])
    const band = expectancy().bands[1]!
    expect(rows[1]!.errorY[0]).toBeCloseTo(band.share_stayed! - band.share_ci![0], 12)
    expect(rows[1]!.errorY[1]).toBeCloseTo(band.share_ci![1] - band.share_stayed!, 12)
  })

  it('writes the numbers behind the chart as CSV', () => {
    const lines = expectancyCsv(expectancy().bands).trim().split('\r\n')
    expect(lines[0]).toBe(
      'band,hires_with_outcome,stayed,share_stayed,ci_lower,ci_upper,model_expected,composite_curve,curve_ci_lower,curve_ci_upper',
    )
    expect(lines).toHaveLength(5)
  })

  it('names every input of the dollar figure', () => {
    expect(utilityInputRows(utility()).map(([label]) => label)).toEqual([
      'SD_y, value spread of a year of work',
      'C, interview cost per applicant',
      'T, expected tenure',
      'N_a, applicants scored',
      'N_s, hires',
      'SR, selection ratio',
    ])
  })
})
