import { describe, expect, it } from 'vitest'
import { incrementalValidity } from '../../api/analytics/incremental-validity'
import type { CompleteCase } from '../../api/analytics/retention-model'

/** Cases where the second area goes with staying and the third is the same for everyone. */
function cases(n: number): CompleteCase[] {
  return Array.from({ length: n }, (_, i) => {
    const first = 1 + ((i * 7) % 4)
    const second = 1 + (Math.floor(i / 4) % 4)
    const outcome: 0 | 1 = (second + ((i * 5) % 3)) % 4 >= 1 ? 1 : 0
    return { scores: [first, second, 3], outcome }
  })
}

describe('incrementalValidity', () => {
  it('compares nothing without enough cases, and says why for every area', () => {
    const result = incrementalValidity(['a', 'b', 'c'], cases(3))
    expect(result.full_cv_auc).toBeNull()
    expect(result.areas.map((area) => area.p)).toEqual([null, null, null])
    expect(result.areas.every((area) => area.not_computable === result.message)).toBe(true)
  })

  it('leaves out an area every hire scored the same, by name, and tests the others', () => {
    const result = incrementalValidity(['a', 'b', 'c'], cases(120))
    expect(result.message).toBeNull()
    const [first, second, constant] = result.areas
    expect(constant!.p).toBeNull()
    expect(constant!.not_computable).toMatch(/^Not in the model: every hire used has the same c/)
    for (const area of [first!, second!]) {
      expect(area.lr_chisq).toBeGreaterThanOrEqual(0)
      expect(area.p).toBeGreaterThan(0)
      expect(area.cv_auc_difference).toBeCloseTo(area.cv_auc_with! - area.cv_auc_without!, 12)
    }
  })
})
