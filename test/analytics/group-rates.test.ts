import { describe, expect, it } from 'vitest'
import {
  countApplication,
  emptyCounts,
  groupRates,
  type GroupCounts,
} from '../../api/analytics/group-rates'

describe('countApplication', () => {
  it('counts hires and those not hired as decided, and known outcomes; undecided is not', () => {
    const counts = emptyCounts()
    countApplication(counts, 'hired', 1)
    countApplication(counts, 'hired', 0)
    countApplication(counts, 'hired', null)
    countApplication(counts, 'not hired', null)
    countApplication(counts, 'not hired', null)
    countApplication(counts, null, null)
    // decided: 3 hired + 2 not hired = 5; hired 3; outcomes 1 and 0 → 2 known, 1 stayed
    expect(counts).toEqual({ decided: 5, hired: 3, withOutcome: 2, retained: 1 })
  })

  it('leaves the counts empty for undecided applications only', () => {
    const counts = emptyCounts()
    countApplication(counts, null, null)
    countApplication(counts, null, null)
    expect(counts).toEqual({ decided: 0, hired: 0, withOutcome: 0, retained: 0 })
  })

  it('starts from fresh counts each time', () => {
    const first = emptyCounts()
    countApplication(first, 'hired', 1)
    expect(emptyCounts()).toEqual({ decided: 0, hired: 0, withOutcome: 0, retained: 0 })
  })
})

describe('groupRates', () => {
  const groups = new Map<string, GroupCounts>([
    ['c', { decided: 10, hired: 0, withOutcome: 0, retained: 0 }],
    ['a', { decided: 10, hired: 4, withOutcome: 4, retained: 3 }],
    ['d', { decided: 0, hired: 0, withOutcome: 0, retained: 0 }],
    ['b', { decided: 40, hired: 35, withOutcome: 30, retained: 24 }],
  ])
  const rates = groupRates(groups)

  it('sorts the largest group first, ties by key', () => {
    // decided 40, 10, 10, 0; a before c at 10
    expect(rates.map((rate) => rate.key)).toEqual(['b', 'a', 'c', 'd'])
  })

  it('computes hire and retention rates with Wilson intervals', () => {
    const [b, a] = rates
    // b: 35 / 40 = 0.875 hired, 24 / 30 = 0.8 stayed
    expect(b).toMatchObject({
      decided: 40,
      hired: 35,
      hire_rate: 0.875,
      n_outcome: 30,
      retained: 24,
      retention_rate: 0.8,
    })
    // Wilson 35/40: [0.738879, 0.945405]; 24/30: [0.626943, 0.904949]
    expect(b!.hire_rate_ci![0]).toBeCloseTo(0.738879, 5)
    expect(b!.hire_rate_ci![1]).toBeCloseTo(0.945405, 5)
    expect(b!.retention_rate_ci![0]).toBeCloseTo(0.626943, 5)
    expect(b!.retention_rate_ci![1]).toBeCloseTo(0.904949, 5)
    // a: 4 / 10 = 0.4 hired (Wilson [0.168180, 0.687326]), 3 / 4 = 0.75 stayed ([0.300642, 0.954413])
    expect(a).toMatchObject({ hire_rate: 0.4, retention_rate: 0.75 })
    expect(a!.hire_rate_ci![0]).toBeCloseTo(0.16818, 5)
    expect(a!.hire_rate_ci![1]).toBeCloseTo(0.687326, 5)
    expect(a!.retention_rate_ci![0]).toBeCloseTo(0.300642, 5)
    expect(a!.retention_rate_ci![1]).toBeCloseTo(0.954413, 5)
  })

  it('marks retention as insufficient below 30 hires with an outcome', () => {
    // b has exactly 30: sufficient; a has 4, c and d none
    expect(rates.map((rate) => rate.insufficient)).toEqual([false, true, true, true])
  })

  it('gives a zero rate with a one-sided interval when no one was hired', () => {
    const c = rates[2]!
    expect(c.hire_rate).toBe(0)
    // Wilson 0/10: [0, 0.277533]
    expect(c.hire_rate_ci![0]).toBe(0)
    expect(c.hire_rate_ci![1]).toBeCloseTo(0.277533, 5)
    expect(c.retention_rate).toBeNull()
    expect(c.retention_rate_ci).toBeNull()
  })

  it('gives null rates for a group with nothing decided', () => {
    expect(rates[3]).toEqual({
      key: 'd',
      decided: 0,
      hired: 0,
      hire_rate: null,
      hire_rate_ci: null,
      n_outcome: 0,
      retained: 0,
      retention_rate: null,
      retention_rate_ci: null,
      insufficient: true,
    })
    expect(JSON.stringify(rates)).not.toMatch(/NaN|Infinity/)
  })

  it('returns nothing for no groups and one row for one group', () => {
    expect(groupRates(new Map())).toEqual([])
    const counts = emptyCounts()
    countApplication(counts, 'hired', 1)
    countApplication(counts, 'not hired', null)
    const [only, ...rest] = groupRates(new Map([['solo', counts]]))
    // 1 of 2 decided hired, 1 of 1 stayed
    expect(rest).toEqual([])
    expect(only).toMatchObject({ key: 'solo', hire_rate: 0.5, retention_rate: 1 })
    expect(only!.retention_rate_ci![1]).toBe(1)
  })
})
