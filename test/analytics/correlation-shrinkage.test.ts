import { describe, expect, it } from 'vitest'
import { shrinkCorrelations } from '../../api/analytics/correlation-shrinkage'

describe('shrinkCorrelations', () => {
  it('shrinks nothing with fewer than two estimates, and says so', () => {
    const result = shrinkCorrelations([{ r: 0.3, n: 80 }], 0.2)
    expect(result.betweenVariance).toBeNull()
    expect(result.shrunk).toEqual([null])
    expect(result.note).toMatch(/Fewer than two questions/)
  })

  it('shrinks nothing when a correlation is ±1 or rests on three hires or fewer', () => {
    expect(
      shrinkCorrelations(
        [
          { r: 1, n: 40 },
          { r: 0.1, n: 40 },
        ],
        0.2,
      ).shrunk,
    ).toEqual([null, null])
    expect(
      shrinkCorrelations(
        [
          { r: 0.2, n: 3 },
          { r: 0.1, n: 40 },
        ],
        0.2,
      ).betweenVariance,
    ).toBe(null)
  })

  it('pulls a small question further toward the centre than a large one', () => {
    const { shrunk, betweenVariance } = shrinkCorrelations(
      [
        { r: 0.6, n: 40 },
        { r: 0.6, n: 400 },
        { r: -0.2, n: 400 },
      ],
      0.2,
    )
    expect(betweenVariance).toBeGreaterThan(0)
    expect(shrunk[0]!.weight).toBeLessThan(shrunk[1]!.weight)
    expect(shrunk[0]!.r).toBeLessThan(shrunk[1]!.r)
    expect(shrunk[0]!.r).toBeGreaterThan(0.2)
    for (const entry of shrunk) expect(entry!.ci[0]).toBeLessThan(entry!.ci[1])
  })
})
