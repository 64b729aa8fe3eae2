import { describe, expect, it } from 'vitest'
import type { Rating } from '../../web/src/features/pipeline/api/get-application'
import { loopByArea, loopSummary } from '../../web/src/features/pipeline/components/loop-data'

const rating = (area: string, interviewer: string, value: number, extra: Partial<Rating> = {}) =>
  ({
    interviewer,
    area,
    rating: value,
    interviewed_at: '2025-03-04',
    minutes: 45,
    red_flags: [],
    note: null,
    ...extra,
  }) satisfies Rating

const areaScores = [
  { key: 'ownership', name: 'Ownership & lifetimes', score: 3.5, ratings: 2 },
  { key: 'judgment', name: 'Judgment', score: null, ratings: 0 },
]

const UNSAFE = { key: 'unsafe_to_silence_borrowck', name: 'unsafe to silence the borrow checker' }
const CLONES = { key: 'clones_everything', name: 'Clones everything' }

describe('the loop of one application, area by area', () => {
  it('gives each area its ratings, mean, minutes and red flags once each, in rubric order', () => {
    const areas = loopByArea({
      area_scores: areaScores,
      scores: [
        rating('ownership', 'ana', 4, { red_flags: [UNSAFE] }),
        rating('ownership', 'bo', 3, {
          minutes: 30,
          red_flags: [UNSAFE, CLONES],
        }),
      ],
    })
    expect(areas.map((area) => area.key)).toEqual(['ownership', 'judgment'])
    expect(areas[0]).toMatchObject({
      mean: 3.5,
      minutes: 75,
      redFlags: [UNSAFE, CLONES],
    })
    expect(areas[0]!.ratings.map((one) => one.interviewer)).toEqual(['ana', 'bo'])
    expect(areas[1]).toMatchObject({ mean: null, minutes: null, redFlags: [], ratings: [] })
  })

  it('keeps ratings of an area the rubric no longer has, after the rubric areas', () => {
    const areas = loopByArea({
      area_scores: areaScores,
      scores: [rating('async', 'ana', 2, { minutes: null })],
    })
    expect(areas.map((area) => [area.key, area.name, area.mean, area.minutes])).toEqual([
      ['ownership', 'Ownership & lifetimes', null, null],
      ['judgment', 'Judgment', null, null],
      ['async', 'async', 2, null],
    ])
  })

  it('sums the loop up in one line', () => {
    const areas = loopByArea({
      area_scores: areaScores,
      scores: [rating('ownership', 'ana', 4), rating('ownership', 'bo', 3, { minutes: null })],
    })
    expect(loopSummary(areas)).toBe(
      '2 ratings from 2 interviewers across 1 of 2 areas, 45 minutes recorded.',
    )
    expect(loopSummary(loopByArea({ area_scores: areaScores, scores: [] }))).toBe(
      'No ratings were recorded for this application.',
    )
  })
})
