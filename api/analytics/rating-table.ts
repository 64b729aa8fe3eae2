/** One interviewer's rating of one area of one application. */
export interface InterviewerRating {
  interviewer: string
  application: string
  area: string
  rating: number
}

/**
 * Ratings as columns, with interviewers, applications and areas coded 0 … n − 1: the shape
 * the calibration statistics work on, so a million ratings need no object each.
 */
export interface RatingTable {
  interviewer: Int32Array
  interviewerNames: readonly string[]
  application: Int32Array
  applicationCount: number
  area: Int32Array
  areaNames: readonly string[]
  value: Float64Array
}

/** Codes for the distinct values of a list, in order of first appearance. */
function encode(values: readonly string[]): { codes: Int32Array; names: string[] } {
  const byName = new Map<string, number>()
  const names: string[] = []
  const codes = Int32Array.from(values, (value) => {
    let code = byName.get(value)
    if (code === undefined) {
      code = names.length
      byName.set(value, code)
      names.push(value)
    }
    return code
  })
  return { codes, names }
}

/** The table of a list of ratings; application codes follow `applications` when given. */
export function ratingTableOf(
  ratings: readonly InterviewerRating[],
  applications?: readonly string[],
): RatingTable & { applicationNames: readonly string[] } {
  for (const { rating } of ratings) {
    if (!Number.isFinite(rating)) throw new RangeError('ratings must be finite numbers')
  }
  const interviewers = encode(ratings.map((rating) => rating.interviewer))
  const areas = encode(ratings.map((rating) => rating.area))
  const known = applications ?? []
  const applicationCodes = encode([...known, ...ratings.map((rating) => rating.application)])
  return {
    interviewer: interviewers.codes,
    interviewerNames: interviewers.names,
    application: applicationCodes.codes.subarray(known.length),
    applicationCount: applicationCodes.names.length,
    applicationNames: applicationCodes.names,
    area: areas.codes,
    areaNames: areas.names,
    value: Float64Array.from(ratings, (rating) => rating.rating),
  }
}
