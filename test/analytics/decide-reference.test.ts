import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { topArea } from '../../api/analytics/dependent-correlations'
import { interviewerLeniency } from '../../api/analytics/interviewer-leniency'
import { type CompleteCase, retentionModel } from '../../api/analytics/retention-model'

// Values computed with R by test/fixtures/decide/decide.R.
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')

interface Expected {
  zou: Record<string, { r1: number; r2: number; difference: number; ci: [number, number] }>
  glm: { terms: string[]; dropped: string[]; coefficients: number[]; se: number[] }
  leniency: Record<
    string,
    { n_compared: number; n_applications: number; leniency: number; ci: [number, number] }
  >
}
const expected = JSON.parse(fixture('decide/expected.json')) as Expected

const areas = ['ownership', 'concurrency', 'judgment', 'constant', 'sum_of_two'] as const
const rows = parse<Record<string, string>>(fixture('decide/cases.csv'), { columns: true }).map(
  (row): CompleteCase => ({
    scores: areas.map((area) => Number(row[area])),
    outcome: Number(row.stayed) === 1 ? 1 : 0,
  }),
)

describe("Zou's interval for overlapping dependent correlations against R", () => {
  it('gives the difference of the top area from each other area and its interval', () => {
    const result = topArea(
      [
        { key: 'ownership', index: 0, r: expected.zou.ownership_vs_concurrency!.r1 },
        { key: 'concurrency', index: 1, r: expected.zou.ownership_vs_concurrency!.r2 },
        { key: 'judgment', index: 2, r: expected.zou.ownership_vs_judgment!.r2 },
      ],
      rows,
    )
    expect(result?.key).toBe('ownership')
    const byKey = new Map(result!.differences.map((entry) => [entry.key, entry]))
    for (const [other, wanted] of [
      ['concurrency', expected.zou.ownership_vs_concurrency!],
      ['judgment', expected.zou.ownership_vs_judgment!],
    ] as const) {
      const found = byKey.get(other)!
      expect(found.n).toBe(rows.length)
      expect(found.difference).toBeCloseTo(wanted.difference, 10)
      expect(found.difference_ci[0]).toBeCloseTo(wanted.ci[0], 8)
      expect(found.difference_ci[1]).toBeCloseTo(wanted.ci[1], 8)
    }
    // Ownership is ahead of judgment beyond chance, but not of concurrency: not clearly strongest.
    expect(result!.clearly_strongest).toBe(false)
  })

  it('calls the top area clearly strongest only when every difference excludes 0', () => {
    const result = topArea(
      [
        { key: 'ownership', index: 0, r: expected.zou.ownership_vs_judgment!.r1 },
        { key: 'judgment', index: 2, r: expected.zou.ownership_vs_judgment!.r2 },
      ],
      rows,
    )
    expect(result!.clearly_strongest).toBe(true)
  })
})

describe('the retention model with a constant and a collinear area, against R', () => {
  const model = retentionModel(areas, rows)

  it('leaves out the areas R reports as NA, names them and fits the rest', () => {
    expect(model.status).toBe('ok')
    expect(model.terms).toEqual(expected.glm.terms)
    expect(model.dropped.map((entry) => entry.term)).toEqual(expected.glm.dropped)
    expect(model.dropped[0]!.reason).toMatch(/same constant score/)
    expect(model.dropped[1]!.reason).toMatch(
      /linear combination of ownership, concurrency, judgment/,
    )
    model.coefficients!.forEach((value, k) =>
      expect(value).toBeCloseTo(expected.glm.coefficients[k]!, 6),
    )
    model.se!.forEach((value, k) => expect(value).toBeCloseTo(expected.glm.se[k]!, 6))
  })
})

describe('interviewer leniency clustered by application, against R on the reference scores', () => {
  const scores = parse<Record<string, string>>(fixture('reference/scores.csv'), { columns: true })
  const result = interviewerLeniency(
    scores.map((row) => ({
      interviewer: row.interviewer!,
      application: row.application_id!,
      area: row.area!,
      rating: Number(row.rating),
    })),
  )

  it('matches every interviewer to 1e-9', () => {
    const names = Object.keys(expected.leniency)
    expect(names.length).toBeGreaterThan(10)
    for (const name of names) {
      const wanted = expected.leniency[name]!
      const found = result.find((entry) => entry.interviewer === name)!
      expect(found.n_compared, name).toBe(wanted.n_compared)
      expect(found.n_applications_compared, name).toBe(wanted.n_applications)
      expect(found.leniency!, name).toBeCloseTo(wanted.leniency, 9)
      expect(found.leniency_ci![0], name).toBeCloseTo(wanted.ci[0], 9)
      expect(found.leniency_ci![1], name).toBeCloseTo(wanted.ci[1], 9)
    }
  })
})
