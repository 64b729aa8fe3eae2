import { describe, expect, it } from 'vitest'
import { stratifiedFolds } from '../../api/analytics/cross-validation'
import { Random } from '../../api/analytics/random'

function syntheticOutcomes(n: number, share: number, seed: number): (0 | 1)[] {
  const random = new Random(seed)
  return Array.from({ length: n }, () => (random.chance(share) ? 1 : 0))
}

/** Count of observations of each class in each fold: counts[fold][outcome]. */
function classCounts(outcomes: readonly (0 | 1)[], assignment: number[], folds: number) {
  const counts = Array.from({ length: folds }, () => [0, 0])
  assignment.forEach((fold, i) => {
    counts[fold]![outcomes[i]!]! += 1
  })
  return counts
}

function spread(values: number[]): number {
  return Math.max(...values) - Math.min(...values)
}

describe('stratifiedFolds', () => {
  it('deals each class as evenly as possible', () => {
    for (const [n, share, folds] of [
      [103, 0.3, 5],
      [50, 0.08, 10],
      [7, 0.5, 3],
      [1000, 0.62, 7],
    ] as const) {
      const outcomes = syntheticOutcomes(n, share, n)
      const assignment = stratifiedFolds(outcomes, folds, 1)
      expect(assignment).toHaveLength(n)
      const counts = classCounts(outcomes, assignment, folds)
      expect(spread(counts.map((count) => count[0]!))).toBeLessThanOrEqual(1)
      expect(spread(counts.map((count) => count[1]!))).toBeLessThanOrEqual(1)
      expect(spread(counts.map((count) => count[0]! + count[1]!))).toBeLessThanOrEqual(1)
    }
  })

  it('gives the exact shares on a hand-worked case', () => {
    // 7 zeros over 3 folds: 3, 2, 2; 5 ones continue the deal at fold 1: 1, 2, 2 → sizes 4, 4, 4
    const outcomes: (0 | 1)[] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]
    const counts = classCounts(outcomes, stratifiedFolds(outcomes, 3, 9), 3)
    expect(counts).toEqual([
      [3, 1],
      [2, 2],
      [2, 2],
    ])
  })

  it('is deterministic for a seed and changes with the seed', () => {
    const outcomes = syntheticOutcomes(200, 0.4, 3)
    expect(stratifiedFolds(outcomes, 5, 17)).toEqual(stratifiedFolds(outcomes, 5, 17))
    expect(stratifiedFolds(outcomes, 5, 18)).not.toEqual(stratifiedFolds(outcomes, 5, 17))
  })

  it('stays valid with more folds than observations', () => {
    const outcomes: (0 | 1)[] = [1, 0, 1]
    const assignment = stratifiedFolds(outcomes, 10, 4)
    expect(assignment).toHaveLength(3)
    // one observation per fold: no fold gets two while others sit empty
    expect(new Set(assignment).size).toBe(3)
    for (const fold of assignment) {
      expect(Number.isInteger(fold)).toBe(true)
      expect(fold).toBeGreaterThanOrEqual(0)
      expect(fold).toBeLessThan(10)
    }
  })

  it('handles one class only, one fold, one observation and none', () => {
    const allSuccesses: (0 | 1)[] = [1, 1, 1, 1, 1]
    const counts = classCounts(allSuccesses, stratifiedFolds(allSuccesses, 2, 1), 2)
    expect(counts.map((count) => count[1])).toEqual([3, 2])
    expect(stratifiedFolds([0, 1, 1, 0], 1, 5)).toEqual([0, 0, 0, 0])
    expect(stratifiedFolds([1], 5, 5)).toEqual([0])
    expect(stratifiedFolds([], 5, 5)).toEqual([])
  })

  it('rejects a fold count that is not a whole number ≥ 1 and outcomes other than 0 or 1', () => {
    expect(() => stratifiedFolds([0, 1], 0, 1)).toThrow(RangeError)
    expect(() => stratifiedFolds([0, 1], 2.5, 1)).toThrow(RangeError)
    const untyped = JSON.parse('[0, 1, 2]') as (0 | 1)[]
    expect(() => stratifiedFolds(untyped, 2, 1)).toThrow(RangeError)
  })
})
