import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { rubricAreas, scores } from '../../db/schema'
import type { AnalyticsDataset } from './dataset'

/** A question of an area: the area's index in the dataset and the question as imported. */
export interface AskedQuestion {
  area: number
  text: string
}

/**
 * The ratings that name a question, per application row and question, stored flat: the
 * entries of row r are start[r] … start[r + 1], each a question (an index into `questions`)
 * with the sum and count of its ratings in that loop.
 */
export interface QuestionRatings {
  questions: AskedQuestion[]
  start: Int32Array
  question: Int32Array
  ratingSum: Float64Array
  ratings: Int32Array
}

/** Every rating of the dataset's rubric that names a question, summed per loop and question. */
export function loadQuestionRatings(db: Db, dataset: AnalyticsDataset): QuestionRatings {
  const { sql: text, params } = db
    .select({
      applicationId: scores.applicationId,
      areaId: scores.areaId,
      question: scores.question,
      ratingSum: sql<number>`sum(${scores.rating})`,
      ratings: sql<number>`count(*)`,
    })
    .from(scores)
    .innerJoin(rubricAreas, eq(rubricAreas.id, scores.areaId))
    .where(and(eq(rubricAreas.rubricId, dataset.rubric.id), isNotNull(scores.question)))
    .groupBy(scores.applicationId, scores.areaId, scores.question)
    .toSQL()
  const rows = db.$client
    .prepare(text)
    .raw(true)
    .all(...params) as [string, number, string, number, number][]
  // Ids are unique, so an id's code in the dataset is its row.
  const rowOfId = new Map(dataset.text.id.values.map((id, row) => [id, row]))
  const areaOfId = new Map(dataset.areas.map((area, index) => [area.id, index]))
  const questions: AskedQuestion[] = []
  const codeOf = new Map<string, number>()
  const rowOfEntry = new Int32Array(rows.length).fill(-1)
  const questionOfEntry = new Int32Array(rows.length)
  const counts = new Int32Array(dataset.size)
  rows.forEach(([applicationId, areaId, text], entry) => {
    const row = rowOfId.get(applicationId)
    const area = areaOfId.get(areaId)
    if (row === undefined || area === undefined) return
    const key = `${area}|${text}`
    let code = codeOf.get(key)
    if (code === undefined) {
      code = questions.length
      codeOf.set(key, code)
      questions.push({ area, text })
    }
    rowOfEntry[entry] = row
    questionOfEntry[entry] = code
    counts[row]!++
  })
  const start = new Int32Array(dataset.size + 1)
  for (let row = 0; row < dataset.size; row++) start[row + 1] = start[row]! + counts[row]!
  const next = start.slice(0, dataset.size)
  const total = start[dataset.size]!
  const question = new Int32Array(total)
  const ratingSum = new Float64Array(total)
  const ratings = new Int32Array(total)
  rows.forEach(([, , , sum, count], entry) => {
    const row = rowOfEntry[entry]!
    if (row < 0) return
    const slot = next[row]!++
    question[slot] = questionOfEntry[entry]!
    ratingSum[slot] = sum
    ratings[slot] = count
  })
  return { questions, start, question, ratingSum, ratings }
}

/** The names of the questions asked in a row's loop, as `area key|question`. */
export function questionKeysOf(
  dataset: AnalyticsDataset,
  asked: QuestionRatings,
  row: number,
): string[] {
  const keys: string[] = []
  for (let slot = asked.start[row]!; slot < asked.start[row + 1]!; slot++) {
    const question = asked.questions[asked.question[slot]!]!
    keys.push(questionKey(dataset.areas[question.area]!.key, question.text))
  }
  return keys
}

/** How a question is named where one name must say its area too (disclosure cells). */
export const questionKey = (areaKey: string, text: string) => `${areaKey}|${text}`
