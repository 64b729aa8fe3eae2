import { parse } from 'csv-parse/sync'
import { eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SalaryResponse } from '../../api/analyses/reports/salary'
import { outcomeAsOf } from '../../api/analytics/retention'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { LEVELS } from '../../db/domain'
import { applications, benchmarks, requisitions } from '../../db/schema'
import { createBareApp, createReferenceApp, createTestApp, FIXED_TODAY } from '../helpers/app'
import { asBearer, userWithToken } from '../helpers/auth'
import { createTestDatabase } from '../helpers/database'
import { referenceFile } from '../helpers/reference'

type Requester = ReturnType<typeof asBearer>

const AS_OF = '2026-03-31'

// Bands for three of the reference data's four levels: staff has none of its own.
const LEVEL_BANDS = {
  junior: { low: 90_000, high: 120_000 },
  mid: { low: 120_000, high: 160_000 },
  senior: { low: 150_000, high: 200_000 },
} as const
const midpointOf = (level: keyof typeof LEVEL_BANDS) =>
  (LEVEL_BANDS[level].low + LEVEL_BANDS[level].high) / 2
const NO_STAFF_BAND =
  "No benchmark band for staff: a compa-ratio is held only against a band of the hire's own level."

const applicationsCsv = parse<Record<string, string>>(
  referenceFile('applications.csv').toString('utf8'),
  { columns: true, skip_empty_lines: true },
)

async function salaryOf(app: Requester): Promise<SalaryResponse> {
  const response = await app.request(`/api/analytics/salary?as_of=${AS_OF}`)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as SalaryResponse
}

describe('salary bands per level', () => {
  let setup: Awaited<ReturnType<typeof createReferenceApp>>
  let body: SalaryResponse

  beforeAll(async () => {
    setup = await createReferenceApp()
    for (const [level, band] of Object.entries(LEVEL_BANDS)) {
      const response = await setup.app.request('/api/benchmarks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          metric: 'salary',
          level,
          ...band,
          unit: 'USD',
          source: `Survey of ${level} Rust engineers`,
          source_date: '2026-01',
        }),
      })
      expect(response.status).toBe(201)
    }
    body = await salaryOf(setup.app)
  })

  it("holds each hire against the midpoint of its own level's band", () => {
    const banded = body.hires.filter((hire) => hire.level !== 'staff')
    expect(banded.length).toBeGreaterThan(0)
    for (const hire of banded) {
      const level = hire.level as keyof typeof LEVEL_BANDS
      expect(hire.band_midpoint, hire.application_id).toBe(midpointOf(level))
      expect(hire.compa_ratio).toBeCloseTo(hire.salary / midpointOf(level), 14)
      expect(hire.compa_ratio_reason).toBeNull()
    }
    const senior = body.hires.find((hire) => hire.application_id === 'APP-000009')!
    expect(senior).toEqual({
      application_id: 'APP-000009',
      level: 'senior',
      salary: 177_000,
      band_midpoint: 175_000,
      compa_ratio: 177_000 / 175_000,
      compa_ratio_reason: null,
    })
  })

  it('gives a hire of a level without a band no compa-ratio, and says why', () => {
    const staff = body.hires.filter((hire) => hire.level === 'staff')
    expect(staff.length).toBeGreaterThan(0)
    for (const hire of staff) {
      expect(hire).toMatchObject({
        band_midpoint: null,
        compa_ratio: null,
        compa_ratio_reason: NO_STAFF_BAND,
      })
    }
    const staffLevel = body.by_level.find((level) => level.level === 'staff')!
    expect(staffLevel).toMatchObject({ band: null, band_reason: NO_STAFF_BAND, below_band: 0 })
    for (const level of body.by_level.filter((entry) => entry.level !== 'staff')) {
      expect(level.band?.level).toBe(level.level)
      expect(level.band_reason).toBeNull()
    }
    expect(body.compa_ratio.n).toBe(body.hires.length - staff.length)
  })

  it('compares retention by compa-ratio over the hires with a band of their level only', () => {
    const withOutcome = (level: (name: string) => boolean) =>
      applicationsCsv.filter(
        (row) =>
          level(row.level!) &&
          row.offer_salary !== '' &&
          outcomeAsOf(
            {
              decision: row.decision!,
              startDate: row.start_date || null,
              endDate: row.end_date || null,
            },
            AS_OF,
          ) !== null,
      ).length
    const counted = body.retention_by_compa_ratio.reduce((sum, band) => sum + band.n_outcome, 0)
    expect(counted).toBe(withOutcome((level) => level !== 'staff'))
    expect(withOutcome((level) => level === 'staff')).toBeGreaterThan(0)
  })
})

describe('the demo data set', () => {
  const db = createTestDatabase()
  beforeAll(() => seedDemoIfEmpty(db, FIXED_TODAY))

  it('has a salary band with a source and a date for every level', async () => {
    const bands = db.select().from(benchmarks).where(eq(benchmarks.metric, 'salary')).all()
    for (const level of LEVELS) {
      const own = bands.filter((band) => band.level === level)
      expect(own, level).toHaveLength(1)
      expect(own[0]!.low!).toBeLessThan(own[0]!.high!)
      expect(own[0]!.source).toMatch(/\S/)
      expect(own[0]!.sourceDate).toMatch(/^\d{4}(-\d{2}){0,2}$/)
    }
    const { app } = createTestApp(db)
    const body = await salaryOf(app)
    expect(body.by_level.length).toBeGreaterThan(0)
    for (const level of body.by_level) expect(level.band?.level).toBe(level.level)
    expect(body.hires.length).toBeGreaterThan(0)
    expect(body.hires.filter((hire) => hire.compa_ratio === null)).toEqual([])
  })

  it("keeps a hiring manager's answer coarsened, and lists only their hires", async () => {
    const manager = userWithToken(db, 'hiring_manager')
    const own = db
      .select({ id: requisitions.id })
      .from(requisitions)
      .limit(5)
      .all()
      .map((requisition) => requisition.id)
    db.update(requisitions)
      .set({ ownerUserId: manager.id })
      .where(inArray(requisitions.id, own))
      .run()
    const ownApplications = new Set(
      db
        .select({ id: applications.id })
        .from(applications)
        .where(inArray(applications.requisitionId, own))
        .all()
        .map((application) => application.id),
    )
    const restricted = await salaryOf(asBearer(createBareApp(db), manager.token))
    expect(restricted.disclosure.restricted).toBe(true)
    expect(restricted.compa_histogram).toEqual([])
    expect(restricted.compa_ratio.min).toBeNull()
    expect(restricted.hires.length).toBeGreaterThan(0)
    for (const hire of restricted.hires) {
      expect(ownApplications.has(hire.application_id)).toBe(true)
      expect(hire.compa_ratio).not.toBeNull()
    }
  })
})
