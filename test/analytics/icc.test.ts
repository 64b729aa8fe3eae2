import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { icc1, icc1ByArea } from '../../api/analytics/icc'

const REFERENCE_DIR = join(import.meta.dirname, '..', 'fixtures', 'reference')

function readReference(name: string): string {
  return readFileSync(join(REFERENCE_DIR, name), 'utf8')
}

interface ExpectedIcc {
  key: string
  n_groups: number
  n_ratings: number
  k0: number
  msb: number
  msw: number
  icc1: number
}

interface ExpectedIccCheck {
  key: string
  aov_subset_groups: number
  icc1_hand: number
  icc1_aov: number
  balanced_subset_groups?: number
  icc1_hand_balanced?: number
  icc1_psych_balanced?: number
}

const expected = JSON.parse(readReference('expected.json')) as {
  icc: ExpectedIcc[]
  checks: { icc: ExpectedIccCheck[] }
}

type Rating = { group: string; value: number }

/** Numeric ratings per area in file order, as reference.R reads them (blank or non-numeric dropped). */
function referenceRatings(): Map<string, Rating[]> {
  const rows = parse<Record<string, string>>(readReference('scores.csv'), {
    columns: true,
    skip_empty_lines: true,
  })
  const byArea = new Map<string, Rating[]>()
  for (const row of rows) {
    const text = row.rating?.trim() ?? ''
    const value = Number(text)
    if (text === '' || Number.isNaN(value)) continue
    const area = row.area!
    const list = byArea.get(area) ?? []
    list.push({ group: row.application_id!, value })
    byArea.set(area, list)
  }
  return byArea
}

function expectNear(actual: number | undefined, wanted: number, label: string) {
  expect(actual, label).toBeDefined()
  expect(Math.abs(actual! - wanted), `${label}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(1e-6)
}

/** The ratings of the chosen groups only, in file order (a subset as reference.R takes it). */
function ratingsOfGroups(ratings: readonly Rating[], chosen: readonly string[]): Rating[] {
  const keep = new Set(chosen)
  return ratings.filter((rating) => keep.has(rating.group))
}

describe('ICC(1) against the R reference values', () => {
  const ratingsByArea = referenceRatings()

  it('covers the same areas', () => {
    expect([...ratingsByArea.keys()].sort()).toEqual(expected.icc.map((row) => row.key).sort())
  })

  for (const row of expected.icc) {
    it(`matches icc_parts for ${row.key}`, () => {
      const result = icc1(ratingsByArea.get(row.key) ?? [])
      expect(result).not.toBeNull()
      expect(result!.n_groups).toBe(row.n_groups)
      expect(result!.n_ratings).toBe(row.n_ratings)
      expectNear(result!.k0, row.k0, `${row.key} k0`)
      expectNear(result!.msb, row.msb, `${row.key} msb`)
      expectNear(result!.msw, row.msw, `${row.key} msw`)
      expectNear(result!.icc1, row.icc1, `${row.key} icc1`)
    })
  }

  for (const check of expected.checks.icc) {
    it(`matches the aov and psych::ICC cross-checks for ${check.key}`, () => {
      const ratings = ratingsByArea.get(check.key) ?? []
      // First 300 applications in order of first appearance: head(unique(application_id), 300).
      const inOrder = [...new Set(ratings.map((rating) => rating.group))]
      const subset = icc1(ratingsOfGroups(ratings, inOrder.slice(0, check.aov_subset_groups)))
      expect(subset?.n_groups).toBe(check.aov_subset_groups)
      expectNear(subset?.icc1, check.icc1_hand, `${check.key} icc1_hand`)
      expectNear(subset?.icc1, check.icc1_aov, `${check.key} icc1_aov`)

      if (check.balanced_subset_groups === undefined) return
      // First 200 applications, by sorted id, with exactly three ratings: table() sorts its names.
      const counts = new Map<string, number>()
      for (const { group } of ratings) counts.set(group, (counts.get(group) ?? 0) + 1)
      const threes = [...counts.keys()].filter((group) => counts.get(group) === 3).sort()
      const chosen = threes.slice(0, 200)
      expect(chosen).toHaveLength(check.balanced_subset_groups)
      const balanced = icc1(ratingsOfGroups(ratings, chosen))
      expect(balanced?.k0).toBe(3)
      expectNear(balanced?.icc1, check.icc1_hand_balanced!, `${check.key} icc1_hand_balanced`)
      expectNear(balanced?.icc1, check.icc1_psych_balanced!, `${check.key} icc1_psych_balanced`)
    })
  }
})

/** Ratings from a table of groups: { a: [1, 2], b: [3] } → one rating per value. */
function ratingsOf(table: Record<string, number[]>): Rating[] {
  return Object.entries(table).flatMap(([group, values]) =>
    values.map((value) => ({ group, value })),
  )
}

describe('icc1', () => {
  it('is 1 when raters agree perfectly within groups that differ', () => {
    const result = icc1(ratingsOf({ a: [1, 1, 1], b: [3, 3], c: [5, 5, 5, 5] }))
    expect(result?.msw).toBe(0)
    expect(result?.icc1).toBe(1)
  })

  it('is the formula value, below 0, when every group has the same mean', () => {
    // Means all 2, so MSB = 0; MSW = (2 + 0 + 2)/(6 − 3) = 4/3.
    // k0 = (6 − (4 + 1 + 9)/6)/2 = 11/6, ICC = −MSW/((k0 − 1)·MSW) = −1/(5/6) = −6/5.
    const result = icc1(ratingsOf({ a: [1, 3], b: [2], c: [1, 2, 3] }))!
    expect(result.msb).toBeCloseTo(0, 14)
    expect(result.msw).toBeCloseTo(4 / 3, 14)
    expect(result.k0).toBeCloseTo(11 / 6, 14)
    expect(result.icc1).toBeCloseTo(-6 / 5, 14)
  })

  it('equals Shrout–Fleiss ICC(1,1) on a balanced 3 × 3 table', () => {
    // Targets × judges: [1 2 3], [5 5 5], [7 8 9]; means 2, 5, 8, grand mean 5.
    // BMS = 3·(9 + 0 + 9)/2 = 27, WMS = (2 + 0 + 2)/(3·2) = 2/3,
    // ICC(1,1) = (BMS − WMS)/(BMS + (k − 1)·WMS) = (79/3)/(85/3) = 79/85.
    const result = icc1(ratingsOf({ t1: [1, 2, 3], t2: [5, 5, 5], t3: [7, 8, 9] }))!
    expect(result.n_groups).toBe(3)
    expect(result.n_ratings).toBe(9)
    expect(result.k0).toBe(3)
    expect(result.msb).toBeCloseTo(27, 12)
    expect(result.msw).toBeCloseTo(2 / 3, 14)
    expect(result.icc1).toBeCloseTo(79 / 85, 14)
  })

  it('does not depend on the order of the ratings', () => {
    const ratings = ratingsOf({ a: [1, 2, 4], b: [3, 3], c: [2, 4, 4, 1], d: [5] })
    expect(icc1([...ratings].reverse())?.icc1).toBeCloseTo(icc1(ratings)!.icc1, 14)
  })

  it('is null for a single group', () => {
    expect(icc1(ratingsOf({ a: [1, 2, 3, 4] }))).toBeNull()
  })

  it('is null without within-group degrees of freedom', () => {
    expect(icc1(ratingsOf({ a: [1], b: [2], c: [4] }))).toBeNull()
    expect(icc1([])).toBeNull()
  })

  it('is null when every rating is the same (zero denominator)', () => {
    expect(icc1(ratingsOf({ a: [0.1, 0.1, 0.1], b: [0.1, 0.1], c: [0.1] }))).toBeNull()
  })
})

describe('icc1ByArea', () => {
  it('gives each area what icc1 gives its ratings alone, and null for an area without any', () => {
    // Ratings of three areas over five groups; area 2 has none.
    const ratings: [area: number, group: number, value: number][] = [
      [0, 0, 3],
      [0, 0, 4],
      [0, 1, 2],
      [0, 1, 2],
      [0, 2, 4],
      [0, 2, 3],
      [1, 0, 1],
      [1, 3, 3],
      [1, 3, 4],
      [1, 4, 2],
      [1, 4, 4],
      [0, 4, 1],
    ]
    const visited: number[] = []
    const results = icc1ByArea(3, 5, (visit) => {
      visited.push(ratings.length)
      for (const [area, group, value] of ratings) visit(area, group, value)
    })
    expect(visited).toEqual([ratings.length, ratings.length])
    for (const area of [0, 1]) {
      const alone = ratings
        .filter((rating) => rating[0] === area)
        .map(([, group, value]) => ({ group: String(group), value }))
      expect(results[area]).toEqual(icc1(alone))
      expect(results[area]).not.toBeNull()
    }
    expect(results[2]).toBeNull()
  })
})
