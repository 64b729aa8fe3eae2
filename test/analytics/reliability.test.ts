import { describe, expect, it } from 'vitest'
import {
  correctForIndirectRangeRestriction,
  ratersNeeded,
  spearmanBrown,
  wholeRatersNeeded,
} from '../../api/analytics/reliability'

describe('Spearman–Brown', () => {
  it('is the single-rater reliability at one rater and rises with more', () => {
    expect(spearmanBrown(0.5, 1)).toBe(0.5)
    expect(spearmanBrown(0.5, 3)).toBeCloseTo(0.75, 12)
  })

  it('raters needed is its inverse, and the whole number at least one', () => {
    const k = ratersNeeded(0.4, 0.8)!
    expect(spearmanBrown(0.4, k)).toBeCloseTo(0.8, 12)
    expect(k).toBeCloseTo(6, 12)
    expect(wholeRatersNeeded(0.4, 0.8)).toBe(6)
    expect(wholeRatersNeeded(0.9, 0.7)).toBe(1)
  })

  it('no number of raters reaches a target when ratings agree no better than chance', () => {
    expect(ratersNeeded(0, 0.7)).toBeNull()
    expect(ratersNeeded(-0.1, 0.7)).toBeNull()
    expect(wholeRatersNeeded(-0.1, 0.7)).toBeNull()
  })
})

describe('Case IV (indirect range restriction)', () => {
  it('leaves r as it is, but for unreliability, without restriction (u_X = 1)', () => {
    const corrected = correctForIndirectRangeRestriction(0.3, 1, 0.8)
    expect(corrected.defined).toBe(true)
    if (corrected.defined) {
      expect(corrected.r_xxa).toBeCloseTo(0.8, 12)
      expect(corrected.rho).toBeCloseTo(0.3, 12)
    }
  })

  it('corrects upward under restriction, and says why when undefined', () => {
    const corrected = correctForIndirectRangeRestriction(0.2, 0.7, 0.75)
    expect(corrected.defined && corrected.rho > 0.2).toBe(true)
    const unreliable = correctForIndirectRangeRestriction(0.2, 0.7, 0)
    expect(unreliable.defined).toBe(false)
    expect(unreliable.defined ? '' : unreliable.reason).toMatch(/reliability/)
    const spread = correctForIndirectRangeRestriction(0.2, 1.5, 0.5)
    expect(spread.defined).toBe(false)
    expect(spread.defined ? '' : spread.reason).toMatch(/not defined/)
  })
})
