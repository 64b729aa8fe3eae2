import { z } from 'zod'
import { correlationTest, intervalSchema, type Interval } from './correlation'
import { normalTwoSidedP } from './distributions'
import { MIN_HIRES, tooFewHires } from './power'
import { wilsonInterval } from './proportions'
import { medianInterval, quantile } from './quantiles'

/** One application as the timeline needs it. */
export interface TimelineApplication {
  /** Half-year of application, as halfYearOf gives it. */
  half: string
  /** Twelve-month outcome of a hire: 1 stayed, 0 left; null when not a hire with one known. */
  outcome: 0 | 1 | null
  /** Area scores in the order of the areas (null where not rated). */
  areaScores: readonly (number | null)[]
  /** Days from application to accepted offer; null without an accepted offer. */
  timeToHireDays: number | null
}

/** `2025-H1` for January to June of 2025, `2025-H2` for July to December. */
export function halfYearOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`
}

/**
 * An area's validity in one half-year: r of its score with twelve-month retention and the
 * Fisher-z interval, null below the rule for enough data (see tooFewHires), with why.
 */
export const halfYearAreaSchema = z.object({
  key: z.string(),
  n: z.number().int().nullable(),
  n_stayed: z.number().int().nullable(),
  n_left: z.number().int().nullable(),
  r: z.number().nullable(),
  r_ci: intervalSchema.nullable(),
  not_computable: z.string().nullable(),
})

/** Median days from application to accepted offer, with its distribution-free interval. */
export const halfYearTimeToHireSchema = z.object({
  n: z.number().int().nullable(),
  median: z.number().nullable(),
  median_ci: intervalSchema.nullable(),
})

/**
 * Share of hires with a known outcome who stayed twelve months, with a Wilson interval;
 * insufficient below the rule for enough data (see tooFewHires): shown, but no finding.
 */
export const halfYearRetentionSchema = z.object({
  n: z.number().int().nullable(),
  stayed: z.number().int().nullable(),
  share: z.number().nullable(),
  share_ci: intervalSchema.nullable(),
  insufficient: z.boolean(),
})

export const halfYearSchema = z.object({
  half: z.string(),
  areas: z.array(halfYearAreaSchema),
  time_to_hire: halfYearTimeToHireSchema,
  retention: halfYearRetentionSchema,
})
export type HalfYear = z.infer<typeof halfYearSchema>

/**
 * Whether a figure changed between the first and the last half-year with enough data:
 * `direction` is 'up' or 'down' only when the test says so at the 5% level, otherwise
 * 'cannot tell'; null figures when fewer than two half-years have enough data.
 */
export const trendSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  difference: z.number().nullable(),
  statistic: z.number().nullable(),
  p: z.number().nullable(),
  direction: z.enum(['up', 'down', 'cannot tell']),
  sentence: z.string(),
})
export type Trend = z.infer<typeof trendSchema>

export const validityOverTimeSchema = z.object({
  halves: z.array(halfYearSchema),
  trends: z.object({
    areas: z.array(trendSchema.extend({ key: z.string() })),
    time_to_hire: trendSchema,
    retention: trendSchema,
  }),
})
export type ValidityOverTime = z.infer<typeof validityOverTimeSchema>

const ALPHA = 0.05

function areaCell(
  key: string,
  scores: number[],
  outcomes: number[],
): z.infer<typeof halfYearAreaSchema> {
  const stayed = outcomes.filter((outcome) => outcome === 1).length
  const left = outcomes.length - stayed
  const counts = { key, n: outcomes.length, n_stayed: stayed, n_left: left }
  const reason = tooFewHires(stayed, left)
  const test = reason === null ? correlationTest(scores, outcomes) : null
  if (test === null) {
    return {
      ...counts,
      r: null,
      r_ci: null,
      not_computable: reason ?? 'The scores or the outcomes do not vary: no correlation.',
    }
  }
  return { ...counts, r: test.r, r_ci: test.ci, not_computable: null }
}

/** The half-year cells, oldest first, of every half-year with an application. */
export function halfYearCells(
  areaKeys: readonly string[],
  applications: readonly TimelineApplication[],
): HalfYear[] {
  const byHalf = new Map<string, TimelineApplication[]>()
  for (const application of applications) {
    const own = byHalf.get(application.half)
    if (own) own.push(application)
    else byHalf.set(application.half, [application])
  }
  return [...byHalf.keys()].sort().map((half) => {
    const members = byHalf.get(half)!
    const known = members.filter((member) => member.outcome !== null)
    const areas = areaKeys.map((key, k) => {
      const scored = known.filter((member) => member.areaScores[k] !== null)
      return areaCell(
        key,
        scored.map((member) => member.areaScores[k]!),
        scored.map((member) => member.outcome!),
      )
    })
    const days = Float64Array.from(
      members.flatMap((member) => (member.timeToHireDays === null ? [] : [member.timeToHireDays])),
    ).sort()
    const stayed = known.filter((member) => member.outcome === 1).length
    return {
      half,
      areas,
      time_to_hire: {
        n: days.length,
        median: quantile(days, 0.5),
        median_ci: medianInterval(days),
      },
      retention: {
        n: known.length,
        stayed,
        share: known.length === 0 ? null : stayed / known.length,
        share_ci: wilsonInterval(stayed, known.length),
        insufficient: tooFewHires(stayed, known.length - stayed) !== null,
      },
    }
  })
}

/**
 * Difference of two independent correlations by Fisher z:
 * z = (atanh r₂ − atanh r₁) / √(1/(n₁ − 3) + 1/(n₂ − 3)), two-sided normal p.
 */
export function independentCorrelationsTest(
  r1: number,
  n1: number,
  r2: number,
  n2: number,
): { z: number; p: number } {
  const z = (Math.atanh(r2) - Math.atanh(r1)) / Math.sqrt(1 / (n1 - 3) + 1 / (n2 - 3))
  return { z, p: normalTwoSidedP(z) }
}

/**
 * Difference of two independent proportions by the pooled z-test, as R's
 * prop.test(correct = FALSE) (whose χ² is z²). Null when the pooled share is 0 or 1.
 */
export function twoProportionsTest(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
): { z: number; p: number } | null {
  const pooled = (successes1 + successes2) / (trials1 + trials2)
  const variance = pooled * (1 - pooled) * (1 / trials1 + 1 / trials2)
  if (!(variance > 0)) return null
  const z = (successes2 / trials2 - successes1 / trials1) / Math.sqrt(variance)
  return { z, p: normalTwoSidedP(z) }
}

const overlapping = (a: Interval, b: Interval) => a[0] <= b[1] && b[0] <= a[1]

function undecided(sentence: string, from: string | null = null, to: string | null = null): Trend {
  return {
    from,
    to,
    difference: null,
    statistic: null,
    p: null,
    direction: 'cannot tell',
    sentence,
  }
}

/**
 * Whether each figure changed from the first to the last half-year with enough data for it:
 * an area's r by the Fisher-z test of two independent correlations; retention by the
 * two-proportion z-test (both half-years need the rule for enough data); median time to hire
 * only when the two distribution-free intervals do not overlap (a conservative test), both
 * half-years with at least MIN_HIRES accepted offers.
 */
export function trendsOf(
  areas: readonly { key: string; name: string }[],
  halves: readonly HalfYear[],
): ValidityOverTime['trends'] {
  const areaTrends = areas.map((area, k) => {
    const usable = halves.filter((half) => half.areas[k]!.r !== null)
    if (usable.length < 2) {
      return {
        key: area.key,
        ...undecided(
          `${area.name}: fewer than two half-years have enough hires for a correlation, so the data cannot tell yet whether it is changing.`,
        ),
      }
    }
    const first = usable[0]!
    const last = usable[usable.length - 1]!
    const a = first.areas[k]!
    const b = last.areas[k]!
    const test = independentCorrelationsTest(a.r!, a.n!, b.r!, b.n!)
    const direction = test.p < ALPHA ? (b.r! > a.r! ? 'up' : 'down') : 'cannot tell'
    const figures = `r = ${formatR(a.r!)} in ${first.half}, ${formatR(b.r!)} in ${last.half}; p = ${formatP(test.p)}`
    return {
      key: area.key,
      from: first.half,
      to: last.half,
      difference: b.r! - a.r!,
      statistic: test.z,
      p: test.p,
      direction,
      sentence:
        direction === 'cannot tell'
          ? `${area.name}: the intervals overlap and the difference could be chance (${figures}); the data cannot tell yet whether it predicts better or worse.`
          : `${area.name} predicts retention ${direction === 'up' ? 'better' : 'worse'} than it did (${figures}).`,
    } satisfies Trend & { key: string }
  })

  const retained = halves.filter(
    ({ retention }) => retention.share !== null && !retention.insufficient,
  )
  let retention: Trend
  if (retained.length < 2) {
    retention = undecided(
      'Fewer than two half-years have enough hires with a known twelve-month outcome: the data cannot tell yet whether retention is changing.',
    )
  } else {
    const first = retained[0]!.retention
    const last = retained[retained.length - 1]!.retention
    const test = twoProportionsTest(first.stayed!, first.n!, last.stayed!, last.n!)
    const from = retained[0]!.half
    const to = retained[retained.length - 1]!.half
    const difference = last.share! - first.share!
    const figures = `${percent(first.share!)} in ${from}, ${percent(last.share!)} in ${to}`
    const direction =
      test !== null && test.p < ALPHA ? (difference > 0 ? 'up' : 'down') : 'cannot tell'
    retention = {
      from,
      to,
      difference,
      statistic: test?.z ?? null,
      p: test?.p ?? null,
      direction,
      sentence:
        direction === 'cannot tell'
          ? `Twelve-month retention: ${figures}${test ? `, p = ${formatP(test.p)}` : ''}; the difference could be chance, and the data cannot tell yet whether it is changing.`
          : `Twelve-month retention ${direction === 'up' ? 'rose' : 'fell'}: ${figures} (p = ${formatP(test!.p)}).`,
    }
  }

  const timed = halves.filter(
    ({ time_to_hire }) =>
      time_to_hire.n !== null && time_to_hire.n >= MIN_HIRES && time_to_hire.median_ci !== null,
  )
  let timeToHire: Trend
  if (timed.length < 2) {
    timeToHire = undecided(
      `Fewer than two half-years have ${MIN_HIRES} accepted offers: the data cannot tell yet whether time to hire is changing.`,
    )
  } else {
    const first = timed[0]!
    const last = timed[timed.length - 1]!
    const a = first.time_to_hire
    const b = last.time_to_hire
    const difference = b.median! - a.median!
    const apart = !overlapping(a.median_ci!, b.median_ci!)
    const direction = apart ? (difference > 0 ? 'up' : 'down') : 'cannot tell'
    const figures = `median ${a.median} days in ${first.half}, ${b.median} in ${last.half}`
    timeToHire = {
      from: first.half,
      to: last.half,
      difference,
      statistic: null,
      p: null,
      direction,
      sentence:
        direction === 'cannot tell'
          ? `Time to hire: ${figures}; the intervals overlap and the data cannot tell yet whether it is changing.`
          : `Time to hire got ${direction === 'up' ? 'longer' : 'shorter'}: ${figures}, and the two intervals do not overlap.`,
    }
  }
  return { areas: areaTrends, time_to_hire: timeToHire, retention }
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`
}

/** .31, as the dashboard writes a correlation. */
function formatR(r: number): string {
  return r.toFixed(2).replace(/^(-?)0\./, '$1.')
}

function formatP(p: number): string {
  return p < 0.001 ? '< .001' : p.toFixed(3).replace(/^0/, '')
}

/** Validity, time to hire and retention by half-year of application, and whether they changed. */
export function validityOverTime(
  areas: readonly { key: string; name: string }[],
  applications: readonly TimelineApplication[],
): ValidityOverTime {
  const halves = halfYearCells(
    areas.map((area) => area.key),
    applications,
  )
  return { halves, trends: trendsOf(areas, halves) }
}
