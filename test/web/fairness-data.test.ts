import { describe, expect, it } from 'vitest'
import type { AdverseImpact } from '../../web/src/features/fairness/api/get-adverse-impact'
import {
  coverageNotes,
  fairnessCsv,
  fairnessSummary,
  groupSentence,
  impactRatioData,
  selectionRateData,
} from '../../web/src/features/fairness/components/fairness-data'

function impact(overrides: Partial<AdverseImpact> = {}): AdverseImpact {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    applicants: 1449,
    not_stated: 106,
    reference_group: 'woman',
    four_fifths: 0.8,
    groups: [
      {
        group: 'man',
        applicants: 839,
        selected: 87,
        selection_rate: 87 / 839,
        impact_ratio: 0.8968,
        below_four_fifths: false,
        fisher_p: 0.5158,
      },
      {
        group: 'woman',
        applicants: 467,
        selected: 54,
        selection_rate: 54 / 467,
        impact_ratio: null,
        below_four_fifths: false,
        fisher_p: null,
      },
      {
        group: 'non_binary',
        applicants: 37,
        selected: 2,
        selection_rate: 2 / 37,
        impact_ratio: 0.4675,
        below_four_fifths: true,
        fisher_p: 0.4117,
      },
    ],
    pooled: [],
    suppressed: [],
    ...overrides,
  }
}

describe('fairness charts', () => {
  it('puts the reference group at 1 and labels every bar in words, not colour alone', () => {
    const data = impactRatioData(impact())
    expect(data.bars.map((bar) => [bar.label, bar.value, bar.kind, bar.text])).toEqual([
      ['man', 0.8968, 'at_or_above', '.90'],
      ['woman', 1, 'reference', '1 (reference)'],
      ['non binary', 0.4675, 'below', '.47 below ⅘'],
    ])
    expect(data.domain).toEqual([0, 1.4])
    expect(data.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4])
  })

  it('names a group whose ratio is undefined instead of drawing it at zero', () => {
    const none = impact({
      reference_group: 'man',
      groups: impact().groups.map((group) => ({
        ...group,
        selected: 0,
        selection_rate: 0,
        impact_ratio: null,
        below_four_fifths: false,
      })),
    })
    expect(impactRatioData(none).missing).toEqual(['woman', 'non binary'])
  })

  it('labels selection rates with the counts they rest on', () => {
    const data = selectionRateData(impact())
    expect(data.bars.map((bar) => bar.text)).toEqual([
      '87 of 839 (10.4%)',
      '54 of 467 (11.6%)',
      '2 of 37 (5.4%)',
    ])
    expect(data.domain).toEqual([0, 0.2])
  })
})

describe('fairness in words', () => {
  it('never calls a flag without significance a finding, and shows how fragile it is', () => {
    const data = impact()
    const sentence = groupSentence(data.groups[2]!, data)
    expect(sentence).toContain(
      'below the four-fifths threshold, but the gap is not statistically significant',
    )
    expect(sentence).toContain("Fisher's exact p = .412")
    expect(sentence).toContain('A flag to watch, not a finding.')
    expect(sentence).toContain('One more selection would move the ratio to .70.')
    expect(groupSentence(data.groups[1]!, data)).toMatch(/^Highest selection rate \(54 of 467/)
  })

  it('calls a significant flag a disparity to look into, without saying why', () => {
    const data = impact()
    const flagged = { ...data.groups[2]!, fisher_p: 0.003, selected: 12 }
    const sentence = groupSentence(flagged, data)
    expect(sentence).toContain('unlikely to be chance alone')
    expect(sentence).toContain('the figures do not say why')
    expect(sentence).not.toContain('One more selection')
  })

  it('sums up flags and how many of them are beyond chance', () => {
    expect(fairnessSummary(impact())).toBe(
      "1 of 2 compared groups falls below the four-fifths threshold; its gap is within what chance would give (Fisher's exact test at .05).",
    )
    const clean = impact({ groups: impact().groups.slice(0, 2) })
    expect(fairnessSummary(clean)).toBe(
      'No group falls below the four-fifths threshold against woman.',
    )
    expect(fairnessSummary(impact({ groups: [impact().groups[1]!] }))).toMatch(/^Only one group/)
  })

  it('explains who is left out, pooled or suppressed', () => {
    const notes = coverageNotes(impact({ pooled: ['two_spirit', 'agender'], suppressed: [] }))
    expect(notes[0]).toBe(
      '1343 of 1449 decided applications have a self-identified group and are compared; 106 without one are left out.',
    )
    expect(notes[1]).toBe(
      'Too few applicants to show on their own, so pooled into “other groups (pooled)”: two spirit, agender.',
    )
    expect(coverageNotes(impact({ suppressed: ['agender'] }))[1]).toMatch(
      /^Too few applicants even when pooled/,
    )
  })

  it('writes every group as CSV with the reference marked', () => {
    const lines = fairnessCsv(impact()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'group,applicants,selected,selection_rate,impact_ratio,below_four_fifths,fisher_p,reference',
    )
    expect(lines[2]).toBe(`woman,467,54,${54 / 467},,false,,true`)
  })
})
