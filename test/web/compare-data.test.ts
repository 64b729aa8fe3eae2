import { describe, expect, it } from 'vitest'
import {
  adjustmentText,
  areaScoreChartData,
  bandText,
  candidateLabel,
  comparisonCsv,
  offerText,
  predictionText,
  requisitionLabel,
  selectionFrom,
  selectionParams,
  shortAreaName,
  toggled,
} from '../../web/src/features/compare/components/compare-data'
import { compared, comparison } from './compare-fixture'

describe('the selection in the URL', () => {
  it('reads the requisition, up to four distinct applications, the status filter and search', () => {
    expect(
      selectionFrom(
        new URLSearchParams('requisition=REQ-1&applications=A,B,,A,C,D,E&status=open&q=ada'),
      ),
    ).toEqual({
      requisitionId: 'REQ-1',
      applicationIds: ['A', 'B', 'C', 'D'],
      status: 'open',
      search: 'ada',
    })
    expect(selectionFrom(new URLSearchParams(''))).toEqual({
      requisitionId: null,
      applicationIds: [],
      status: 'all',
      search: '',
    })
    expect(selectionFrom(new URLSearchParams('status=maybe')).status).toBe('all')
  })

  it('writes back only what is set', () => {
    expect(
      selectionParams({
        requisitionId: 'REQ-1',
        applicationIds: ['A', 'B'],
        status: 'not_hired',
        search: 'turing',
      }),
    ).toEqual({ requisition: 'REQ-1', applications: 'A,B', status: 'not_hired', q: 'turing' })
    expect(
      selectionParams({ requisitionId: null, applicationIds: [], status: 'all', search: '' }),
    ).toEqual({})
  })

  it('names a requisition with its id, as two may share a title', () => {
    expect(requisitionLabel({ id: 'REQ-0007', title: 'Senior Rust Engineer, Payments' })).toBe(
      'Senior Rust Engineer, Payments (REQ-0007)',
    )
    expect(requisitionLabel({ id: 'REQ-0008', title: null })).toBe('REQ-0008')
  })

  it('adds and removes picks, never beyond four', () => {
    expect(toggled(['A'], 'B')).toEqual(['A', 'B'])
    expect(toggled(['A', 'B'], 'A')).toEqual(['B'])
    expect(toggled(['A', 'B', 'C', 'D'], 'E')).toEqual(['A', 'B', 'C', 'D'])
  })
})

describe('the comparison shaped for reading', () => {
  it('groups area means by area with one series per candidate', () => {
    const data = areaScoreChartData(
      comparison([compared('A', 'Ada', [3, 4]), compared('B', 'Bo', [2, null])]),
    )
    expect(data.series.map((series) => series.label)).toEqual(['Ada', 'Bo'])
    expect(new Set(data.series.map((series) => series.colour)).size).toBe(2)
    expect(data.rows).toEqual([
      { area: 'Ownership & lifetimes', candidate0: 3, candidate1: 2 },
      { area: 'Judgment', candidate0: 4, candidate1: null },
    ])
    expect(data.scored).toBe(true)
    expect(areaScoreChartData(comparison([compared('C', 'Cy', [null, null])])).scored).toBe(false)
  })

  it('shortens area names for the axis', () => {
    expect(shortAreaName('Judgment (knowing when Rust is the wrong tool)')).toBe('Judgment')
    expect(shortAreaName('unsafe & FFI')).toBe('unsafe & FFI')
  })

  it('names erased candidates without their name', () => {
    const erased = compared('A', null, [3, 3])
    erased.candidate.erased_at = '2026-02-01T10:00:00.000Z'
    expect(candidateLabel(erased)).toBe('Erased candidate (A)')
  })

  it('gives the estimate with its interval, or the reason there is none', () => {
    expect(predictionText(compared('A', 'Ada', [3, 4]))).toBe('81% (95% CI 70% to 89%)')
    const missing = compared('B', 'Bo', [3, null], {
      predicted_retention: null,
      prediction_note: 'No estimate: not scored in Judgment; the model needs every area.',
    })
    expect(predictionText(missing)).toMatch(/not scored in Judgment/)
  })

  it('holds the offer against the band with its source', () => {
    const data = comparison([])
    const offered = compared('A', 'Ada', [3, 4], {
      offer: {
        salary: 200000,
        currency: 'USD',
        accepted_at: null,
        band_position: 'above',
        compa_ratio: 200000 / 153000,
      },
    })
    expect(offerText(offered, data)).toBe('$200,000: above the band, compa-ratio 1.31')
    expect(offerText(compared('B', 'Bo', [3, 3]), data)).toBe('No offer recorded')
    expect(bandText(data)).toBe('$115,000 to $191,000 (senior; Glassdoor, 2026-01-15)')
  })

  it('writes every compared number to CSV, one line per candidate and area', () => {
    const lines = comparisonCsv(
      comparison([compared('A', 'Ada, Jr', [3, 4]), compared('B', 'Bo', [2, 1])]),
    )
      .trimEnd()
      .split('\r\n')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toBe(
      'application_id,candidate,area,area_weight,area_score,adjusted_area_score,ratings,composite,adjusted_composite,red_flags,offer_salary,band_position,compa_ratio,predicted_retention,ci_lower,ci_upper',
    )
    expect(lines[1]).toBe(
      'A,"Ada, Jr",Ownership & lifetimes,0.15,3,2.75,ana.lee=3,3.1,2.85,unwrap() everywhere ×1,,,,0.81,0.7,0.89',
    )
  })

  it('labels the adjusted scores, names interviewers left unadjusted, and says why none are adjusted', () => {
    const { adjustment } = comparison([])
    expect(adjustmentText(adjustment)).toMatch(
      /^“Adjusted” scores are adjusted for interviewer leniency, shrunk for few ratings: .*as of 2026-03-31/,
    )
    expect(
      adjustmentText({ ...adjustment, unadjusted_interviewers: ['bo.chen', 'cy.ng'] }),
    ).toContain('Not adjusted, as their leniency is not shown to you: bo.chen, cy.ng.')
    const reason = 'Not adjusted for interviewer leniency: fewer than 10 hires.'
    expect(
      adjustmentText({
        status: 'withheld',
        as_of: null,
        note: reason,
        shrinkage: null,
        unadjusted_interviewers: [],
      }),
    ).toBe(reason)
  })
})
