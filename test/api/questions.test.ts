import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createApiToken } from '../../api/auth/accounts'
import { createFirstUsers } from '../../api/auth/first-users'
import { PasswordChecker } from '../../api/auth/passwords'
import { scoreRecords } from '../../api/export/canonical-rows'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { users } from '../../db/schema'
import { sqliteStore } from '../../db/store'
import {
  createBareApp,
  createReferenceApp,
  createTestApp,
  FIXED_TODAY,
  type ErrorResponseBody,
} from '../helpers/app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { createTestDatabase, importFirstApplications, importTexts } from '../helpers/database'

const FIXTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'questions')
const fixture = (name: string) => readFileSync(join(FIXTURE_DIR, name))

type Interval = [number, number]

interface ExpectedQuestion {
  question: string
  loops: number
  ratings: number
  mean_rating: number
  r_area: number
  r_area_ci: Interval
  n: number
  stayed: number
  left: number
  r: number | null
  r_ci: Interval | null
  shrunk?: { r: number; ci: Interval; weight: number }
}

interface ExpectedArea {
  key: string
  n: number
  r: number
  r_ci: Interval
  between_variance: number
  heterogeneity: { statistic: number; df: number; p: number }
  questions: ExpectedQuestion[]
}

const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, 'expected.json'), 'utf8')) as {
  as_of: string
  areas: ExpectedArea[]
}

interface QuestionsBody {
  as_of: string
  areas: (Omit<ExpectedArea, 'questions'> & {
    note: string | null
    questions: (Omit<ExpectedQuestion, 'shrunk'> & {
      shrunk: { r: number; ci: Interval; weight: number } | null
      insufficient: string | null
    })[]
  })[]
}

const TOLERANCE = 1e-6

function expectInterval(actual: Interval | null, wanted: Interval | null | undefined): void {
  if (wanted === null || wanted === undefined) {
    expect(actual).toBeNull()
    return
  }
  expect(actual).not.toBeNull()
  expect(actual![0]).toBeCloseTo(wanted[0], 6)
  expect(actual![1]).toBeCloseTo(wanted[1], 6)
}

describe('GET /api/analytics/questions against R', () => {
  let app: ReturnType<typeof createTestApp>['app']
  let db: ReturnType<typeof createTestApp>['db']
  let body: QuestionsBody

  beforeAll(async () => {
    ;({ app, db } = createTestApp())
    const report = await importTexts(db, {
      'applications.csv': fixture('applications.csv'),
      'scores.csv': fixture('scores.csv'),
    })
    expect(report.problems).toEqual([])
    const response = await app.request(`/api/analytics/questions?as_of=${expected.as_of}`)
    expect(response.status).toBe(200)
    body = (await response.json()) as QuestionsBody
  })

  it('lists the areas whose ratings name questions, each with its own r as the centre', () => {
    expect(body.areas.map((area) => area.key).sort()).toEqual(
      expected.areas.map((area) => area.key).sort(),
    )
    for (const wanted of expected.areas) {
      const area = body.areas.find((entry) => entry.key === wanted.key)!
      expect(area.n).toBe(wanted.n)
      expect(Math.abs(area.r - wanted.r)).toBeLessThan(TOLERANCE)
      expectInterval(area.r_ci, wanted.r_ci)
      expect(Math.abs(area.between_variance - wanted.between_variance)).toBeLessThan(TOLERANCE)
      expect(area.heterogeneity.df).toBe(wanted.heterogeneity.df)
      expect(Math.abs(area.heterogeneity.statistic - wanted.heterogeneity.statistic)).toBeLessThan(
        TOLERANCE,
      )
      expect(Math.abs(area.heterogeneity.p - wanted.heterogeneity.p)).toBeLessThan(TOLERANCE)
    }
  })

  it('gives per question the loops, mean, r with the area and with retention as R does', () => {
    for (const wanted of expected.areas) {
      const area = body.areas.find((entry) => entry.key === wanted.key)!
      expect(area.questions.map((question) => question.question).sort()).toEqual(
        wanted.questions.map((question) => question.question).sort(),
      )
      for (const want of wanted.questions) {
        const question = area.questions.find((entry) => entry.question === want.question)!
        expect(question.loops).toBe(want.loops)
        expect(question.ratings).toBe(want.ratings)
        expect(question.n).toBe(want.n)
        expect(question.stayed).toBe(want.stayed)
        expect(question.left).toBe(want.left)
        expect(Math.abs(question.mean_rating - want.mean_rating)).toBeLessThan(TOLERANCE)
        expect(Math.abs(question.r_area - want.r_area)).toBeLessThan(TOLERANCE)
        expectInterval(question.r_area_ci, want.r_area_ci)
        if (want.r === null) {
          expect(question.r).toBeNull()
          expect(question.insufficient).toMatch(/^Too few hires to tell/)
        } else {
          expect(Math.abs(question.r! - want.r)).toBeLessThan(TOLERANCE)
          expect(question.insufficient).toBeNull()
        }
        expectInterval(question.r_ci, want.r_ci)
      }
    }
  })

  it('shrinks each r toward the area’s by empirical Bayes on Fisher’s z, as R does', () => {
    for (const wanted of expected.areas) {
      const area = body.areas.find((entry) => entry.key === wanted.key)!
      for (const want of wanted.questions) {
        const question = area.questions.find((entry) => entry.question === want.question)!
        if (!want.shrunk) {
          expect(question.shrunk).toBeNull()
          continue
        }
        expect(Math.abs(question.shrunk!.r - want.shrunk.r)).toBeLessThan(TOLERANCE)
        expect(Math.abs(question.shrunk!.weight - want.shrunk.weight)).toBeLessThan(TOLERANCE)
        expectInterval(question.shrunk!.ci, want.shrunk.ci)
      }
    }
    // One area where the questions differ by more than chance, one where they do not.
    const variances = expected.areas.map((area) => area.between_variance)
    expect(variances.some((variance) => variance > 0)).toBe(true)
    expect(variances.some((variance) => variance === 0)).toBe(true)
    const flat = body.areas.find((area) => area.between_variance === 0)!
    expect(flat.note).toMatch(/τ² = 0/)
  })

  it('sorts each area’s questions by the shrunk figure, the too-rarely asked last', () => {
    for (const area of body.areas) {
      const shrunk = area.questions.map((question) => question.shrunk?.r ?? -Infinity)
      expect(shrunk).toEqual([...shrunk].sort((a, b) => b - a))
    }
  })

  it('answers one area when asked, and 400 naming the field for an area the rubric lacks', async () => {
    const one = await app.request(`/api/analytics/questions?as_of=${expected.as_of}&area=judgment`)
    expect(one.status).toBe(200)
    const judgment = (await one.json()) as QuestionsBody
    expect(judgment.areas.map((area) => area.key)).toEqual(['judgment'])

    const bad = await app.request('/api/analytics/questions?area=cobol')
    expect(bad.status).toBe(400)
    const error = (await bad.json()) as ErrorResponseBody
    expect(error.error.message).toMatch(/area/)
    expect(error.error.details).toEqual([expect.objectContaining({ field: 'area' })])

    const unknown = await app.request('/api/analytics/questions?question=1')
    expect(unknown.status).toBe(400)
  })

  it('exports the question of each rating, quotes and commas as written', async () => {
    const exported = await sqliteStore(db).read(async (reader) => {
      const records = []
      for await (const record of scoreRecords(reader)) records.push(record)
      return records
    })
    expect(exported.filter((record) => record.question !== '').length).toBeGreaterThan(0)
    const named = exported.find((record) => record.question.includes('"in Rust"'))
    expect(named?.question).toBe('Would you rewrite this service, "in Rust"?')
  })
})

describe('the questions answer below the data floor', () => {
  it('shows no r for an area or its questions, and says why, as the validity table does', async () => {
    const { app, db } = createTestApp()
    // The first 20 applications of the fixture: fewer than 30 hires with a known outcome.
    const report = await importFirstApplications(
      db,
      { applications: fixture('applications.csv'), scores: fixture('scores.csv') },
      20,
    )
    expect(report.problems).toEqual([])
    const response = await app.request(`/api/analytics/questions?as_of=${expected.as_of}`)
    expect(response.status).toBe(200)
    const { areas } = (await response.json()) as QuestionsBody
    expect(areas.length).toBeGreaterThan(0)
    for (const area of areas) {
      expect(area.n).toBeLessThan(30)
      expect(area.r).toBeNull()
      expect(area.r_ci).toBeNull()
      expect(area.note).toMatch(/^Too few hires to tell/)
      for (const question of area.questions) {
        expect(question.r).toBeNull()
        expect(question.shrunk).toBeNull()
        expect(question.insufficient).toMatch(/^Too few hires to tell/)
      }
    }
  })
})

describe('imports without a question column', () => {
  it('work unchanged, and the questions answer has no areas', async () => {
    const { app, db } = await createReferenceApp()
    const stored = db.$client
      .prepare('SELECT count(*) AS ratings, count(question) AS named FROM scores')
      .get() as { ratings: number; named: number }
    expect(stored.ratings).toBeGreaterThan(0)
    expect(stored.named).toBe(0)
    const response = await app.request('/api/analytics/questions')
    expect(response.status).toBe(200)
    expect(((await response.json()) as QuestionsBody).areas).toEqual([])
  })

  it('a re-import without the column keeps the questions stored', async () => {
    const { db } = createTestApp()
    const applications =
      'application_id,candidate_id,requisition_id,level,applied_at,decision\nA1,C1,R1,mid,2024-01-02,rejected\n'
    const first = await importTexts(db, {
      'applications.csv': applications,
      'scores.csv':
        'application_id,interviewer,area,rating,question\nA1,ann,judgment,3,  When is Rust wrong?  \n',
    })
    expect(first.problems).toEqual([])
    const again = await importTexts(db, {
      'applications.csv': applications,
      'scores.csv': 'application_id,interviewer,area,rating\nA1,ann,judgment,3\n',
    })
    expect(again.problems).toEqual([])
    expect(db.$client.prepare('SELECT question FROM scores').all()).toEqual([
      { question: 'When is Rust wrong?' },
    ])
  })
})

describe('the question column', () => {
  const applications =
    'application_id,candidate_id,requisition_id,level,applied_at,decision\nA1,C1,R1,mid,2024-01-02,rejected\n'

  it('refuses control characters and overlong text with the line and column', async () => {
    const { db } = createTestApp()
    const report = await importTexts(db, {
      'applications.csv': applications,
      'scores.csv': `application_id,interviewer,area,rating,question\nA1,ann,judgment,3,Why\u0007?\nA1,bob,judgment,3,${'x'.repeat(301)}\n`,
    })
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: 'scores.csv',
        line: 2,
        column: 'question',
        message: 'question contains control characters',
      }),
      expect.objectContaining({
        file: 'scores.csv',
        line: 3,
        column: 'question',
        message: 'question is longer than 300 characters',
      }),
    ])
  })
})

describe('the questions answer for a hiring manager', () => {
  it('withholds each question figure that rests on fewer than ten hires of other managers', async () => {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, FIXED_TODAY)
    await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
    const manager = db.select().from(users).where(eq(users.email, 'manager@demo.test')).get()!
    const { token } = await createApiToken(
      sqliteStore(db),
      manager,
      'questions',
      { command: 'test' },
      new Date(),
    )
    const response = await createBareApp(db).request('/api/analytics/questions', {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as QuestionsBody & {
      disclosure: { restricted: boolean; floor: number }
    }
    expect(body.disclosure.restricted).toBe(true)
    const rows = body.areas.flatMap((area) => area.questions)
    expect(rows.length).toBeGreaterThan(0)
    for (const question of rows) {
      if (question.r === null) {
        expect(question.n).toBe(0)
        expect(question.shrunk).toBeNull()
        expect(question.insufficient).toMatch(/^Withheld: fewer than 10 hires|^Too few hires/)
      } else {
        expect(question.stayed).toBeGreaterThanOrEqual(10)
        expect(question.left).toBeGreaterThanOrEqual(10)
      }
    }
    expect(rows.some((question) => question.insufficient?.startsWith('Withheld'))).toBe(true)
  }, 120_000)
})
