import { z } from 'zod'
import { chiSquareUpperP, twoSidedZ } from './distributions'
import { cholesky, choleskySolve } from './linear-algebra'

/** Days from start to leaving (event) or to the end of follow-up (censored). */
export interface SurvivalObservation {
  time: number
  /** True when the hire left at `time`; false when still employed then (censored). */
  event: boolean
}

/**
 * One distinct time of a curve, as a row of R's survfit(conf.type = "log"): n_risk is everyone
 * whose time is at or after it; se_log_surv is Greenwood's standard error of log S (survfit's
 * std.err), and lower/upper are exp(log S ∓ z·se) with the upper end clipped at 1; the three are
 * null once S = 0.
 */
export const survivalStepSchema = z.object({
  time: z.number(),
  n_risk: z.number().int(),
  n_event: z.number().int(),
  n_censor: z.number().int(),
  surv: z.number(),
  se_log_surv: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
})
export type SurvivalStep = z.infer<typeof survivalStepSchema>

export const kaplanMeierCurveShape = {
  n: z.number().int(),
  events: z.number().int(),
  steps: z.array(survivalStepSchema),
  interval_note: z.string().nullable().meta({
    description: 'Why se_log_surv, lower and upper are null on some steps; null when none is',
  }),
}
export const kaplanMeierCurveSchema = z.object(kaplanMeierCurveShape)
export type KaplanMeierCurve = z.infer<typeof kaplanMeierCurveSchema>

function checkTimes(observations: readonly SurvivalObservation[]): void {
  for (const { time } of observations) {
    if (Number.isNaN(time)) throw new RangeError('survival: a time is NaN')
  }
}

/**
 * Product-limit estimate with Greenwood's variance and a log-transformed interval, one step per
 * distinct time (events and censorings), as survfit(Surv(time, event) ~ 1, conf.type = "log").
 */
export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  confidence = 0.95,
): KaplanMeierCurve {
  checkTimes(observations)
  const z = twoSidedZ(confidence)
  const total = observations.length
  // Sorted times with their exits, in typed arrays: curves are drawn over every hire.
  const times = Float64Array.from(observations, (observation) => observation.time)
  const order = Int32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => times[a]! - times[b]!,
  )
  const steps: SurvivalStep[] = []
  let surv = 1
  let greenwood = 0
  let events = 0
  let atRisk = total
  let i = 0
  while (i < total) {
    const time = times[order[i]!]!
    let died = 0
    let censored = 0
    for (; i < total && times[order[i]!] === time; i++) {
      if (observations[order[i]!]!.event) died++
      else censored++
    }
    if (died > 0) {
      events += died
      surv *= (atRisk - died) / atRisk
      // Infinite once everyone at risk leaves; survfit's std.err is then Inf and S is 0.
      greenwood += died / (atRisk * (atRisk - died))
    }
    const defined = surv > 0
    const se = Math.sqrt(greenwood)
    const logSurv = Math.log(surv)
    steps.push({
      time,
      n_risk: atRisk,
      n_event: died,
      n_censor: censored,
      surv,
      se_log_surv: defined ? se : null,
      lower: defined ? Math.exp(logSurv - z * se) : null,
      upper: defined ? Math.min(1, Math.exp(logSurv + z * se)) : null,
    })
    atRisk -= died + censored
  }
  return { n: total, events, steps, interval_note: steps.some(isEmptied) ? EMPTIED_NOTE : null }
}

const isEmptied = (step: SurvivalStep) => step.surv === 0
export const EMPTIED_NOTE =
  'Once every hire still at risk has left, the estimate is 0 and its standard error on the log scale is infinite (R reports Inf); JSON has no infinity, so se_log_surv, lower and upper are null from that step on.'

/** Value of the right-continuous step function at a time: 1 before the first step. */
export function survivalAt(
  curve: KaplanMeierCurve,
  time: number,
): { surv: number; lower: number | null; upper: number | null; note: string | null } {
  if (Number.isNaN(time)) throw new RangeError('survivalAt: time is NaN')
  // Binary search for the last step at or before `time`.
  let low = 0
  let high = curve.steps.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (curve.steps[middle]!.time <= time) low = middle + 1
    else high = middle
  }
  const step = curve.steps[low - 1]
  if (step === undefined) return { surv: 1, lower: 1, upper: 1, note: null }
  const note = isEmptied(step) ? EMPTIED_NOTE : null
  return { surv: step.surv, lower: step.lower, upper: step.upper, note }
}

/** Observed and expected (under equal hazards) events per group, in the order given. */
export const logRankSchema = z.object({
  chisq: z.number(),
  df: z.number().int(),
  p: z.number(),
  observed: z.array(z.number()),
  expected: z.array(z.number()),
})
export type LogRankTest = z.infer<typeof logRankSchema>

/**
 * Log-rank test of equal survival across groups, as R's survdiff(rho = 0): at each event time
 * the deaths are shared out over the groups by their number at risk (O − E) with hypergeometric
 * variance, chisq = (O − E)ᵀ V⁻¹ (O − E) with one group dropped, df = non-empty groups − 1.
 * As survdiff, groups with no one at risk at any event time (E = 0) are left out of the
 * statistic, and chisq is 0 when fewer than two groups remain.
 *
 * Returns null with fewer than two non-empty groups (nothing to compare), with no events at all
 * (V = 0, so there is no information; survdiff would report a misleading chisq of 0), or when V
 * is singular (e.g. every event time empties the risk set; survdiff's solve() fails there).
 */
export function logRank(groups: readonly (readonly SurvivalObservation[])[]): LogRankTest | null {
  for (const group of groups) checkTimes(group)
  const groupCount = groups.length
  const nonEmptyGroups = groups.filter((group) => group.length > 0).length
  if (nonEmptyGroups < 2) return null

  // Everyone in one time-ordered list (typed arrays: this runs over every hire of a company).
  const total = groups.reduce((sum, group) => sum + group.length, 0)
  const times = new Float64Array(total)
  const groupOf = new Int32Array(total)
  const left = new Uint8Array(total)
  let filled = 0
  groups.forEach((group, index) => {
    for (const observation of group) {
      times[filled] = observation.time
      groupOf[filled] = index
      left[filled] = observation.event ? 1 : 0
      filled++
    }
  })
  if (!left.includes(1)) return null
  const order = Int32Array.from({ length: total }, (_, i) => i).sort(
    (a, b) => times[a]! - times[b]!,
  )

  const observed = new Array<number>(groupCount).fill(0)
  const expected = new Array<number>(groupCount).fill(0)
  const atRisk = groups.map((group) => group.length)
  const variance = groups.map(() => new Array<number>(groupCount).fill(0))
  const deathsByGroup = new Array<number>(groupCount)
  const leavingByGroup = new Array<number>(groupCount)
  let i = 0
  while (i < total) {
    const time = times[order[i]!]!
    const totalAtRisk = total - i
    deathsByGroup.fill(0)
    leavingByGroup.fill(0)
    let deaths = 0
    for (; i < total && times[order[i]!] === time; i++) {
      const subject = order[i]!
      leavingByGroup[groupOf[subject]!]!++
      if (left[subject] === 1) {
        deathsByGroup[groupOf[subject]!]!++
        deaths++
      }
    }
    if (deaths > 0) {
      for (let g = 0; g < groupCount; g++) {
        observed[g]! += deathsByGroup[g]!
        expected[g]! += (deaths * atRisk[g]!) / totalAtRisk
      }
      // With a single subject at risk the split is fixed: no variance (as survdiff2.c).
      if (totalAtRisk > 1) {
        const spread = (deaths * (totalAtRisk - deaths)) / (totalAtRisk - 1)
        for (let g = 0; g < groupCount; g++) {
          const term = (spread * atRisk[g]!) / totalAtRisk
          variance[g]![g]! += term
          for (let h = 0; h < groupCount; h++) {
            variance[g]![h]! -= (term * atRisk[h]!) / totalAtRisk
          }
        }
      }
    }
    for (let g = 0; g < groupCount; g++) atRisk[g]! -= leavingByGroup[g]!
  }

  const df = nonEmptyGroups - 1
  const tested = expected.flatMap((value, g) => (value > 0 ? [g] : []))
  let chisq = 0
  if (tested.length >= 2) {
    // V has rank k − 1 (rows sum to zero); dropping one group makes it invertible.
    const kept = tested.slice(1)
    const difference = kept.map((g) => observed[g]! - expected[g]!)
    const lower = cholesky(kept.map((g) => kept.map((h) => variance[g]![h]!)))
    if (lower === null) return null
    const solution = choleskySolve(lower, difference)
    chisq = difference.reduce((total, value, index) => total + value * solution[index]!, 0)
  }
  return { chisq, df, p: chiSquareUpperP(chisq, df), observed, expected }
}

/**
 * Restricted mean survival time: the area under the curve from 0 to `horizon`, the mean time
 * survived within the horizon, as R's print(survfit(...), rmean = horizon).
 */
export function restrictedMean(curve: KaplanMeierCurve, horizon: number): number {
  if (!(horizon > 0)) throw new RangeError('restrictedMean: horizon must be above 0')
  let area = 0
  let from = 0
  let surv = 1
  for (const step of curve.steps) {
    if (step.time >= horizon) break
    area += surv * (step.time - from)
    from = step.time
    surv = step.surv
  }
  return area + surv * (horizon - from)
}
