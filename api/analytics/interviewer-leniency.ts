import { z } from 'zod'
import { intervalSchema, type Interval } from './correlation'
import { mean, sampleSd } from './descriptive'
import { studentTTwoSidedP } from './distributions'

export interface InterviewerRating {
  interviewer: string
  application: string
  area: string
  rating: number
}

/**
 * n_compared: ratings of an application and area that other interviewers rated too; leniency:
 * mean of rating − the other interviewers' mean rating (null with nothing compared), with a t
 * interval (null below two compared ratings).
 */
export const interviewerLeniencyShape = {
  interviewer: z.string(),
  n_ratings: z.number().int(),
  n_compared: z.number().int(),
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
 * interval. O(N): ratings are bucketed by application × area once.
 */
export function interviewerLeniency(
  ratings: readonly InterviewerRating[],
  confidence = 0.95,
): InterviewerLeniency[] {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError('interviewerLeniency: confidence must lie strictly between 0 and 1')
  }
  const total = ratings.length
  // Interviewers and application × area cells become small integers for typed-array bookkeeping.
  const interviewerIds = new Map<string, number>()
  const interviewerNames: string[] = []
  const cellIds = new Map<string, Map<string, number>>()
  let cellCount = 0
  const ratingInterviewer = new Int32Array(total)
  const ratingCell = new Int32Array(total)
  const cellSizes: number[] = []
  for (let i = 0; i < total; i++) {
    const { interviewer, application, area, rating } = ratings[i]!
    if (!Number.isFinite(rating)) {
      throw new RangeError('interviewerLeniency: ratings must be finite numbers')
    }
    let interviewerId = interviewerIds.get(interviewer)
    if (interviewerId === undefined) {
      interviewerId = interviewerNames.length
      interviewerIds.set(interviewer, interviewerId)
      interviewerNames.push(interviewer)
    }
    let areaCells = cellIds.get(application)
    if (areaCells === undefined) {
      areaCells = new Map()
      cellIds.set(application, areaCells)
    }
    let cellId = areaCells.get(area)
    if (cellId === undefined) {
      cellId = cellCount++
      areaCells.set(area, cellId)
      cellSizes.push(0)
    }
    ratingInterviewer[i] = interviewerId
    ratingCell[i] = cellId
    cellSizes[cellId]! += 1
  }

  // Counting sort of rating indexes by cell, so each cell's ratings are contiguous.
  const cellStarts = new Int32Array(cellCount + 1)
  for (let cell = 0; cell < cellCount; cell++) {
    cellStarts[cell + 1] = cellStarts[cell]! + cellSizes[cell]!
  }
  const nextSlot = cellStarts.slice(0, cellCount)
  const byCell = new Int32Array(total)
  for (let i = 0; i < total; i++) byCell[nextSlot[ratingCell[i]!]!++] = i

  const interviewerCount = interviewerNames.length
  const deviations: number[][] = interviewerNames.map(() => [])
  // Per-interviewer sums within the current cell, reset by revisiting only that cell's ratings.
  const ownSum = new Float64Array(interviewerCount)
  const ownCount = new Int32Array(interviewerCount)
  for (let cell = 0; cell < cellCount; cell++) {
    const from = cellStarts[cell]!
    const to = cellStarts[cell + 1]!
    let cellSum = 0
    for (let slot = from; slot < to; slot++) {
      const i = byCell[slot]!
      const rating = ratings[i]!.rating
      const interviewer = ratingInterviewer[i]!
      cellSum += rating
      ownSum[interviewer]! += rating
      ownCount[interviewer]! += 1
    }
    for (let slot = from; slot < to; slot++) {
      const i = byCell[slot]!
      const interviewer = ratingInterviewer[i]!
      const othersCount = to - from - ownCount[interviewer]!
      if (othersCount > 0) {
        const othersMean = (cellSum - ownSum[interviewer]!) / othersCount
        deviations[interviewer]!.push(ratings[i]!.rating - othersMean)
      }
    }
    for (let slot = from; slot < to; slot++) {
      const interviewer = ratingInterviewer[byCell[slot]!]!
      ownSum[interviewer] = 0
      ownCount[interviewer] = 0
    }
  }

  const ratingCounts = interviewerNames.map(() => new Map<number, number>())
  for (let i = 0; i < total; i++) {
    const counts = ratingCounts[ratingInterviewer[i]!]!
    const rating = ratings[i]!.rating
    counts.set(rating, (counts.get(rating) ?? 0) + 1)
  }

  const quantileProbability = 1 - (1 - confidence) / 2
  return interviewerNames
    .map((interviewer, id): InterviewerLeniency => {
      const ownDeviations = deviations[id]!
      const compared = ownDeviations.length
      const leniency = compared === 0 ? null : mean(ownDeviations)
      let leniencyCi: Interval | null = null
      if (leniency !== null && compared >= 2) {
        const halfWidth =
          (studentTQuantile(quantileProbability, compared - 1) * sampleSd(ownDeviations)) /
          Math.sqrt(compared)
        leniencyCi = [leniency - halfWidth, leniency + halfWidth]
      }
      const counts = ratingCounts[id]!
      let ratingsByInterviewer = 0
      for (const count of counts.values()) ratingsByInterviewer += count
      return {
        interviewer,
        n_ratings: ratingsByInterviewer,
        n_compared: compared,
        leniency,
        leniency_ci: leniencyCi,
        distribution: [...counts]
          .sort(([a], [b]) => a - b)
          .map(([rating, count]) => ({ rating, count })),
      }
    })
    .sort((a, b) => compareNames(a.interviewer, b.interviewer))
}
