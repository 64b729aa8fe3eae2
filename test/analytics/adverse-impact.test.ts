import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  adverseImpact,
  FOUR_FIFTHS,
  MIN_GROUP_APPLICANTS,
  POOLED_GROUP,
} from '../../api/analytics/adverse-impact'
import { fisherExactTwoSided } from '../../api/analytics/proportions'

describe('adverseImpact', () => {
  const result = adverseImpact([
    { group: 'C', applicants: 20, selected: 6 },
    { group: 'A', applicants: 40, selected: 20 },
    { group: 'B', applicants: 20, selected: 8 },
    { group: 'D', applicants: 30, selected: 9 },
  ])

  it('takes the group with the highest selection rate as the reference', () => {
    // A 20/40 = 0.5, B 8/20 = 0.4, C 6/20 = 0.3, D 9/30 = 0.3
    expect(FOUR_FIFTHS).toBe(0.8)
    expect(result.reference_group).toBe('A')
    expect(result.pooled).toEqual([])
    expect(result.suppressed).toEqual([])
  })

  it('lists the groups largest first with rates and impact ratios', () => {
    // applicants 40, 30, 20, 20: C and B keep their input order at 20
    expect(result.groups.map((group) => group.group)).toEqual(['A', 'D', 'C', 'B'])
    expect(result.groups.map((group) => group.selection_rate)).toEqual([0.5, 0.3, 0.3, 0.4])
    // ratios 0.3 / 0.5 = 0.6 and 0.4 / 0.5 = 0.8; none for the reference itself
    const ratios = result.groups.map((group) => group.impact_ratio)
    expect(ratios[0]).toBeNull()
    expect(ratios[1]).toBeCloseTo(0.6, 12)
    expect(ratios[2]).toBeCloseTo(0.6, 12)
    expect(ratios[3]).toBe(0.8)
  })

  it('flags ratios below four fifths, but not a ratio of exactly 0.8', () => {
    // 0.6 < 0.8 flagged; B at 0.4 / 0.5 = 0.8 exactly is not; the reference never is
    expect(result.groups.map((group) => group.below_four_fifths)).toEqual([
      false,
      true,
      true,
      false,
    ])
  })

  it("tests each group's selection against the reference group's with Fisher's exact test", () => {
    const byName = new Map(result.groups.map((group) => [group.group, group]))
    expect(byName.get('A')!.fisher_p).toBeNull()
    // D: [[9, 21], [20, 20]]
    expect(byName.get('D')!.fisher_p).toBe(
      fisherExactTwoSided([
        [9, 21],
        [20, 20],
      ]),
    )
    expect(byName.get('B')!.fisher_p).toBe(
      fisherExactTwoSided([
        [8, 12],
        [20, 20],
      ]),
    )
  })

  it('matches a hand-computed Fisher p', () => {
    // X 5 of 10 selected against Y 5 of 5: table [[5, 5], [5, 0]], margins 10, 5 and 10, 5;
    // P(x) = C(10, x)·C(5, 10 − x) / C(15, 10) for x = 5 … 10 → 252, 1050, 1200, 450, 50, 1
    // over 3003. Tables no more likely than x = 5 (252): x = 5, 9, 10 → p = 303 / 3003
    const small = adverseImpact([
      { group: 'X', applicants: 10, selected: 5 },
      { group: 'Y', applicants: 5, selected: 5 },
    ])
    expect(small.reference_group).toBe('Y')
    const x = small.groups.find((group) => group.group === 'X')!
    expect(x.fisher_p).toBeCloseTo(303 / 3003, 12)
    // (5/10) / (5/5) = 0.5
    expect(x.impact_ratio).toBeCloseTo(0.5, 12)
    expect(x.below_four_fifths).toBe(true)
  })

  it('matches a hand-computed Fisher p for complete separation', () => {
    // [[0, 5], [5, 0]]: P(0) = P(5) = 1 / C(10, 5) = 1 / 252 → p = 2 / 252
    const split = adverseImpact([
      { group: 'none', applicants: 5, selected: 0 },
      { group: 'all', applicants: 5, selected: 5 },
    ])
    const none = split.groups.find((group) => group.group === 'none')!
    expect(none.fisher_p).toBeCloseTo(2 / 252, 12)
    expect(none.impact_ratio).toBe(0)
    expect(none.below_four_fifths).toBe(true)
  })

  it('breaks a tie for the highest rate by the number of applicants', () => {
    // both 0.5: the larger group is the reference; the other's ratio is 1
    const tie = adverseImpact([
      { group: 'small', applicants: 10, selected: 5 },
      { group: 'large', applicants: 20, selected: 10 },
    ])
    expect(tie.reference_group).toBe('large')
    expect(tie.groups[1]).toMatchObject({
      group: 'small',
      impact_ratio: 1,
      below_four_fifths: false,
      fisher_p: 1,
    })
  })
})

describe('adverseImpact: small groups', () => {
  it('pools groups under five applicants when the pool reaches five, naming them', () => {
    expect(MIN_GROUP_APPLICANTS).toBe(5)
    const result = adverseImpact([
      { group: 'big', applicants: 20, selected: 10 },
      { group: 'ten', applicants: 10, selected: 5 },
      { group: 's2', applicants: 2, selected: 2 },
      { group: 's1', applicants: 3, selected: 3 },
    ])
    // pool: 3 + 2 = 5 applicants, all 5 selected → 1.0, the highest rate; 'ten' has 5 selected
    // and 5 not, enough to stand alone
    expect(result.pooled).toEqual(['s1', 's2'])
    expect(result.suppressed).toEqual([])
    expect(result.reference_group).toBe(POOLED_GROUP)
    expect(result.groups.map((group) => [group.group, group.applicants, group.selected])).toEqual([
      ['big', 20, 10],
      ['ten', 10, 5],
      [POOLED_GROUP, 5, 5],
    ])
    // big and ten 0.5 / 1.0 = 0.5 (flagged)
    expect(result.groups[0]!.impact_ratio).toBeCloseTo(0.5, 12)
    expect(result.groups[1]!.below_four_fifths).toBe(true)
    expect(result.groups[0]!.fisher_p).toBe(
      fisherExactTwoSided([
        [10, 10],
        [5, 0],
      ]),
    )
  })

  it('pools a group with 1 to 4 selected or not selected, whatever its size', () => {
    // 2 of 30 selected: the two could be matched to the hires a viewer knows
    const result = adverseImpact([
      { group: 'big', applicants: 40, selected: 20 },
      { group: 'few selected', applicants: 30, selected: 2 },
      { group: 'few passed over', applicants: 30, selected: 27 },
    ])
    expect(result.groups.map((group) => group.group)).toEqual([POOLED_GROUP, 'big'])
    expect(result.pooled).toEqual(['few passed over', 'few selected'])
    // The pool of both: 60 applicants, 29 selected, 31 not: large enough to show
    expect(result.groups[0]).toMatchObject({ applicants: 60, selected: 29 })
  })

  it('suppresses the small groups when even their pool is under five', () => {
    const result = adverseImpact([
      { group: 'big', applicants: 20, selected: 10 },
      { group: 'y', applicants: 2, selected: 0 },
      { group: 'x', applicants: 2, selected: 2 },
    ])
    // pool 2 + 2 = 4 < 5
    expect(result.pooled).toEqual([])
    expect(result.suppressed).toEqual(['x', 'y'])
    expect(result.groups).toMatchObject([
      {
        group: 'big',
        applicants: 20,
        selected: 10,
        selection_rate: 0.5,
        impact_ratio: null,
        below_four_fifths: false,
        fisher_p: null,
      },
    ])
    expect(result.reference_group).toBe('big')
  })

  it('shows nothing when every group is suppressed', () => {
    const result = adverseImpact([{ group: 'tiny', applicants: 3, selected: 1 }])
    expect(result).toMatchObject({
      groups: [],
      reference_group: null,
      pooled: [],
      suppressed: ['tiny'],
    })
  })
})

describe('adverseImpact: degenerate inputs', () => {
  it('returns nothing for no groups', () => {
    expect(adverseImpact([])).toMatchObject({
      groups: [],
      reference_group: null,
      pooled: [],
      suppressed: [],
    })
  })

  it('compares a single group with nothing', () => {
    const result = adverseImpact([{ group: 'only', applicants: 20, selected: 5 }])
    expect(result.reference_group).toBe('only')
    expect(result.groups).toMatchObject([
      {
        group: 'only',
        applicants: 20,
        selected: 5,
        selection_rate: 0.25,
        impact_ratio: null,
        below_four_fifths: false,
        fisher_p: null,
      },
    ])
  })

  it('gives null impact ratios and no flags when no group selected anyone', () => {
    const result = adverseImpact([
      { group: 'A', applicants: 10, selected: 0 },
      { group: 'B', applicants: 20, selected: 0 },
    ])
    // all rates 0: the larger group is the reference, 0 / 0 ratios are null not NaN
    expect(result.reference_group).toBe('B')
    expect(result.groups.map((group) => group.impact_ratio)).toEqual([null, null])
    expect(result.groups.map((group) => group.below_four_fifths)).toEqual([false, false])
    // Nobody selected anywhere: nothing to test, and each figure says why it is missing.
    expect(result.groups[1]!.fisher_p).toBeNull()
    expect(result.groups[1]!.note).toMatch(/Nobody in the reference group was selected/)
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })

  it('handles groups that all selected everyone', () => {
    const result = adverseImpact([
      { group: 'A', applicants: 6, selected: 6 },
      { group: 'B', applicants: 8, selected: 8 },
    ])
    expect(result.reference_group).toBe('B')
    expect(result.groups[1]).toMatchObject({ group: 'A', impact_ratio: 1, fisher_p: 1 })
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/)
  })
})

describe('adverseImpact: the four-fifths boundary in floating point', () => {
  // BUG: the impact ratio is computed as (selected / applicants) / (reference selected /
  // reference applicants) and compared with `< 0.8`. Exact ratios of 4/5 can round below 0.8:
  // 6/10 = 0.6 against 15/20 = 0.75 gives 0.6 / 0.75 = 0.7999999999999999 in IEEE doubles, so
  // a group exactly at four fifths is flagged (and its impact_ratio shows 0.7999999999999999).
  // Input: [{ group: 'X', applicants: 20, selected: 12 }, { group: 'R', applicants: 40,
  // selected: 30 }]. Computing the ratio as (selected·refApplicants) / (applicants·refSelected)
  // = 480 / 600, or comparing with a small tolerance, would keep 0.8 unflagged.
  it('does not flag a group whose ratio is exactly four fifths (0.6 against 0.75)', () => {
    const result = adverseImpact([
      { group: 'X', applicants: 20, selected: 12 },
      { group: 'R', applicants: 40, selected: 30 },
    ])
    const x = result.groups.find((group) => group.group === 'X')!
    expect(x.below_four_fifths).toBe(false)
  })
})

describe('adverseImpact: practical and statistical significance, against R', () => {
  // Values computed with R by test/fixtures/decide/decide.R.
  const expected = (
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../fixtures/decide/expected.json', import.meta.url)),
        'utf8',
      ),
    ) as {
      impact: {
        table: { group: string; applicants: number; selected: number }[]
        groups: Record<
          string,
          {
            ir: number
            ci: [number, number]
            z: number
            z_p: number
            fisher_p: number
            holm: number
          }
        >
      }
    }
  ).impact
  const result = adverseImpact(expected.table)

  it('matches the impact ratio interval, the Z test, Fisher and Holm for every group', () => {
    for (const [name, wanted] of Object.entries(expected.groups)) {
      const group = result.groups.find((entry) => entry.group === name)!
      expect(group.impact_ratio!, name).toBeCloseTo(wanted.ir, 12)
      expect(group.impact_ratio_ci![0], name).toBeCloseTo(wanted.ci[0], 9)
      expect(group.impact_ratio_ci![1], name).toBeCloseTo(wanted.ci[1], 9)
      expect(group.z_ir!, name).toBeCloseTo(wanted.z, 9)
      expect(group.z_ir_p!, name).toBeCloseTo(wanted.z_p, 9)
      expect(group.fisher_p!, name).toBeCloseTo(wanted.fisher_p, 9)
      expect(group.fisher_p_adjusted!, name).toBeCloseTo(wanted.holm, 9)
    }
  })

  it('flags only a group of at least 30 below four-fifths with an adjusted p under .05', () => {
    const flags = Object.fromEntries(result.groups.map((group) => [group.group, group.flagged]))
    // large: below ⅘ and significant; small: below ⅘, 20 applicants; near: below ⅘, not significant
    expect(flags).toEqual({ reference: false, large: true, small: false, near: false })
    expect(result.groups.find((group) => group.group === 'small')!.below_four_fifths).toBe(true)
    expect(result.comparison_rule).toMatch(/highest selection rate.*Holm/)
  })
})
