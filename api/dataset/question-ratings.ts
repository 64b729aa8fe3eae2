import { asc, isNotNull } from 'drizzle-orm'
import { eachBatch, type Operation, type Queries } from '../../db/store'

/** Ratings are read this many at a time. */
const BATCH = 16_384

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

/**
 * Every rating of the rubric's areas that names a question, summed per loop and question, for
 * the `size` application rows `rowOf` finds by id (undefined: not of this rubric).
 * The ratings are read in the order of their ids and summed here: a GROUP BY on the text keys
 * would sort every rating first, several times slower at a company's size.
 */
export function* questionRatingsOf(
  queries: Queries,
  areas: readonly { id: number }[],
  size: number,
  rowOf: (applicationId: string) => number | undefined,
): Operation<QuestionRatings> {
  const { db, tables } = queries
  const { scores } = tables
  const ratingsRead = db
    .select({
      applicationId: scores.applicationId,
      areaId: scores.areaId,
      question: scores.question,
      rating: scores.rating,
    })
    .from(scores)
    .where(isNotNull(scores.question))
    .orderBy(asc(scores.id))
  const areaOfId = new Map(areas.map((area, index) => [area.id, index]))
  const questions: AskedQuestion[] = []
  const codeOf = new Map<string, number>()
  // One entry per (row, question); a row's entries are chained from its first, a few each.
  const firstEntryOfRow = new Int32Array(size).fill(-1)
  const nextEntry: number[] = []
  const rowOfEntry: number[] = []
  const questionOfEntry: number[] = []
  const sumOfEntry: number[] = []
  const countOfEntry: number[] = []
  const counts = new Int32Array(size)
  const visit = (applicationId: string, areaId: number, question: string, rating: number) => {
    const row = rowOf(applicationId)
    const area = areaOfId.get(areaId)
    if (row === undefined || area === undefined) return
    const key = `${area}|${question}`
    let code = codeOf.get(key)
    if (code === undefined) {
      code = questions.length
      codeOf.set(key, code)
      questions.push({ area, text: question })
    }
    let entry = firstEntryOfRow[row]!
    while (entry !== -1 && questionOfEntry[entry] !== code) entry = nextEntry[entry]!
    if (entry === -1) {
      entry = rowOfEntry.length
      nextEntry.push(firstEntryOfRow[row]!)
      firstEntryOfRow[row] = entry
      rowOfEntry.push(row)
      questionOfEntry.push(code)
      sumOfEntry.push(0)
      countOfEntry.push(0)
      counts[row]!++
    }
    sumOfEntry[entry]! += rating
    countOfEntry[entry]!++
  }
  yield* eachBatch(ratingsRead, BATCH, (batch) => {
    for (const values of batch) {
      const [applicationId, areaId, question, rating] = values as [string, number, string, number]
      visit(applicationId, areaId, question, rating)
    }
  })
  const start = new Int32Array(size + 1)
  for (let row = 0; row < size; row++) start[row + 1] = start[row]! + counts[row]!
  const next = start.slice(0, size)
  const total = start[size]!
  const question = new Int32Array(total)
  const ratingSum = new Float64Array(total)
  const ratings = new Int32Array(total)
  for (let entry = 0; entry < rowOfEntry.length; entry++) {
    const slot = next[rowOfEntry[entry]!]!++
    question[slot] = questionOfEntry[entry]!
    ratingSum[slot] = sumOfEntry[entry]!
    ratings[slot] = countOfEntry[entry]!
  }
  return { questions, start, question, ratingSum, ratings }
}

/** The names of the questions asked in a row's loop, as `area key|question`. */
export function questionKeysOf(
  areas: readonly { key: string }[],
  asked: QuestionRatings,
  row: number,
): string[] {
  const keys: string[] = []
  for (let slot = asked.start[row]!; slot < asked.start[row + 1]!; slot++) {
    const question = asked.questions[asked.question[slot]!]!
    keys.push(questionKey(areas[question.area]!.key, question.text))
  }
  return keys
}

/** How a question is named where one name must say its area too (disclosure cells). */
export const questionKey = (areaKey: string, text: string) => `${areaKey}|${text}`
