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
        impact_ratio_ci: [0.6511, 1.2351],
        z_ir: -0.6566,
        z_ir_p: 0.5115,
        fisher_p: 0.5158,
        fisher_p_adjusted: 0.8234,
        flagged: false,
        note: null,
      },
      {
        group: 'woman',
        applicants: 467,
        selected: 54,
        selection_rate: 54 / 467,
        impact_ratio: null,
        below_four_fifths: false,
        impact_ratio_ci: null,
        z_ir: null,
        z_ir_p: null,
        fisher_p: null,
        fisher_p_adjusted: null,
        flagged: false,
        note: 'The reference group: the others are compared with it.',
      },
      {
        group: 'non_binary',
        applicants: 37,
        selected: 2,
        selection_rate: 2 / 37,
        impact_ratio: 0.4675,
        below_four_fifths: true,
        impact_ratio_ci: [0.1187, 1.8416],
        z_ir: -1.5742,
        z_ir_p: 0.1154,
        fisher_p: 0.4117,
        fisher_p_adjusted: 0.8234,
        flagged: false,
        note: null,
      },
    ],
    comparison_rule: 'Each group is compared with the group with the highest selection rate.',
    min_flag_applicants: 30,
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
    expect(sentence).toContain("Fisher's exact p = .823, Holm-adjusted")
    expect(sentence).toContain('Impact ratio .47 (95% CI .12–1.84)')
    expect(sentence).toContain('Not flagged; worth watching.')
    expect(sentence).toContain('One more selection would move the ratio to .70.')
    expect(groupSentence(data.groups[1]!, data)).toMatch(/^Highest selection rate \(54 of 467/)
  })

  it('calls a flagged group a disparity to look into, without saying why', () => {
    const data = impact()
    const flagged = {
      ...data.groups[2]!,
      fisher_p_adjusted: 0.003,
      flagged: true,
      selected: 12,
    }
    const sentence = groupSentence(flagged, data)
    expect(sentence).toContain('unlikely to be chance alone')
    expect(sentence).toContain('the figures do not say why')
    expect(sentence).not.toContain('One more selection')
  })

  it('does not flag a small group below four-fifths, and says why', () => {
    const data = impact()
    const small = { ...data.groups[2]!, applicants: 12, fisher_p_adjusted: 0.7 }
    const sentence = groupSentence(small, data)
    expect(sentence).toContain('with 12 applicants (fewer than 30)')
    expect(sentence).toContain('not flagged')
    expect(sentence).not.toContain('disparity')
  })

  it('gives the reason a group has no interval', () => {
    const data = impact()
    const none = {
      ...data.groups[2]!,
      selected: 0,
      impact_ratio: 0,
      impact_ratio_ci: null,
      note: 'Nobody in this group was selected: the ratio is 0 and has no log interval.',
    }
    expect(groupSentence(none, data)).toContain('has no log interval')
  })

  it('sums up flags and how many of them are beyond chance', () => {
    expect(fairnessSummary(impact())).toBe(
      "1 of 2 compared groups falls below the four-fifths threshold against woman; none is flagged: for each, the group is smaller than 30 applicants or the gap is within what chance would give (Fisher's exact test, Holm-adjusted, at .05).",
    )
    const flagged = impact({
      groups: impact().groups.map((group) =>
        group.group === 'non_binary' ? { ...group, flagged: true } : group,
      ),
    })
    expect(fairnessSummary(flagged)).toMatch(
      /; flagged, with at least 30 applicants .*: non binary\.$/,
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
      '1343 of 1449 decided applications have a self-identified group and are compared; 106 without one are left out. A hire is an application decided "hired" that had started by the as-of date; hires not yet started are not counted either way.',
    )
    expect(notes[1]).toMatch(/^Each group is compared with the group with the highest/)
    expect(notes[2]).toBe(
      'Too few applicants to show on their own, so pooled into “other groups (pooled)”: two spirit, agender.',
    )
    expect(coverageNotes(impact({ suppressed: ['agender'] }))[2]).toMatch(
      /^Too few applicants even when pooled/,
    )
  })

  it('writes every group as CSV with the reference marked', () => {
    const lines = fairnessCsv(impact()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'group,applicants,selected,selection_rate,impact_ratio,impact_ratio_ci_low,impact_ratio_ci_high,below_four_fifths,z_ir,z_ir_p,fisher_p,fisher_p_holm,flagged,reference',
    )
    expect(lines[2]).toBe(`woman,467,54,${54 / 467},,,,false,,,,,false,true`)
    expect(lines[3]).toBe(
      `non_binary,37,2,${2 / 37},0.4675,0.1187,1.8416,true,-1.5742,0.1154,0.4117,0.8234,false,false`,
    )
  })
})
