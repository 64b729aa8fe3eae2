import { z } from 'zod'
import { correlationTest, intervalSchema } from './correlation'
import { sortByOrder } from './descriptive'
import { daysBetween } from './dates'
import { MIN_HIRES } from './power'
import { wilsonInterval } from './proportions'
import {
  binsSchema,
  describeDistribution,
  distributionSchema,
  histogram,
  quantile,
} from './quantiles'
import { outcomeAsOf, retentionRateShape, type HireFacts } from './retention'

export interface TimeToHireFacts extends HireFacts {
  level: string
  hireType: string | null
  appliedAt: string
  openedAt: string | null
  offerAcceptedAt: string | null
}

/**
 * Days from application to accepted offer (time to hire) and from the requisition opening to
 * it (time to fill), and the share of accepted offers within the benchmark's days.
 */
const speedSummarySchema = z.object({
  key: z.string(),
  time_to_hire: distributionSchema,
  time_to_fill: distributionSchema,
  within_benchmark: z.number().nullable(),
})
type SpeedSummary = z.infer<typeof speedSummarySchema>

const speedBandSchema = z.object({ from: z.number(), to: z.number(), ...retentionRateShape })
type SpeedBand = z.infer<typeof speedBandSchema>

/**
 * Weekly bins of time to hire; its correlation (days) with twelve-month retention, and
 * retention among hires by quartile of time to hire.
 */
export const timeToHireReportSchema = z.object({
  benchmark_days: z.number().nullable(),
  overall: speedSummarySchema,
  by_level: z.array(speedSummarySchema),
  by_hire_type: z.array(speedSummarySchema),
  histogram: binsSchema,
  retention: z.object({
    n: z.number().int(),
    r: z.number().nullable(),
    r_ci: intervalSchema.nullable(),
    p: z.number().nullable(),
    by_quartile: z.array(speedBandSchema),
  }),
})
export type TimeToHireReport = z.infer<typeof timeToHireReportSchema>

interface Accepted {
  facts: TimeToHireFacts
  timeToHire: number
  timeToFill: number | null
}

function summarise(
  key: string,
  entries: readonly Accepted[],
  benchmark: number | null,
): SpeedSummary {
  const hireDays = entries.map((entry) => entry.timeToHire)
  const fillDays = entries.flatMap((entry) => (entry.timeToFill === null ? [] : [entry.timeToFill]))
  return {
    key,
    time_to_hire: describeDistribution(hireDays),
    time_to_fill: describeDistribution(fillDays),
    within_benchmark:
      benchmark === null || hireDays.length === 0
        ? null
        : hireDays.filter((days) => days <= benchmark).length / hireDays.length,
  }
}

function groupBy<Key extends string>(
  entries: readonly Accepted[],
  keyOf: (entry: Accepted) => Key,
) {
  const groups = new Map<Key, Accepted[]>()
  for (const entry of entries) {
    const key = keyOf(entry)
    groups.set(key, [...(groups.get(key) ?? []), entry])
  }
  return groups
}

/**
 * Time to hire and time to fill of every offer accepted by `asOf`, overall, by level and by
 * hire type, against the benchmark; and whether slow hires stayed less, by quartile of time
 * to hire (or by the cut points given, so that several reports share their bands).
 */
export function timeToHireReport(
  applications: readonly TimeToHireFacts[],
  asOf: string,
  benchmarkDays: number | null,
  levelOrder: readonly string[],
  quartileCuts?: readonly number[],
): TimeToHireReport {
  const accepted: Accepted[] = applications.flatMap((facts) =>
    facts.offerAcceptedAt === null || facts.offerAcceptedAt > asOf
      ? []
      : [
          {
            facts,
            timeToHire: daysBetween(facts.appliedAt, facts.offerAcceptedAt),
            timeToFill:
              facts.openedAt === null ? null : daysBetween(facts.openedAt, facts.offerAcceptedAt),
          },
        ],
  )
  const byLevel = groupBy(accepted, (entry) => entry.facts.level)
  const byHireType = groupBy(accepted, (entry) => entry.facts.hireType ?? 'unknown')

  const withOutcome = accepted.flatMap((entry) => {
    const outcome = outcomeAsOf(entry.facts, asOf)
    return outcome === null ? [] : [{ days: entry.timeToHire, outcome }]
  })
  const days = withOutcome.map((entry) => entry.days)
  const test = correlationTest(
    days,
    withOutcome.map((entry) => entry.outcome),
  )
  const sortedDays = Float64Array.from(days).sort()
  const cuts = quartileCuts ?? [0.25, 0.5, 0.75].map((p) => quantile(sortedDays, p) ?? 0)
  // Quartile bands (q₍ₖ₋₁₎, qₖ]; ties can leave a band empty, and an empty band is left out.
  const edges = [Number.NEGATIVE_INFINITY, ...cuts, Number.POSITIVE_INFINITY] as number[]
  const bands: SpeedBand[] = []
  for (let b = 0; b < 4 && withOutcome.length > 0; b++) {
    const members = withOutcome.filter(
      (entry) => entry.days > edges[b]! && entry.days <= edges[b + 1]!,
    )
    if (members.length === 0) continue
    const retained = members.filter((entry) => entry.outcome === 1).length
    bands.push({
      from: Math.min(...members.map((entry) => entry.days)),
      to: Math.max(...members.map((entry) => entry.days)),
      n_outcome: members.length,
      retained,
      retention_rate: retained / members.length,
      retention_rate_ci: wilsonInterval(retained, members.length),
      insufficient: members.length < MIN_HIRES,
    })
  }
  return {
    benchmark_days: benchmarkDays,
    overall: summarise('all', accepted, benchmarkDays),
    by_level: sortByOrder([...byLevel.keys()], levelOrder).map((key) =>
      summarise(key, byLevel.get(key)!, benchmarkDays),
    ),
    by_hire_type: [...byHireType]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, entries]) => summarise(key, entries, benchmarkDays)),
    histogram: histogram(
      accepted.map((entry) => entry.timeToHire),
      7,
    ),
    retention: {
      n: withOutcome.length,
      r: test?.r ?? null,
      r_ci: test?.ci ?? null,
      p: test?.p ?? null,
      by_quartile: bands,
    },
  }
}
