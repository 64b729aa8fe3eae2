import type { ApplicationDetail, Rating } from '../api/get-application'

/** One rubric area of a candidate's loop: every interviewer's rating and what they spent on it. */
export interface AreaLoop {
  key: string
  name: string
  /** Mean of the interviewers' ratings; null when nobody rated the area. */
  mean: number | null
  ratings: Rating[]
  /** Minutes recorded for the area; null when no interviewer recorded any. */
  minutes: number | null
  /** Every red flag raised in the area, once each, in the order first raised. */
  redFlags: Rating['red_flags']
}

function areaLoop(key: string, name: string, ratings: Rating[]): AreaLoop {
  const recorded = ratings.flatMap((rating) => (rating.minutes === null ? [] : [rating.minutes]))
  return {
    key,
    name,
    mean:
      ratings.length === 0
        ? null
        : ratings.reduce((sum, rating) => sum + rating.rating, 0) / ratings.length,
    ratings,
    minutes: recorded.length === 0 ? null : recorded.reduce((sum, minutes) => sum + minutes, 0),
    redFlags: [
      ...new Map(
        ratings.flatMap((rating) => rating.red_flags).map((flag) => [flag.key, flag]),
      ).values(),
    ],
  }
}

/**
 * The loop area by area in rubric order; ratings in an area the rubric no longer has still show,
 * after the rubric's areas, under their key.
 */
export function loopByArea(detail: Pick<ApplicationDetail, 'area_scores' | 'scores'>): AreaLoop[] {
  const known = new Set(detail.area_scores.map((area) => area.key))
  const strayKeys = [
    ...new Set(detail.scores.map((rating) => rating.area).filter((key) => !known.has(key))),
  ]
  return [
    ...detail.area_scores.map((area) => ({ key: area.key, name: area.name })),
    ...strayKeys.map((key) => ({ key, name: key })),
  ].map(({ key, name }) =>
    areaLoop(
      key,
      name,
      detail.scores.filter((rating) => rating.area === key),
    ),
  )
}

/** The whole loop in one line: interviewers, ratings and minutes. */
export function loopSummary(areas: readonly AreaLoop[]): string {
  const ratings = areas.flatMap((area) => area.ratings)
  if (ratings.length === 0) return 'No ratings were recorded for this application.'
  const interviewers = new Set(ratings.map((rating) => rating.interviewer)).size
  const minutes = areas.reduce((sum, area) => sum + (area.minutes ?? 0), 0)
  const rated = areas.filter((area) => area.ratings.length > 0).length
  return (
    `${ratings.length} rating${ratings.length === 1 ? '' : 's'} from ${interviewers} ` +
    `interviewer${interviewers === 1 ? '' : 's'} across ${rated} of ${areas.length} areas` +
    (minutes > 0 ? `, ${minutes} minutes recorded.` : '.')
  )
}
