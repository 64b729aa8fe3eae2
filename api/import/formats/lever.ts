import {
  asArray,
  asRecord,
  isoDay,
  kindOf,
  textOf,
  type JsonObject,
  type RecordProblem,
} from './json-values'
import type { ConvertedScorecard, ScorecardRating } from './greenhouse'

/** A Lever feedback form: score fields, the opportunity it is about, and who filled it in. */
export function isLeverFeedback(record: unknown): boolean {
  const value = asRecord(record)
  if (!value || !Array.isArray(value.fields)) return false
  return ['opportunity_id', 'opportunityId', 'opportunity'].some((key) => Object.hasOwn(value, key))
}

/** A score-system value (1–4, "3", "3 - Hire" or {score: 3}) as a rating. */
function scoreOf(value: unknown): number | null {
  const object = asRecord(value)
  const raw = object ? (object.score ?? object.value) : value
  const match = /^\s*(\d+(?:\.\d+)?)/.exec(textOf(raw))
  return match ? Number(match[1]) : null
}

function idOf(value: unknown): string {
  const object = asRecord(value)
  return textOf(object ? object.id : value)
}

/**
 * The ratings of a Lever feedback form: fields of type score-system as they are, yes-no as
 * 4 (yes) or 1 (no); other fields (text, dates) are not ratings and are left alone.
 */
export function leverFeedback(record: unknown, path: string): ConvertedScorecard {
  const feedback: JsonObject = asRecord(record) ?? {}
  const problems: RecordProblem[] = []
  const ratings: ScorecardRating[] = []
  if (!asRecord(record)) {
    problems.push({ path, column: null, message: `expected an object (got ${kindOf(record)})` })
  } else if (!Array.isArray(feedback.fields)) {
    problems.push({
      path: `${path}.fields`,
      column: 'rating',
      message: `fields must be an array of feedback fields (got ${kindOf(feedback.fields)})`,
    })
  }
  asArray(feedback.fields).forEach((entry, index) => {
    const field = asRecord(entry)
    const at = `${path}.fields[${index}]`
    if (!field) {
      problems.push({
        path: at,
        column: 'rating',
        message: `a field must be an object with a type, a text and a value (got ${kindOf(entry)})`,
      })
      return
    }
    const type = textOf(field.type)
    const name = textOf(field.text ?? field.name).trim()
    const value = field.value
    if (value === null || value === undefined || value === '') return
    let rating: number | null = null
    if (type === 'score-system') {
      rating = scoreOf(value)
      if (rating === null) {
        problems.push({
          path: `${at}.value`,
          column: 'rating',
          message: `a score-system value must be a score from 1 to 4 (got "${textOf(value).slice(0, 40)}")`,
        })
        return
      }
    } else if (type === 'yes-no') {
      const answer = textOf(value).toLowerCase()
      if (answer !== 'yes' && answer !== 'no') {
        problems.push({
          path: `${at}.value`,
          column: 'rating',
          message: `a yes-no value must be "yes" or "no" (got "${textOf(value).slice(0, 40)}")`,
        })
        return
      }
      rating = answer === 'yes' ? 4 : 1
    } else {
      return
    }
    if (name === '') {
      problems.push({ path: `${at}.text`, column: 'area', message: 'the field has no text' })
      return
    }
    ratings.push({ path: at, attribute: name, rating, note: '' })
  })
  const user = feedback.user_id ?? feedback.user ?? feedback.completedBy
  return {
    applicationId: idOf(feedback.opportunity_id ?? feedback.opportunityId ?? feedback.opportunity),
    interviewer: idOf(user) === '' ? '' : `lever-${idOf(user)}`,
    interviewedAt: isoDay(feedback.completedAt ?? feedback.createdAt ?? feedback.created_at),
    ratings,
    problems,
  }
}
