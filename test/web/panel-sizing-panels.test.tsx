// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { IncrementalValidityPanel } from '../../web/src/features/loop-effectiveness/components/incremental-validity-panel'
import { PanelSizingPanel } from '../../web/src/features/loop-effectiveness/components/panel-sizing-panel'
import {
  incrementalCsv,
  incrementalSentence,
  panelSizingCsv,
  panelSizingSentence,
} from '../../web/src/features/loop-effectiveness/components/panel-sizing-data'
import { useChartEnvironment } from './render-view'
import { incrementalValidity, panelSizing } from './panel-sizing-fixture'

afterEach(cleanup)

describe('PanelSizingPanel', () => {
  useChartEnvironment()

  it('shows reliability now, interviewers needed for .70 and .80 against today, and hours', () => {
    render(<PanelSizingPanel panel={panelSizing()} />)
    const judgment = screen.getByRole('row', { name: /^Judgment/ })
    const cells = within(judgment)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(cells).toEqual(['.47', '2.9', '.72', '3', '5', '25', '18.0', '.019'])
    expect(screen.getByTestId('panel-sizing-summary').textContent).toBe(
      "Below a reliability of .80 with today's panels: Judgment (5 needed, 2.9 today).",
    )
    expect(screen.getByTestId('panel-sizing-notes').textContent).toContain(
      'adds nothing detectable beyond the other areas (LR p = .168). Not detecting it is not proof',
    )
  })

  it('shows no figure for an area whose ratings cannot be measured, and says why', () => {
    const panel = panelSizing()
    panel.areas[1] = {
      ...panel.areas[1]!,
      icc1: null,
      reliability_by_raters: panel.areas[1]!.reliability_by_raters.map((step) => ({
        ...step,
        reliability: null,
      })),
      reliability_today: null,
      raters_needed: [
        { target: 0.7, raters: null, whole_raters: null },
        { target: 0.8, raters: null, whole_raters: null },
      ],
      note: null,
      not_computable: 'No ICC(1): it needs at least two applications rated in the area.',
    }
    render(<PanelSizingPanel panel={panel} />)
    const row = screen.getByRole('row', { name: /^Judgment/ })
    expect(row.className).toContain('is-insufficient')
    expect(within(row).getByText(/No ICC\(1\)/)).toBeTruthy()
    expect(row.textContent).not.toContain('NaN')
  })

  it("says why an area's hours and minutes are not shown where they are withheld", () => {
    const reason =
      "Judgment: interviewer minutes and every figure made of them withheld, as fewer than 10 loops of other managers' requisitions recorded minutes in it, or 1 to 9 more or fewer than in another answer you can get."
    const panel = panelSizing()
    panel.disclosure = {
      restricted: true,
      floor: 10,
      notes: [],
      withheld: [{ figure: 'areas.judgment.minutes', reason }],
    }
    panel.areas[1] = {
      ...panel.areas[1]!,
      minutes_per_loop: null,
      hours_per_quarter: null,
      note: null,
    }
    render(<PanelSizingPanel panel={panel} />)
    const row = screen.getByRole('row', { name: /^Judgment/ })
    expect(within(row).getByText(reason)).toBeTruthy()
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(cells.slice(5, 7)).toEqual(['–', '–'])
    expect(screen.getByRole('row', { name: /^Ownership/ }).textContent).not.toContain(reason)
  })

  it('writes its numbers as CSV', () => {
    const lines = panelSizingCsv(panelSizing().areas).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^area_key,area,icc1,reliability_1_interviewers,/)
    expect(lines[0]).toMatch(/interviewers_for_80_whole,minutes_per_loop,hours_per_quarter,lr_p$/)
    expect(lines[2]).toMatch(/^judgment,Judgment,0\.47,0\.47,/)
  })

  it('says every area reaches .80 only when each does', () => {
    const panel = panelSizing({
      areas: panelSizing().areas.map((area) => ({ ...area, reliability_today: 0.85 })),
    })
    expect(panelSizingSentence(panel)).toBe(
      'Every area measured reaches a reliability of .80 with the panels used today.',
    )
  })
})

describe('IncrementalValidityPanel', () => {
  useChartEnvironment()

  it('shows the LR test, the cross-validated AUC with and without, and what the test says', () => {
    render(<IncrementalValidityPanel response={incrementalValidity()} />)
    const judgment = screen.getByRole('row', { name: /^Judgment/ })
    expect(within(judgment).getByText('5.51')).toBeTruthy()
    expect(within(judgment).getByText('.62 / .57')).toBeTruthy()
    expect(within(judgment).getByText('+.05')).toBeTruthy()
    expect(screen.getByTestId('incremental-summary').textContent).toBe(
      'Judgment (LR p = .019) adds to what the other areas predict. For Ownership & lifetimes the test detects nothing added beyond the others; that is not proof of nothing, and more hires may tell.',
    )
  })

  it("says why an area's minutes per loop are not shown where they are withheld", () => {
    const reason =
      "Judgment: interviewer minutes and every figure made of them withheld, as fewer than 10 loops of other managers' requisitions recorded minutes in it, or 1 to 9 more or fewer than in another answer you can get."
    const response = incrementalValidity()
    response.disclosure = {
      restricted: true,
      floor: 10,
      notes: [],
      withheld: [{ figure: 'areas.judgment.minutes', reason }],
    }
    response.areas[1] = { ...response.areas[1]!, minutes_per_loop: null }
    render(<IncrementalValidityPanel response={response} />)
    const row = screen.getByRole('row', { name: /^Judgment/ })
    expect(within(row).getByText(reason)).toBeTruthy()
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(cells[4]).toBe('–')
    expect(row.textContent).not.toContain('NaN')
    const ownership = screen.getByRole('row', { name: /^Ownership/ })
    expect(ownership.textContent).not.toContain(reason)
    expect(within(ownership).getAllByRole('cell')[4]!.textContent).toBe('97')
  })

  it('names every area that adds, joined as a sentence', () => {
    const response = incrementalValidity()
    response.areas[0] = {
      ...response.areas[0]!,
      p: 0.004,
      adds: 'adds',
    }
    expect(incrementalSentence(response)).toBe(
      'Ownership & lifetimes (LR p = .004) and Judgment (LR p = .019) add to what the other areas predict.',
    )
  })

  it('below the data floor shows no figure, only why', () => {
    const reason =
      'Too few hires to tell: 20 with a known twelve-month outcome (15 stayed, 5 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    const response = incrementalValidity({
      insufficient: true,
      message: reason,
      full_cv_auc: null,
      areas: incrementalValidity().areas.map((area) => ({
        ...area,
        lr_chisq: null,
        p: null,
        cv_auc_with: null,
        cv_auc_without: null,
        cv_auc_difference: null,
        adds: 'cannot_tell' as const,
        finding: `The data cannot tell yet what ${area.name} adds beyond the other areas.`,
      })),
    })
    render(<IncrementalValidityPanel response={response} />)
    expect(screen.getByTestId('incremental-summary').textContent).toBe(reason)
    expect(screen.queryByRole('table')).toBeNull()
    expect(incrementalSentence(response)).toBe(reason)
  })

  it('writes its numbers and findings as CSV', () => {
    const lines = incrementalCsv(incrementalValidity().areas).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'area_key,area,lr_chisq,df,p,cv_auc_with,cv_auc_without,cv_auc_difference,minutes_per_loop,finding',
    )
    expect(lines[2]).toMatch(/^judgment,Judgment,5\.51,1,0\.019,0\.62,0\.57,0\.05,25,/)
  })
})
