import { z } from 'zod'
import { correlationTest, intervalSchema, pearson, type Interval } from './correlation'

/**
 * Zou's (2007) interval for the difference of two overlapping dependent correlations, r₁ = r(x, y)
 * and r₂ = r(z, y) on the same n cases, given r₃ = r(x, z): from each correlation's Fisher-z
 * interval (l, u) and the correlation of the two estimates,
 *   c = ((r₃ − r₁r₂/2)(1 − r₁² − r₂² − r₃²) + r₃³) / ((1 − r₁²)(1 − r₂²)),
 *   L = r₁ − r₂ − √((r₁ − l₁)² + (u₂ − r₂)² − 2c(r₁ − l₁)(u₂ − r₂)),
 *   U = r₁ − r₂ + √((u₁ − r₁)² + (r₂ − l₂)² − 2c(u₁ − r₁)(r₂ − l₂)).
 * The difference is told apart from 0 when the interval excludes it.
 */
export function overlappingDifference(
  r1: number,
  interval1: Interval,
  r2: number,
  interval2: Interval,
  r3: number,
): Interval {
  const [l1, u1] = interval1
  const [l2, u2] = interval2
  const c =
    ((r3 - (r1 * r2) / 2) * (1 - r1 ** 2 - r2 ** 2 - r3 ** 2) + r3 ** 3) /
    ((1 - r1 ** 2) * (1 - r2 ** 2))
  const lower = r1 - r2 - Math.sqrt((r1 - l1) ** 2 + (u2 - r2) ** 2 - 2 * c * (r1 - l1) * (u2 - r2))
  const upper = r1 - r2 + Math.sqrt((u1 - r1) ** 2 + (r2 - l2) ** 2 - 2 * c * (u1 - r1) * (r2 - l2))
  return [lower, upper]
}

export const topAreaSchema = z
  .object({
    key: z.string(),
    /** Whether the top area predicts better than every other area shown: each interval excludes 0. */
    clearly_strongest: z.boolean(),
    differences: z.array(
      z.object({
        key: z.string(),
        n: z.number().int().meta({ description: 'Hires scored in both areas, with an outcome' }),
        difference: z.number(),
        difference_ci: intervalSchema,
      }),
    ),
  })
  .meta({
    id: 'TopArea',
    description:
      "The area with the highest r, and its difference from each other area (Zou's 2007 interval for overlapping dependent correlations, on the hires scored in both)",
  })
export type TopArea = z.infer<typeof topAreaSchema>

/** A hire with an outcome and its area scores, aligned with the areas (null: not scored). */
export interface OutcomeCase {
  scores: readonly (number | null)[]
  outcome: 0 | 1
}

/**
 * The area with the highest correlation among those given (by index into each case's scores),
 * and how it differs from each of the others on the hires scored in both. Null with fewer than
 * two areas, or when a pair has too few cases for the intervals.
 */
export function topArea(
  areas: readonly { key: string; index: number; r: number }[],
  cases: readonly OutcomeCase[],
): TopArea | null {
  if (areas.length < 2) return null
  const top = [...areas].sort((a, b) => b.r - a.r)[0]!
  const differences: TopArea['differences'] = []
  for (const other of areas) {
    if (other === top) continue
    const both = cases.filter(
      (entry) => entry.scores[top.index] !== null && entry.scores[other.index] !== null,
    )
    const x = both.map((entry) => entry.scores[top.index]!)
    const z = both.map((entry) => entry.scores[other.index]!)
    const y = both.map((entry) => entry.outcome)
    const first = correlationTest(x, y)
    const second = correlationTest(z, y)
    const between = pearson(x, z)
    if (!first || !second || !Number.isFinite(between)) return null
    differences.push({
      key: other.key,
      n: both.length,
      difference: first.r - second.r,
      difference_ci: overlappingDifference(first.r, first.ci, second.r, second.ci, between),
    })
  }
  return {
    key: top.key,
    clearly_strongest: differences.every((entry) => entry.difference_ci[0] > 0),
    differences,
  }
}
