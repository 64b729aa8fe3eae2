// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  hasAnyValidity,
  retentionByHalfYear,
  timeToHireByHalfYear,
  trendSentences,
  validityByHalfYear,
  validityOverTimeCsv,
} from '../../web/src/features/loop-effectiveness/components/validity-over-time-data'
import { ValidityOverTimePanel } from '../../web/src/features/loop-effectiveness/components/validity-over-time-panel'
import { halfYear, validityOverTime } from './loop-effectiveness-fixture'
import { useChartEnvironment } from './render-view'

describe('validity over time, shaped for the charts', () => {
  it('draws a series per area with only the half-years that have an r', () => {
    const data = validityByHalfYear(validityOverTime())
    expect(data.rows.map((row) => row.key)).toEqual(['2024-H2', '2025-H1', '2025-H2'])
    expect(data.series.map((series) => series.label)).toEqual(['Ownership & lifetimes', 'Judgment'])
    expect(Object.keys(data.series[0]!.estimates)).toEqual(['2024-H2', '2025-H1'])
    expect(Object.keys(data.series[1]!.estimates)).toEqual(['2024-H2'])
    expect(data.series[0]!.estimates['2024-H2']).toEqual({ value: 0.1, ci: [-0.15, 0.32] })
    // A half-year below the floor in every area is named, not left as a silent gap.
    expect(data.missing).toEqual(['2025-H2'])
  })

  it('shapes time to hire and retention by half-year with their intervals', () => {
    const response = validityOverTime()
    expect(timeToHireByHalfYear(response).series[0]!.estimates['2025-H1']).toEqual({
      value: 30,
      ci: [26, 35],
    })
    // Three hires are no finding: drawn hollow.
    expect(retentionByHalfYear(response).series[0]!.estimates['2025-H2']).toEqual({
      value: 1,
      ci: [0.44, 1],
      hollow: true,
    })
    expect(retentionByHalfYear(response).series[0]!.estimates['2025-H1']!.hollow).toBeUndefined()
  })

  it('says in words whether the loop is getting better, one sentence per figure', () => {
    const sentences = trendSentences(validityOverTime())
    expect(sentences).toHaveLength(4)
    expect(sentences.every((sentence) => /cannot tell yet/.test(sentence))).toBe(true)
    // With no area compared at all, one sentence says so for every area.
    const response = validityOverTime()
    const uncompared = validityOverTime({
      trends: {
        ...response.trends,
        areas: response.trends.areas.map((trend) => ({ ...trend, from: null, to: null })),
      },
    })
    expect(trendSentences(uncompared)).toHaveLength(3)
    expect(trendSentences(uncompared)[0]).toMatch(/^No area has two half-years/)
  })

  it('writes a CSV line per half-year and area, with empty cells where there is no r', () => {
    const lines = validityOverTimeCsv(validityOverTime()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'half_year,area,n,stayed,left,r,r_ci_lower,r_ci_upper,accepted_offers,median_time_to_hire_days,median_ci_lower,median_ci_upper,hires_with_outcome,retained,retention,retention_ci_lower,retention_ci_upper',
    )
    expect(lines).toHaveLength(7)
    expect(lines[4]).toBe('2025-H1,judgment,12,8,4,,,,40,30,26,35,60,45,0.75,0.63,0.84')
  })
})

describe('ValidityOverTimePanel', () => {
  useChartEnvironment()

  it('draws r, time to hire and retention by half-year, the words and the table', () => {
    render(<ValidityOverTimePanel response={validityOverTime()} />)
    const trends = screen.getByTestId('timeline-trends')
    expect(within(trends).getAllByRole('listitem')).toHaveLength(4)
    expect(trends.textContent).toMatch(/Ownership & lifetimes: the intervals overlap/)
    expect(document.querySelector('[data-chart="validity-by-half-year"] svg')).toBeTruthy()
    expect(document.querySelector('[data-chart="time-to-hire-by-half-year"] svg')).toBeTruthy()
    expect(document.querySelector('[data-chart="retention-by-half-year"] svg')).toBeTruthy()
    expect(screen.getByText(/No r for 2025-H2: too few hires, or withheld\./)).toBeTruthy()
    const rows = within(screen.getByTestId('timeline-table')).getAllByRole('row')
    expect(rows).toHaveLength(4)
    expect(within(rows[1]!).getByText('.10 (-.15 to .32), n = 60')).toBeTruthy()
    expect(within(rows[2]!).getByText('–, n = 12').getAttribute('title')).toMatch(/Too few hires/)
    expect(within(rows[3]!).getByText('100% (44% to 100%), 3 of 3 (insufficient)')).toBeTruthy()
    expect(screen.getByRole('button', { name: /Download/ })).toBeTruthy()
  })

  it('shows no r at all when no half-year reaches the floor, and says why', () => {
    const thin = validityOverTime({
      halves: [halfYear('2025-H1', [null, null]), halfYear('2025-H2', [null, null])],
    })
    expect(hasAnyValidity(thin)).toBe(false)
    render(<ValidityOverTimePanel response={thin} />)
    expect(screen.getByTestId('timeline-too-few').textContent).toMatch(
      /^No half-year has enough hires/,
    )
    expect(document.querySelector('[data-chart="validity-by-half-year"]')).toBeNull()
  })

  it('says so when there are no half-years', () => {
    render(<ValidityOverTimePanel response={validityOverTime({ halves: [] })} />)
    expect(screen.getByText('No applications in this selection, so no half-years.')).toBeTruthy()
  })
})
