import { z } from 'zod'
import { intervalSchema, type Interval } from './correlation'
import { mean } from './descriptive'
import { studentTTwoSidedP } from './distributions'
import { ratingTableOf, type InterviewerRating, type RatingTable } from './rating-table'

/**
 * n_compared: ratings of an application and area that other interviewers rated too, over
 * n_applications_compared applications; leniency: mean of rating − the other interviewers'
 * mean rating (null with nothing compared), with a t interval clustered by application (null
 * below two applications compared).
 */
export const interviewerLeniencyShape = {
  interviewer: z.string(),
  n_ratings: z.number().int(),
  n_compared: z.number().int(),
  n_applications_compared: z.number().int(),
  leniency: z.number().nullable(),
  leniency_ci: intervalSchema.nullable(),
  distribution: z.array(z.object({ rating: z.number(), count: z.number().int() })),
}
export type InterviewerLeniency = z.infer<z.ZodObject<typeof interviewerLeniencyShape>>

const MAX_BISECTION_STEPS = 2000

/**
 * Quantile of Student's t distribution, by bisection on the two-sided p: for p > ½ the t > 0
 * with studentTTwoSidedP(t) = 2(1 − p). Converges to the last bit of that function's root, so
 * its accuracy is that of jstat's t CDF: within 1e-10 of R's qt at 1 df, 2.4e-10 at 10 df and
 * 1.3e-8 at 1000 df.
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  if (!(probability >= 0 && probability <= 1)) {
    throw new RangeError('studentTQuantile: probability must lie in [0, 1]')
  }
  if (!(degreesOfFreedom > 0)) {
    throw new RangeError('studentTQuantile: degreesOfFreedom must be > 0')
  }
  if (probability === 0.5) return 0
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom)
  if (probability === 1) return Infinity
  const target = 2 * (1 - probability)
  let low = 0
  let high = 1
  while (studentTTwoSidedP(high, degreesOfFreedom) > target) {
    low = high
    high *= 2
    if (!Number.isFinite(high)) return Infinity
  }
  for (let step = 0; step < MAX_BISECTION_STEPS; step++) {
    const middle = low + (high - low) / 2
    if (middle <= low || middle >= high) break
    if (studentTTwoSidedP(middle, degreesOfFreedom) > target) low = middle
    else high = middle
  }
  return low + (high - low) / 2
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * How much more generously each interviewer rates than colleagues who rated the same application
 * in the same area: the mean of rating − mean of the other interviewers' ratings there, with a t
 * interval clustered by application. An interviewer rates several areas of one loop, and those
 * deviations move together: treating them as independent would make the interval too narrow.
 */
export function interviewerLeniency(
  ratings: readonly InterviewerRating[],
  confidence = 0.95,
): InterviewerLeniency[] {
  return leniencyOfTable(ratingTableOf(ratings), confidence)
}

/**
 * Every interviewer's deviations from colleagues (rating − mean of the other interviewers'
 * ratings of the same application and area), with their per-application sums and counts for
 * the clustered interval. Indexed by interviewer code. O(N): ratings are bucketed by
 * application × area.
 */
export interface LeniencyDeviations {
  deviations: number[][]
  clusterSums: number[][]
  clusterSizes: number[][]
}

export function leniencyDeviations(table: RatingTable): LeniencyDeviations {
  const { interviewer: ratingInterviewer, value } = table
  const total = value.length
  const areaCount = table.areaNames.length
  const cellOf = (i: number) => table.application[i]! * areaCount + table.area[i]!

  // Counting sort of rating indexes by application × area cell, so each cell's are contiguous.
  const cellCount = table.applicationCount * areaCount
  const cellStarts = new Int32Array(cellCount + 1)
  for (let i = 0; i < total; i++) cellStarts[cellOf(i) + 1]!++
  for (let cell = 0; cell < cellCount; cell++) cellStarts[cell + 1]! += cellStarts[cell]!
  const nextSlot = cellStarts.slice(0, cellCount)
  const byCell = new Int32Array(total)
  for (let i = 0; i < total; i++) byCell[nextSlot[cellOf(i)]!++] = i

  const interviewerCount = table.interviewerNames.length
  const deviations: number[][] = table.interviewerNames.map(() => [])
  // Per interviewer, the sum and count of deviations per application, for the clustered interval;
  // cells are in application order, so an application's deviations arrive together.
  const clusterSums: number[][] = table.interviewerNames.map(() => [])
  const clusterSizes: number[][] = table.interviewerNames.map(() => [])
  const lastApplication = new Int32Array(interviewerCount).fill(-1)
  // Per-interviewer sums within the current cell, reset by revisiting only that cell's ratings.
  const ownSum = new Float64Array(interviewerCount)
  const ownCount = new Int32Array(interviewerCount)
  for (let cell = 0; cell < cellCount; cell++) {
    const from = cellStarts[cell]!
    const to = cellStarts[cell + 1]!
    if (to - from < 2) continue
    let cellSum = 0
    for (let slot = from; slot < to; slot++) {
      const i = byCell[slot]!
      const interviewer = ratingInterviewer[i]!
      cellSum += value[i]!
      ownSum[interviewer]! += value[i]!
      ownCount[interviewer]! += 1
    }
    for (let slot = from; slot < to; slot++) {
      const i = byCell[slot]!
      const interviewer = ratingInterviewer[i]!
      const othersCount = to - from - ownCount[interviewer]!
      if (othersCount > 0) {
        const othersMean = (cellSum - ownSum[interviewer]!) / othersCount
        const deviation = value[i]! - othersMean
        deviations[interviewer]!.push(deviation)
        const application = table.application[i]!
        if (lastApplication[interviewer] !== application) {
          lastApplication[interviewer] = application
          clusterSums[interviewer]!.push(0)
          clusterSizes[interviewer]!.push(0)
        }
        const last = clusterSums[interviewer]!.length - 1
        clusterSums[interviewer]![last]! += deviation
        clusterSizes[interviewer]![last]! += 1
      }
    }
    for (let slot = from; slot < to; slot++) {
      const interviewer = ratingInterviewer[byCell[slot]!]!
      ownSum[interviewer] = 0
      ownCount[interviewer] = 0
    }
  }
  return { deviations, clusterSums, clusterSizes }
}

/** interviewerLeniency over a rating table, from its deviations when already found. */
export function leniencyOfTable(
  table: RatingTable,
  confidence = 0.95,
  { deviations, clusterSums, clusterSizes }: LeniencyDeviations = leniencyDeviations(table),
): InterviewerLeniency[] {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError('interviewerLeniency: confidence must lie strictly between 0 and 1')
  }
  const { interviewer: ratingInterviewer, value } = table
  const total = value.length

  const ratingCounts = table.interviewerNames.map(() => new Map<number, number>())
  for (let i = 0; i < total; i++) {
    const counts = ratingCounts[ratingInterviewer[i]!]!
    counts.set(value[i]!, (counts.get(value[i]!) ?? 0) + 1)
  }

  const quantileProbability = 1 - (1 - confidence) / 2
  return table.interviewerNames
    .map((interviewer, id): InterviewerLeniency => {
      const ownDeviations = deviations[id]!
      const compared = ownDeviations.length
      const leniency = compared === 0 ? null : mean(ownDeviations)
      const applications = clusterSums[id]!.length
      let leniencyCi: Interval | null = null
      if (leniency !== null && applications >= 2) {
        // Cluster-robust (CR1) variance of a mean: (G / (G − 1)) Σ_g (Σ_{i∈g} (dᵢ − d̄))² / n².
        let squares = 0
        clusterSums[id]!.forEach((sum, g) => {
          squares += (sum - clusterSizes[id]![g]! * leniency) ** 2
        })
        const standardError = Math.sqrt((applications / (applications - 1)) * squares) / compared
        const halfWidth = studentTQuantile(quantileProbability, applications - 1) * standardError
        leniencyCi = [leniency - halfWidth, leniency + halfWidth]
      }
      const counts = ratingCounts[id]!
      let ratingsByInterviewer = 0
      for (const count of counts.values()) ratingsByInterviewer += count
      return {
        interviewer,
        n_ratings: ratingsByInterviewer,
        n_compared: compared,
        n_applications_compared: applications,
        leniency,
        leniency_ci: leniencyCi,
        distribution: [...counts]
          .sort(([a], [b]) => a - b)
          .map(([rating, count]) => ({ rating, count })),
      }
    })
    .sort((a, b) => compareNames(a.interviewer, b.interviewer))
}
