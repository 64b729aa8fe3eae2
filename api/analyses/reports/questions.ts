import { z } from '@hono/zod-openapi'
import { correlationTest, intervalSchema } from '../../analytics/correlation'
import {
  shrinkCorrelations,
  shrunkCorrelationSchema,
  type CorrelationEstimate,
} from '../../analytics/correlation-shrinkage'
import { tooFewHires } from '../../analytics/power'
import { questionKey } from '../../dataset/question-ratings'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'
import { areaWithheld } from './validity'

const questionSchema = z.object({
  question: z.string(),
  /** Loops of the cohort that asked it (a rating in the area names it). */
  loops: z.number().int(),
  ratings: z.number().int(),
  mean_rating: z.number().nullable(),
  /** Question score (mean of its ratings in a loop) against the loop's area score. */
  r_area: z.number().nullable(),
  r_area_ci: intervalSchema.nullable(),
  /** Hires asked it with a known twelve-month outcome. */
  n: z.number().int(),
  stayed: z.number().int(),
  left: z.number().int(),
  r: z.number().nullable(),
  r_ci: intervalSchema.nullable(),
  shrunk: shrunkCorrelationSchema.nullable(),
  /** Why there is no r, in words (too few hires, or withheld); null when there is one. */
  insufficient: z.string().nullable(),
})

const questionAreaSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** The area's own validity (area score against retention), the centre questions shrink toward. */
  n: z.number().int(),
  r: z.number().nullable(),
  r_ci: intervalSchema.nullable(),
  /** τ² between the questions' true correlations, on Fisher's z. */
  between_variance: z.number().nullable(),
  /** Whether the questions' true correlations differ from the area's: Q, χ² with k df, and p. */
  heterogeneity: z
    .object({ statistic: z.number(), df: z.number().int(), p: z.number() })
    .nullable(),
  note: z.string().nullable(),
  questions: z.array(questionSchema),
})

export const questionsResponseSchema = z
  .object({
    ...contextShape,
    outcome: z.literal('retained_12m'),
    areas: z.array(questionAreaSchema.openapi('QuestionArea')),
  })
  .openapi('Questions')
export type QuestionsResponse = z.infer<typeof questionsResponseSchema>
type QuestionArea = QuestionsResponse['areas'][number]
type QuestionRow = QuestionArea['questions'][number]

/** Per question of each area: what it was asked in, and how its ratings went with retention. */
export function questionsResponse(cohort: Cohort): QuestionsResponse {
  const { dataset, outcomeOfRow } = cohort
  const asked = dataset.questions
  const perQuestion = asked.questions.map(() => ({
    scores: [] as number[],
    areaScores: [] as number[],
    hireScores: [] as number[],
    outcomes: [] as number[],
    ratingSum: 0,
    ratings: 0,
  }))
  for (const row of cohort.rows) {
    for (let slot = asked.start[row]!; slot < asked.start[row + 1]!; slot++) {
      const code = asked.question[slot]!
      const entry = perQuestion[code]!
      const score = asked.ratingSum[slot]! / asked.ratings[slot]!
      entry.scores.push(score)
      entry.areaScores.push(dataset.areaScores[asked.questions[code]!.area]![row]!)
      entry.ratingSum += asked.ratingSum[slot]!
      entry.ratings += asked.ratings[slot]!
      const outcome = outcomeOfRow[row]!
      if (outcome !== -1) {
        entry.hireScores.push(score)
        entry.outcomes.push(outcome)
      }
    }
  }
  const areas = dataset.areas.map((area, k): QuestionArea => {
    const hireScores: number[] = []
    const outcomes: number[] = []
    for (const { row, outcome } of cohort.hires) {
      const score = dataset.areaScores[k]![row]!
      if (outcome === null || Number.isNaN(score)) continue
      hireScores.push(score)
      outcomes.push(outcome)
    }
    // Below the data floor the area shows no r either, as on the validity table.
    const areaStayed = outcomes.filter((outcome) => outcome === 1).length
    const areaTooFew = tooFewHires(areaStayed, outcomes.length - areaStayed)
    const areaTest = areaTooFew === null ? correlationTest(hireScores, outcomes) : null
    const questions = asked.questions.flatMap((question, code): QuestionRow[] => {
      if (question.area !== k) return []
      const entry = perQuestion[code]!
      if (entry.scores.length === 0) return []
      const stayed = entry.outcomes.filter((outcome) => outcome === 1).length
      const left = entry.outcomes.length - stayed
      const tooFew = tooFewHires(stayed, left)
      const retention = tooFew === null ? correlationTest(entry.hireScores, entry.outcomes) : null
      const withArea = correlationTest(entry.scores, entry.areaScores)
      return [
        {
          question: question.text,
          loops: entry.scores.length,
          ratings: entry.ratings,
          mean_rating: entry.ratings > 0 ? entry.ratingSum / entry.ratings : null,
          r_area: withArea?.r ?? null,
          r_area_ci: withArea?.ci ?? null,
          n: entry.outcomes.length,
          stayed,
          left,
          r: retention?.r ?? null,
          r_ci: retention?.ci ?? null,
          shrunk: null,
          insufficient:
            tooFew ??
            (retention === null ? 'The ratings of this question do not vary: no r.' : null),
        },
      ]
    })
    const shrunk = shrinkArea({
      key: area.key,
      name: area.name,
      n: hireScores.length,
      r: areaTest?.r ?? null,
      r_ci: areaTest?.ci ?? null,
      between_variance: null,
      heterogeneity: null,
      note: null,
      questions,
    })
    return areaTooFew === null ? shrunk : { ...shrunk, note: areaTooFew }
  })
  return {
    ...contextOf(cohort),
    outcome: 'retained_12m',
    areas: areas.filter((area) => area.questions.length > 0),
  }
}

/**
 * The questions' correlations with retention shrunk toward the area's own (see
 * shrinkCorrelations), over the questions that have one; sorted by the shrunk figure, then
 * the raw one, then how often the question was asked.
 */
function shrinkArea(area: QuestionArea): QuestionArea {
  const withR = area.questions.filter((question) => question.r !== null)
  const estimates: CorrelationEstimate[] = withR.map((question) => ({
    r: question.r!,
    n: question.n,
  }))
  const shrinkage =
    area.r === null
      ? {
          betweenVariance: null,
          heterogeneity: null,
          note: 'The area has no correlation with retention to shrink toward.',
          shrunk: withR.map(() => null),
        }
      : shrinkCorrelations(estimates, area.r)
  const shrunkOf = new Map(withR.map((question, at) => [question, shrinkage.shrunk[at] ?? null]))
  const questions = area.questions
    .map((question) => ({ ...question, shrunk: shrunkOf.get(question) ?? null }))
    .sort(
      (a, b) =>
        (b.shrunk?.r ?? -Infinity) - (a.shrunk?.r ?? -Infinity) ||
        (b.r ?? -Infinity) - (a.r ?? -Infinity) ||
        b.loops - a.loops ||
        a.question.localeCompare(b.question),
    )
  return {
    ...area,
    between_variance: shrinkage.betweenVariance,
    heterogeneity: shrinkage.heterogeneity,
    note: shrinkage.note,
    questions,
  }
}

/**
 * A restricted answer: an area's figures only where its hires of other managers' requisitions
 * reach the floor among those who stayed and those who left; a question's loops, mean and r
 * with the area only where as many applicants of others were asked it, and its r with
 * retention only where as many such hires asked it stayed and as many left. The shrinkage is
 * redone over the questions shown, so no shown figure rests on a withheld one.
 */
export function restrictQuestions(
  response: QuestionsResponse,
  release: ShownBox,
): QuestionsResponse {
  const withheldFigures: QuestionsResponse['disclosure']['withheld'] = []
  const hidden = (area: QuestionArea, count: number) =>
    withheldFigures.push({
      figure: `areas.${area.key}.questions`,
      reason: `${area.name}: ${count} ${count === 1 ? 'question' : 'questions'} asked of fewer than ${release.floor} applicants of other managers' requisitions left out.`,
    })
  const areas = response.areas.map((area) => {
    if (!release.visible(`outcomes ${area.key}`)) {
      withheldFigures.push(areaWithheld(area, release.floor))
      return {
        ...area,
        n: 0,
        r: null,
        r_ci: null,
        between_variance: null,
        heterogeneity: null,
        note: null,
        questions: [],
      }
    }
    let left = 0
    const questions = area.questions.flatMap((question): QuestionRow[] => {
      const key = questionKey(area.key, question.question)
      if (!release.visible(`question ${key}`)) {
        left++
        return []
      }
      if (release.visible(`question ${key} outcomes`)) return [question]
      return [
        {
          ...question,
          n: 0,
          stayed: 0,
          left: 0,
          r: null,
          r_ci: null,
          shrunk: null,
          insufficient: `Withheld: fewer than ${release.floor} hires of other managers' requisitions asked this question stayed, or fewer than ${release.floor} left.`,
        },
      ]
    })
    if (left > 0) hidden(area, left)
    return shrinkArea({ ...area, questions })
  })
  return saying({ ...response, areas }, withheldFigures)
}
