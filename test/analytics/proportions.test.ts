import { describe, expect, it } from 'vitest'
import {
  fisherExactTwoSided,
  logFactorial,
  logGamma,
  wilsonInterval,
} from '../../api/analytics/proportions'

type Table = [[number, number], [number, number]]

function binomial(n: number, k: number): bigint {
  let result = 1n
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i)
  return result
}

/** numerator / denominator as a double, via a decimal string so tiny ratios keep their digits. */
function ratioToNumber(numerator: bigint, denominator: bigint): number {
  const shift = denominator.toString().length - numerator.toString().length + 30
  return Number(`${(numerator * 10n ** BigInt(shift)) / denominator}e-${shift}`)
}

/** Fisher's two-sided p in exact integer arithmetic: an independent reference. */
function exactFisher([[a, b], [c, d]]: Table): number {
  const row1 = a + b
  const row2 = c + d
  const column1 = a + c
  const low = Math.max(0, row1 - (b + d))
  const high = Math.min(row1, column1)
  // C(row1, x) · C(row2, column1 − x), each binomial stepped on from the previous x
  const ways: bigint[] = []
  let fromRow1 = binomial(row1, low)
  let fromRow2 = binomial(row2, column1 - low)
  for (let x = low; x <= high; x++) {
    ways.push(fromRow1 * fromRow2)
    fromRow1 = (fromRow1 * BigInt(row1 - x)) / BigInt(x + 1)
    const k = column1 - x
    fromRow2 = k === 0 ? 0n : (fromRow2 * BigInt(k)) / BigInt(row2 - k + 1)
  }
  const observed = ways[a - low]!
  let asExtreme = 0n
  for (const w of ways) if (w <= observed) asExtreme += w
  return ratioToNumber(asExtreme, binomial(row1 + row2, column1))
}

describe('logGamma and logFactorial', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14)
    expect(logGamma(2)).toBeCloseTo(0, 14)
    // Γ(½) = √π
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14)
    // Γ(5) = 4! = 24
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14)
    // Γ(0.1) = 9.513507698668732, below ½ through the reflection formula
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 13)
    // Γ(x) ≈ 1/x − γ near 0
    expect(logGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649 * 1e-8, 12)
  })

  it('satisfies Γ(x + 1) = x Γ(x) far from the origin', () => {
    for (const x of [3.7, 150.25, 1000.5, 123456.5]) {
      expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 9)
    }
  })

  it('gives log n! as a sum of logs and, for large n, the Stirling series', () => {
    expect(logFactorial(0)).toBe(0)
    expect(logFactorial(1)).toBe(0)
    // 10! = 3628800
    expect(logFactorial(10)).toBeCloseTo(Math.log(3628800), 13)
    let sumOfLogs = 0
    for (let k = 2; k <= 170; k++) sumOfLogs += Math.log(k)
    expect(logFactorial(170) / sumOfLogs).toBeCloseTo(1, 13)
    // n ln n − n + ½ ln 2πn + 1/12n − 1/360n³, error below 1e-18 at n = 10000
    const n = 10000
    const stirling =
      n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3)
    expect(Math.abs(logFactorial(n) - stirling)).toBeLessThan(1e-9)
  })

  it('rejects arguments outside its domain', () => {
    expect(() => logGamma(0)).toThrow(RangeError)
    expect(() => logGamma(-1)).toThrow(RangeError)
    expect(() => logGamma(Number.NaN)).toThrow(RangeError)
    expect(() => logFactorial(2.5)).toThrow(RangeError)
    expect(() => logFactorial(-1)).toThrow(RangeError)
  })
})

describe('wilsonInterval', () => {
  const z = 1.959963984540054

  it('is symmetric about ½ for 5 of 10', () => {
    // z² / n = .3841459; centre = (.5 + .1920729) / 1.3841459 = .5;
    // half = z · √(.5·.5/10 + .3841459/40) / 1.3841459 = 1.959964 · .1860206 / 1.3841459 = .2634069
    const [lower, upper] = wilsonInterval(5, 10)!
    expect(lower).toBeCloseTo(0.2365931, 7)
    expect(upper).toBeCloseTo(0.7634069, 7)
  })

  it('matches the classic 81 of 263 example (binom.wilson: .2552885, .3662096)', () => {
    // p̂ = .3079848, z²/n = .0146063, centre = (.3079848 + .0073032) / 1.0146063 = .3107490;
    // half = z · √(.00081038 + .00001388) / 1.0146063 = 1.959964 · .02871 / 1.0146063 = .0554605
    const [lower, upper] = wilsonInterval(81, 263)!
    expect(lower).toBeCloseTo(0.2552885, 7)
    expect(upper).toBeCloseTo(0.3662096, 7)
  })

  it('uses the requested confidence', () => {
    // 90%: z = 1.6448536, z² / 20 = .13527717, centre = (.15 + .06763859) / 1.13527717 = .19170524,
    // half = 1.6448536 · √(.15·.85/20 + .13527717/80) / 1.13527717 = .13012283
    const [lower, upper] = wilsonInterval(3, 20, 0.9)!
    expect(lower).toBeCloseTo(0.19170524 - 0.13012283, 7)
    expect(upper).toBeCloseTo(0.19170524 + 0.13012283, 7)
  })

  it('pins the bound at 0 with no successes and at 1 with all successes', () => {
    // upper = (z²/n) / (1 + z²/n) = .3841459 / 1.3841459 = .2775328
    expect(wilsonInterval(0, 10)).toEqual([0, expect.closeTo(0.2775328, 7)])
    expect(wilsonInterval(10, 10)).toEqual([expect.closeTo(1 - 0.2775328, 7), 1])
    // n = 1, one success: lower = 1 / (1 + z²) = 1 / 4.8414588 = .2065493
    expect(wilsonInterval(1, 1)).toEqual([expect.closeTo(1 / (1 + z * z), 12), 1])
    expect(wilsonInterval(0, 1)).toEqual([0, expect.closeTo(z ** 2 / (1 + z ** 2), 12)])
  })

  it('is null with no trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1, 2, 1)).toThrow(RangeError)
  })

  it('stays within [0, 1] and contains p̂ for every count', () => {
    for (let successes = 0; successes <= 50; successes++) {
      const [lower, upper] = wilsonInterval(successes, 50)!
      expect(lower).toBeGreaterThanOrEqual(0)
      expect(upper).toBeLessThanOrEqual(1)
      expect(lower).toBeLessThanOrEqual(successes / 50)
      expect(upper).toBeGreaterThanOrEqual(successes / 50)
    }
  })
})

describe('fisherExactTwoSided', () => {
  it('gives 34/70 for the tea-tasting table', () => {
    // margins 4, 4 / 4, 4: P(a) = C(4,a)·C(4,4−a) / 70 = 1, 16, 36, 16, 1 (/70);
    // observed a = 3 (16/70); tables as or less likely: 1 + 16 + 16 + 1 = 34
    expect(
      fisherExactTwoSided([
        [3, 1],
        [1, 3],
      ]),
    ).toBeCloseTo(34 / 70, 12)
  })

  it('gives 7462/2704156 = .002759 for [[1, 9], [11, 3]]', () => {
    // rows 10, 14, first column 12, C(24, 12) = 2704156; C(10,a)·C(14,12−a) for a = 0..10:
    // 91, 3640, 45045, 240240, 630630, 864864, 630630, 240240, 45045, 3640, 91;
    // observed a = 1 (3640): 91 + 3640 + 3640 + 91 = 7462
    const p = fisherExactTwoSided([
      [1, 9],
      [11, 3],
    ])
    expect(p).toBeCloseTo(7462 / 2704156, 12)
    expect(p).toBeCloseTo(0.002759, 6)
  })

  it('gives 2/C(20, 10) for a perfectly separated table', () => {
    // only a = 0 and a = 10 have probability 1/184756
    expect(
      fisherExactTwoSided([
        [10, 0],
        [0, 10],
      ]),
    ).toBeCloseTo(2 / 184756, 15)
    expect(
      fisherExactTwoSided([
        [10, 0],
        [0, 10],
      ]) /
        (2 / 184756),
    ).toBeCloseTo(1, 10)
  })

  it('is 1 when the table is as likely as any', () => {
    // margins 1, 1 / 1, 1: both tables have probability ½
    expect(
      fisherExactTwoSided([
        [1, 0],
        [0, 1],
      ]),
    ).toBe(1)
    expect(
      fisherExactTwoSided([
        [2, 2],
        [2, 2],
      ]),
    ).toBe(1)
  })

  it('is 1 with a zero margin or an empty table', () => {
    expect(
      fisherExactTwoSided([
        [0, 0],
        [3, 4],
      ]),
    ).toBe(1)
    expect(
      fisherExactTwoSided([
        [0, 5],
        [0, 7],
      ]),
    ).toBe(1)
    expect(
      fisherExactTwoSided([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(1)
    expect(
      fisherExactTwoSided([
        [5, 0],
        [0, 0],
      ]),
    ).toBe(1)
  })

  it('does not depend on which way round the table is written', () => {
    const p = fisherExactTwoSided([
      [7, 2],
      [3, 9],
    ])
    expect(
      fisherExactTwoSided([
        [7, 3],
        [2, 9],
      ]),
    ).toBeCloseTo(p, 14)
    expect(
      fisherExactTwoSided([
        [3, 9],
        [7, 2],
      ]),
    ).toBeCloseTo(p, 14)
    expect(
      fisherExactTwoSided([
        [2, 7],
        [9, 3],
      ]),
    ).toBeCloseTo(p, 14)
  })

  it('agrees with exact integer arithmetic on small tables', () => {
    const tables: Table[] = [
      [
        [7, 2],
        [3, 9],
      ],
      [
        [0, 12],
        [5, 6],
      ],
      [
        [20, 15],
        [8, 30],
      ],
      [
        [1, 1],
        [1, 30],
      ],
    ]
    for (const table of tables) {
      expect(fisherExactTwoSided(table) / exactFisher(table)).toBeCloseTo(1, 10)
    }
  })

  it('handles counts in the thousands, with tiny p keeping their relative accuracy', () => {
    const moderate: Table = [
      [480, 520],
      [510, 490],
    ]
    expect(fisherExactTwoSided(moderate)).toBeCloseTo(exactFisher(moderate), 10)
    const extreme: Table = [
      [1200, 1800],
      [1500, 1500],
    ]
    const exact = exactFisher(extreme)
    expect(exact).toBeLessThan(1e-13)
    expect(fisherExactTwoSided(extreme) / exact).toBeCloseTo(1, 8)
  })

  it('underflows to 0 rather than NaN when p is below the smallest double', () => {
    expect(
      fisherExactTwoSided([
        [10000, 0],
        [0, 10000],
      ]),
    ).toBe(0)
  })

  it('rejects negative or fractional counts', () => {
    expect(() =>
      fisherExactTwoSided([
        [-1, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError)
    expect(() =>
      fisherExactTwoSided([
        [1.5, 2],
        [3, 4],
      ]),
    ).toThrow(RangeError)
  })
})
