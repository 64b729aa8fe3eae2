import { describe, expect, it } from 'vitest'
import { validityInput, validityReport, type ApplicationRecord } from '../../api/analytics/validity'

const AREAS = [
  { key: 'ownership', name: 'Ownership & lifetimes' },
  { key: 'judgment', name: 'Judgment' },
]
const AS_OF = '2026-03-31'
const STAYED = { startDate: '2024-01-01', endDate: null }
const LEFT = { startDate: '2024-01-01', endDate: '2024-06-01' }
const NEW_HIRE = { startDate: '2026-01-01', endDate: null }

const validityOf = (records: ApplicationRecord[]) =>
  validityReport(AREAS, validityInput(AREAS.length, records, AS_OF), AS_OF)

function hires(rows: [number | null, number | null, boolean][]): ApplicationRecord[] {
  return rows.map(([ownership, judgment, stayed]) => ({
    areaScores: [ownership, judgment],
    hire: stayed ? STAYED : LEFT,
  }))
}

describe('validityReport', () => {
  it('counts the pool, hires, known outcomes and leaves recent hires out', () => {
    const records: ApplicationRecord[] = [
      ...hires([
        [3, 2, true],
        [2, 4, false],
        [4, 3, true],
        [3, 3, true],
        [1, 2, false],
      ]),
      { areaScores: [3, null], hire: NEW_HIRE },
      { areaScores: [1, 1], hire: null },
      { areaScores: [null, null], hire: null },
    ]
    const report = validityOf(records)
    expect(report.n_applications).toBe(8)
    expect(report.n_hires).toBe(6)
    expect(report.n_hires_outcome).toBe(5)
    expect(report.n_retained).toBe(3)
    expect(report.n_left).toBe(2)
    expect(report.areas[0]!.n_pool).toBe(7)
    expect(report.areas[0]!.n).toBe(5)
    expect(report.areas[1]!.n_pool).toBe(6)
    expect(report.areas[0]!.mean_retained).toBeCloseTo(10 / 3, 14)
    expect(report.areas[0]!.mean_left).toBeCloseTo(1.5, 14)
  })

  it('says why when every hire used has the same score, and puts no NaN in the JSON', () => {
    const report = validityOf(
      hires([
        [3, 1, true],
        [3, 2, false],
        [3, 3, true],
        [3, 4, false],
        [3, 2, true],
      ]),
    )
    const ownership = report.areas[0]!
    expect(ownership.r).toBeNull()
    expect(ownership.auc).toBeNull()
    expect(ownership.not_computable).toMatch(/same score/)
    expect(report.areas[1]!.r).not.toBeNull()
    const json = JSON.stringify(report)
    expect(json).not.toMatch(/NaN|Infinity/)
    expect(JSON.parse(json)).toEqual(report)
  })

  it('needs at least four hires and both outcomes', () => {
    const few = validityOf(
      hires([
        [3, 2, true],
        [2, 3, false],
        [4, 4, true],
      ]),
    )
    expect(few.areas[0]!.not_computable).toMatch(/at least 4/)
    const allStayed = validityOf(
      hires([
        [3, 2, true],
        [2, 3, true],
        [4, 4, true],
        [1, 2, true],
      ]),
    )
    expect(allStayed.areas[0]!.not_computable).toMatch(/All 4 hires stayed/)
    const none = validityOf([])
    expect(none.areas[0]!.not_computable).toMatch(/No hire/)
    expect(none.model.status).toBe('insufficient')
  })

  it('keeps r and AUC but withholds the odds ratio under separation', () => {
    const report = validityOf(
      hires([
        [4, 2, true],
        [4, 3, true],
        [3, 1, true],
        [2, 4, false],
        [1, 2, false],
      ]),
    )
    const ownership = report.areas[0]!
    expect(ownership.r).toBeGreaterThan(0.8)
    expect(ownership.auc).toBe(1)
    expect(ownership.odds_ratio).toBeNull()
    expect(ownership.warnings.join(' ')).toMatch(/separation/)
  })

  it('marks rows below 30 hires as insufficient and 30 or more as sufficient', () => {
    const make = (n: number) =>
      hires(Array.from({ length: n }, (_, i) => [1 + (i % 4), 1 + ((i * 7) % 4), i % 3 !== 0]))
    expect(validityOf(make(29)).areas[0]!.insufficient).toBe(true)
    expect(validityOf(make(30)).areas[0]!.insufficient).toBe(false)
  })

  it('adjusts q over the areas in the response', () => {
    const report = validityOf(
      hires(Array.from({ length: 40 }, (_, i) => [1 + (i % 4), 1 + ((i * 3) % 4), i % 4 >= 2])),
    )
    const [first, second] = report.areas
    const ps = [first!.p!, second!.p!]
    const smaller = Math.min(...ps)
    expect(Math.min(first!.q!, second!.q!)).toBeCloseTo(
      Math.min(1, Math.max(...ps), 2 * smaller),
      12,
    )
  })
})
