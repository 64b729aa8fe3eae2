import { stringify } from 'csv-stringify/sync'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '../../api/auth/accounts'
import { ANALYTICS_ENDPOINTS } from '../../api/cli/analytics-endpoints'
import { createFirstUsers } from '../../api/auth/first-users'
import { PasswordChecker } from '../../api/auth/passwords'
import type { IncrementalValidityResponse } from '../../api/analyses/reports/incremental-validity'
import type { LoopTimeResponse } from '../../api/analyses/reports/loop-time'
import type { PanelSizingResponse } from '../../api/analyses/reports/panel-sizing'
import type { QuestionsResponse } from '../../api/analyses/reports/questions'
import type { ExpectancyResponse, UtilityResponse } from '../../api/analyses/reports/worth'
import { addDays } from '../../api/analytics/dates'
import { COARSE_COMPOSITE_BANDS, COMPOSITE_BANDS } from '../../api/analytics/expectancy'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import type { Db } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { DEMO_DATA_KEY, writeMeta } from '../../db/meta'
import { DEMO_APPLICATIONS } from '../../api/demo/demo-csv'
import { generateDemoData } from '../../api/demo/demo-data'
import { APPLICATION_COLUMNS, SCORE_COLUMNS } from '../../api/import/canonical-format'
import { HIRE_TYPES, LEVELS } from '../../db/domain'
import { users } from '../../db/schema'
import { createBareApp } from '../helpers/app'
import { onPostgres, postgresAppFrom } from '../helpers/postgres-app'
import { TEST_PASSWORD_COST } from '../helpers/auth'
import { createTestDatabase, importTexts } from '../helpers/database'

// The attacker: a hiring manager who wants other managers' candidates' scores, outcomes and
// salaries, and a talent lead who wants a candidate's self-identified group. Each asks two
// answers whose filters differ a little, and tries to take them apart. Ground truth comes
// straight from the tables, not from the code under test.

const TODAY = '2026-11-24'
const FLOOR = 10
const SELF_ID_FLOOR = 5
const AREAS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment']

interface Truth {
  id: string
  requisition: string
  owner: number | null
  level: string
  hireType: string | null
  appliedAt: string
  decision: string
  startDate: string | null
  endDate: string | null
  acceptedAt: string | null
  salary: number | null
  group: string | null
  source: string | null
  scores: Map<string, number>
  raters: Set<string>
  /** Areas whose interview minutes are recorded in the loop. */
  timed: Set<string>
  /** The questions the loop asked, as `area key|question`. */
  questions: Set<string>
  /** The level-weighted composite of the area scores; null unless scored in every area. */
  composite: number | null
}

function loadTruth(db: Db): Truth[] {
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.requisition_id AS requisition, r.owner_user_id AS owner, r.level,
              r.hire_type AS hireType, a.applied_at AS appliedAt, a.decision,
              e.start_date AS startDate, e.end_date AS endDate, o.accepted_at AS acceptedAt,
              o.salary, a.self_id_group AS "group", a.source
       FROM applications a JOIN requisitions r ON r.id = a.requisition_id
       LEFT JOIN employments e ON e.application_id = a.id
       LEFT JOIN offers o ON o.application_id = a.id`,
    )
    .all() as Omit<Truth, 'scores' | 'raters' | 'timed' | 'questions' | 'composite'>[]
  const byId = new Map(
    rows.map((row): [string, Truth] => [
      row.id,
      {
        ...row,
        scores: new Map(),
        raters: new Set(),
        timed: new Set(),
        questions: new Set(),
        composite: null,
      },
    ]),
  )
  const ratings = db.$client
    .prepare(
      `SELECT s.application_id AS id, ra.key AS area, AVG(s.rating) AS score,
              SUM(s.minutes) AS minutes
       FROM scores s JOIN rubric_areas ra ON ra.id = s.area_id GROUP BY 1, 2`,
    )
    .all() as { id: string; area: string; score: number; minutes: number | null }[]
  for (const { id, area, score, minutes } of ratings) {
    byId.get(id)!.scores.set(area, score)
    if (minutes !== null) byId.get(id)!.timed.add(area)
  }
  const asked = db.$client
    .prepare(
      `SELECT DISTINCT s.application_id AS id, ra.key AS area, s.question FROM scores s
       JOIN rubric_areas ra ON ra.id = s.area_id WHERE s.question IS NOT NULL`,
    )
    .all() as { id: string; area: string; question: string }[]
  for (const { id, area, question } of asked) byId.get(id)!.questions.add(`${area}|${question}`)
  // Weights in the rubric's order of areas, so the sum runs as the composite's does.
  const weights = db.$client
    .prepare(
      `SELECT ra.key AS area, w.level, w.weight FROM rubric_level_weights w
       JOIN rubric_areas ra ON ra.id = w.area_id ORDER BY ra.position`,
    )
    .all() as { area: string; level: string; weight: number }[]
  for (const truth of byId.values()) {
    if (!AREAS.every((area) => truth.scores.has(area))) continue
    const ofLevel = weights.filter((entry) => entry.level === truth.level)
    const total = ofLevel.reduce(
      (sum, entry) => sum + entry.weight * truth.scores.get(entry.area)!,
      0,
    )
    const composite = total / ofLevel.reduce((sum, entry) => sum + entry.weight, 0)
    truth.composite = Number.isFinite(composite) ? composite : null
  }
  const raters = db.$client
    .prepare(
      `SELECT DISTINCT s.application_id AS id, i.handle FROM scores s
       JOIN interviewers i ON i.id = s.interviewer_id`,
    )
    .all() as { id: string; handle: string }[]
  for (const { id, handle } of raters) byId.get(id)!.raters.add(handle)
  return [...byId.values()]
}

const started = (truth: Truth, asOf: string) =>
  truth.decision === 'hired' && truth.startDate !== null && truth.startDate <= asOf

/** Twelve-month outcome as DESIGN.md defines it: 1 stayed, 0 left, null not known yet. */
function outcome(truth: Truth, asOf: string): 0 | 1 | null {
  if (!started(truth, asOf)) return null
  const anniversary = addDays(truth.startDate!, 365)
  if (truth.endDate !== null && truth.endDate < anniversary && truth.endDate <= asOf) return 0
  return anniversary <= asOf ? 1 : null
}

interface Answer {
  path: string
  status: number
  body: Record<string, unknown> & {
    as_of: string
    filters: {
      level: string | null
      hire_type: string | null
      from: string | null
      to: string | null
      requisition_id: string | null
    }
    disclosure: { restricted: boolean }
  }
}

/** The applications an answer says it describes, as ground truth, less what the viewer owns. */
function population(all: readonly Truth[], answer: Answer, ownedBy: number | null): Truth[] {
  const { as_of: asOf, filters } = answer.body
  const to = filters.to !== null && filters.to < asOf ? filters.to : asOf
  return all.filter(
    (truth) =>
      (ownedBy === null || truth.owner !== ownedBy) &&
      truth.appliedAt <= to &&
      (filters.from === null || truth.appliedAt >= filters.from) &&
      (filters.level === null || truth.level === filters.level) &&
      (filters.hire_type === null || truth.hireType === filters.hire_type) &&
      (filters.requisition_id === null || truth.requisition === filters.requisition_id),
  )
}

/** How many applications are in one set and not the other. */
function differing<T>(a: readonly T[], b: readonly T[]): number {
  const left = new Set(a)
  const right = new Set(b)
  let count = 0
  for (const item of left) if (!right.has(item)) count++
  for (const item of right) if (!left.has(item)) count++
  return count
}

interface Cell {
  name: string
  members: (population: Truth[], asOf: string) => string[]
  /** Whether the answer shows figures of this cell. */
  shown: (answer: Answer) => boolean
  /** How many the answer says the cell holds, where it says: the model is checked on it. */
  stated?: (answer: Answer) => number | null | undefined
}

const ids = (list: Truth[]) => list.map((truth) => truth.id)
const numberAt = (value: unknown, ...path: (string | number)[]) =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | null)?.[key],
    value,
  )

/** The cells of an answer whose figures single people out when two answers differ by few. */
function cellsOf(endpoint: string, all: readonly Truth[]): Cell[] {
  const hires = (list: Truth[], asOf: string) => ids(list.filter((truth) => started(truth, asOf)))
  const known = (list: Truth[], asOf: string) =>
    ids(list.filter((truth) => outcome(truth, asOf) !== null))
  /** Those of a part of the population who stayed, and those who left, as two cells. */
  const outcomeCells = (
    name: string,
    part: (list: Truth[]) => Truth[],
    shown: (answer: Answer, value: 0 | 1) => boolean,
    stated?: (answer: Answer, value: 0 | 1) => number | null | undefined,
  ): Cell[] =>
    ([1, 0] as const).map((value) => ({
      name: `${value === 1 ? 'stayed' : 'left'}${name}`,
      members: (list, asOf) => ids(part(list).filter((truth) => outcome(truth, asOf) === value)),
      shown: (answer) => shown(answer, value),
      stated: stated && ((answer) => stated(answer, value)),
    }))
  const everyone = (list: Truth[]) => list
  const ratedIn = (area: string) => (list: Truth[]) =>
    list.filter((truth) => truth.scores.has(area))
  const scoredInEvery = (list: Truth[]) => list.filter((truth) => truth.composite !== null)
  const always = () => true
  const applications: Cell = { name: 'applications', members: (list) => ids(list), shown: always }
  /** Per area, the loops that recorded minutes in it: the minutes spent on it rest on them. */
  const timedIn = (
    shown: (answer: Answer, area: string) => boolean,
    stated?: (answer: Answer, area: string) => number | null | undefined,
  ): Cell[] =>
    AREAS.map((area) => ({
      name: `timed in ${area}`,
      members: (list) => ids(list.filter((truth) => truth.timed.has(area))),
      shown: (answer) => shown(answer, area),
      stated: stated && ((answer) => stated(answer, area)),
    }))
  switch (endpoint) {
    case 'validity':
      return [
        applications,
        {
          name: 'hires',
          members: hires,
          shown: always,
          stated: (answer) => answer.body.n_hires as number,
        },
        ...outcomeCells('', everyone, always),
        ...AREAS.flatMap((area, k): Cell[] =>
          outcomeCells(
            ` in ${area}`,
            ratedIn(area),
            (answer, value) =>
              numberAt(answer.body, 'areas', k, value === 1 ? 'mean_retained' : 'mean_left') !=
              null,
          ),
        ),
      ]
    case 'retention':
      return [
        { name: 'hires', members: hires, shown: always },
        ...outcomeCells('', everyone, always),
      ]
    case 'salary':
      return LEVELS.map((level) => ({
        name: `offers at ${level}`,
        members: (list, asOf) =>
          ids(
            list.filter(
              (truth) =>
                truth.level === level &&
                truth.salary !== null &&
                truth.acceptedAt !== null &&
                truth.acceptedAt <= asOf,
            ),
          ),
        shown: (answer) =>
          (
            (answer.body.by_level ?? []) as { level: string; offers: { mean: number | null } }[]
          ).some((entry) => entry.level === level && entry.offers.mean !== null),
      }))
    case 'interviewers':
      return [applications]
    case 'validity-over-time': {
      // Per half-year of application: its stayed and left, wherever the answer shows its retention.
      const halfOf = (date: string) =>
        `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`
      const shownHalf = (answer: Answer, half: string) =>
        (answer.body.halves as { half: string; retention: { share: number | null } }[]).some(
          (cell) => cell.half === half && cell.retention.share !== null,
        )
      const halves = [...new Set(all.map((truth) => halfOf(truth.appliedAt)))]
      return halves.flatMap((half) =>
        outcomeCells(
          ` applying in ${half}`,
          (list) => list.filter((truth) => halfOf(truth.appliedAt) === half),
          (answer) => shownHalf(answer, half),
        ),
      )
    }
    case 'sources': {
      // Per source: its hires and its stayed and left, wherever the answer shows that rate.
      const rateOf = (answer: Answer, key: string, rate: string) =>
        (answer.body.groups as Record<string, unknown>[]).find((group) => group.key === key)?.[
          rate
        ] ?? null
      const from = (key: string) => (list: Truth[]) =>
        list.filter((truth) => (truth.source ?? 'not stated') === key)
      const sources = [...new Set(all.map((truth) => truth.source ?? 'not stated'))]
      return [
        applications,
        ...sources.flatMap((key): Cell[] => [
          {
            name: `hires from ${key}`,
            members: (list, asOf) => hires(from(key)(list), asOf),
            shown: (answer) => rateOf(answer, key, 'hire_rate') !== null,
          },
          ...outcomeCells(
            ` from ${key}`,
            from(key),
            (answer) => rateOf(answer, key, 'retention_rate') !== null,
          ),
        ]),
      ]
    }
    case 'expectancy': {
      // Hires scored in every area with a known outcome (n, always shown); their stayed and
      // left wherever the model, its curve or Taylor–Russell is shown; the applicants scored in
      // every area with Taylor–Russell; and per composite band, fine or coarse, its stayed and
      // left wherever the answer shows that band's retention.
      type Band = ExpectancyResponse['bands'][number]
      const bandsOf = (answer: Answer) => [
        ...(answer.body.bands as Band[]),
        ...(answer.body.coarse_bands as Band[]),
      ]
      const modelShown = (answer: Answer) =>
        answer.body.taylor_russell !== null ||
        bandsOf(answer).some((band) => band.curve !== null || band.expected !== null)
      const shownBand = (answer: Answer, key: string) =>
        bandsOf(answer).find((band) => band.key === key && band.share_stayed !== null)
      const inBand = (band: { key: string; label: string; from: number; to: number }) =>
        outcomeCells(
          ` in composite band ${band.label}`,
          (list) =>
            scoredInEvery(list).filter(
              (truth) => truth.composite! >= band.from && truth.composite! < band.to,
            ),
          (answer) => shownBand(answer, band.key) !== undefined,
          (answer, value) => {
            const shown = shownBand(answer, band.key)
            return shown && (value === 1 ? shown.stayed : shown.n - shown.stayed)
          },
        )
      const taylorRussell = (answer: Answer) =>
        answer.body.taylor_russell as ExpectancyResponse['taylor_russell']
      return [
        {
          name: 'hires scored in every area',
          members: (list, asOf) => known(scoredInEvery(list), asOf),
          shown: always,
          stated: (answer) => answer.body.n as number,
        },
        ...outcomeCells(' scored in every area', scoredInEvery, modelShown),
        {
          name: 'applicants scored in every area',
          members: (list) => ids(scoredInEvery(list)),
          shown: (answer) => taylorRussell(answer) !== null,
          stated: (answer) => taylorRussell(answer)?.n_pool,
        },
        ...COMPOSITE_BANDS.flatMap(inBand),
        ...COARSE_COMPOSITE_BANDS.flatMap(inBand),
      ]
    }
    case 'questions': {
      // Per area, its stayed and left wherever its r is given; per question, the applicants
      // asked it wherever it is listed, and those of them who stayed and who left wherever
      // the answer counts them.
      type Area = QuestionsResponse['areas'][number]
      const areaOf = (answer: Answer, key: string) =>
        (answer.body.areas as Area[]).find((area) => area.key === key)
      const questionOf = (answer: Answer, key: string) => {
        const at = key.indexOf('|')
        const text = key.slice(at + 1)
        return areaOf(answer, key.slice(0, at))?.questions.find((entry) => entry.question === text)
      }
      const askedOf = (key: string) => (list: Truth[]) =>
        list.filter((truth) => truth.questions.has(key))
      const asked = [...new Set(all.flatMap((truth) => [...truth.questions]))]
      return [
        ...AREAS.flatMap((area) =>
          outcomeCells(
            ` in ${area}`,
            ratedIn(area),
            (answer) => (areaOf(answer, area)?.n ?? 0) > 0,
          ),
        ),
        ...asked.flatMap((key): Cell[] => [
          {
            name: `asked ${key}`,
            members: (list) => ids(askedOf(key)(list)),
            shown: (answer) => questionOf(answer, key) !== undefined,
            stated: (answer) => questionOf(answer, key)?.loops,
          },
          ...outcomeCells(
            ` asked ${key}`,
            askedOf(key),
            (answer) => (questionOf(answer, key)?.n ?? 0) > 0,
            (answer, value) => {
              const question = questionOf(answer, key)
              return question && question.n > 0 ? question[value === 1 ? 'stayed' : 'left'] : null
            },
          ),
        ]),
      ]
    }
    case 'panel-sizing': {
      // Per area, the applicants rated in it wherever its reliability or raters per loop are
      // given, and the loops with minutes recorded wherever its hours or minutes per loop
      // are; the hires scored in every area who stayed and who left wherever the
      // likelihood-ratio test is given.
      type Area = PanelSizingResponse['areas'][number]
      const areaOf = (answer: Answer, key: string) =>
        (answer.body.areas as Area[]).find((area) => area.key === key)
      return [
        ...outcomeCells(' scored in every area', scoredInEvery, (answer) =>
          (answer.body.areas as Area[]).some((area) => area.lr_p !== null),
        ),
        ...AREAS.map((area): Cell => ({
          name: `rated in ${area}`,
          members: (list) => ids(ratedIn(area)(list)),
          shown: (answer) =>
            areaOf(answer, area)?.icc1 != null || areaOf(answer, area)?.raters_today != null,
          stated: (answer) => areaOf(answer, area)?.n_groups,
        })),
        ...timedIn(
          (answer, area) =>
            areaOf(answer, area)?.hours_per_quarter != null ||
            areaOf(answer, area)?.minutes_per_loop != null,
        ),
      ]
    }
    case 'loop-time': {
      // Per area, the loops with minutes recorded wherever its minutes are given, and every
      // area's wherever the total or a share is (each is a sum over every area).
      type Area = LoopTimeResponse['areas'][number]
      const areaOf = (answer: Answer, key: string) =>
        (answer.body.areas as Area[]).find((area) => area.key === key)
      const sumShown = (answer: Answer) =>
        answer.body.total_minutes != null ||
        (answer.body.areas as Area[]).some((area) => area.share != null)
      return [
        applications,
        ...timedIn(
          (answer, area) =>
            sumShown(answer) ||
            areaOf(answer, area)?.minutes != null ||
            areaOf(answer, area)?.loops != null ||
            areaOf(answer, area)?.mean_minutes_per_loop != null,
          (answer, area) => areaOf(answer, area)?.loops,
        ),
      ]
    }
    case 'incremental-validity': {
      type Area = IncrementalValidityResponse['areas'][number]
      return [
        applications,
        ...timedIn(
          (answer, area) =>
            (answer.body.areas as Area[]).find((entry) => entry.key === area)?.minutes_per_loop !=
            null,
        ),
      ]
    }
    case 'utility': {
      // Every area's loops with minutes recorded wherever the minutes per loop (a sum over
      // areas), the interview cost or a dollar figure resting on it is given.
      const costShown = (answer: Answer) => {
        const { inputs, current, suggested, what_if } = answer.body as unknown as UtilityResponse
        return (
          inputs.minutes_per_loop !== null ||
          inputs.cost_per_applicant !== null ||
          [current, suggested, what_if].some(
            (scenario) =>
              scenario !== null && (scenario.gain !== null || scenario.gain_ci !== null),
          )
        )
      }
      return [applications, ...timedIn(costShown)]
    }
    default:
      return [applications]
  }
}

interface Leak {
  endpoint: string
  pair: string
  cell: string
  differing: number
}

/** The population an answer describes, as a key: answers with the same one differ in nothing. */
const describedBy = (answer: Answer) => JSON.stringify([answer.body.as_of, answer.body.filters])

/** The cells whose count the answer states otherwise than the ground truth has it. */
function misstated(all: readonly Truth[], endpoint: string, answer: Answer): string[] {
  const everyone = population(all, answer, null)
  return cellsOf(endpoint, all).flatMap((cell) => {
    const stated = cell.stated?.(answer)
    if (stated === null || stated === undefined) return []
    const truly = cell.members(everyone, answer.body.as_of).length
    return stated === truly ? [] : [`${answer.path}: ${cell.name} ${stated}, truly ${truly}`]
  })
}

/**
 * Every cell both answers show, whose populations differ by 1 to floor − 1; and how many
 * cells both show, where the answers describe different populations.
 */
function leaksBetween(
  all: readonly Truth[],
  endpoint: string,
  a: Answer,
  b: Answer,
  ownedBy: number | null,
  floor: number,
): { compared: number; leaks: Leak[] } {
  if (describedBy(a) === describedBy(b)) return { compared: 0, leaks: [] }
  const popA = population(all, a, ownedBy)
  const popB = population(all, b, ownedBy)
  const shown = cellsOf(endpoint, all).filter((cell) => cell.shown(a) && cell.shown(b))
  const leaks = shown.flatMap((cell) => {
    const count = differing(cell.members(popA, a.body.as_of), cell.members(popB, b.body.as_of))
    return count > 0 && count < floor
      ? [{ endpoint, pair: `${a.path} | ${b.path}`, cell: cell.name, differing: count }]
      : []
  })
  return { compared: shown.length, leaks }
}

/**
 * The attack of the issue, carried out: two validity answers whose n_retained differ by one
 * give that person's area scores as the difference of n·mean; two salary answers give their
 * salary. Returns the people whose data came out right.
 */
function solvedPeople(all: readonly Truth[], a: Answer, b: Answer): string[] {
  const solved: string[] = []
  const areasA = a.body.areas as { mean_retained: number | null; n: number }[] | undefined
  const areasB = b.body.areas as { mean_retained: number | null; n: number }[] | undefined
  const stayedA = a.body.n_retained as number | undefined
  const stayedB = b.body.n_retained as number | undefined
  if (
    areasA &&
    areasB &&
    stayedA !== undefined &&
    stayedB !== undefined &&
    stayedB === stayedA + 1
  ) {
    const estimate = AREAS.map((_, k) => {
      const [x, y] = [areasA[k]!.mean_retained, areasB[k]!.mean_retained]
      return x === null || y === null ? null : y * stayedB - x * stayedA
    })
    for (const truth of all) {
      const scores = AREAS.map((area) => truth.scores.get(area) ?? null)
      if (
        estimate.every((value) => value !== null) &&
        scores.every((score, k) => score !== null && Math.abs(score - estimate[k]!) < 1e-6)
      ) {
        solved.push(truth.id)
      }
    }
  }
  type Level = { level: string; offers: { n: number; mean: number | null } }
  const salaryAnswer = a.path.includes('/salary')
  const levelsA = salaryAnswer ? (a.body.by_level as Level[]) : []
  const levelsB = salaryAnswer ? (b.body.by_level as Level[]) : []
  for (const level of levelsB) {
    const before = levelsA.find((entry) => entry.level === level.level)
    if (!before || before.offers.mean === null || level.offers.mean === null) continue
    if (level.offers.n !== before.offers.n + 1) continue
    const salary = level.offers.mean * level.offers.n - before.offers.mean * before.offers.n
    for (const truth of all) {
      if (truth.salary !== null && Math.abs(truth.salary - salary) < 1e-6) solved.push(truth.id)
    }
  }
  return solved
}

/** Smallest or largest salaries shown to a viewer who may not see those people. */
function extremes(answer: Answer): string[] {
  const found: string[] = []
  const check = (where: string, distribution: { min: number | null; max: number | null }) => {
    if (distribution.min !== null || distribution.max !== null)
      found.push(`${answer.path} ${where}`)
  }
  for (const level of (answer.body.by_level ?? []) as {
    level: string
    offers?: { min: number | null; max: number | null }
  }[]) {
    if (level.offers) check(`offers at ${level.level}`, level.offers)
  }
  const compa = answer.body.compa_ratio as { min: number | null; max: number | null } | undefined
  if (compa) check('compa-ratio', compa)
  return found
}

type DemoEntry = ReturnType<typeof generateDemoData> extends Iterable<infer Entry> ? Entry : never

/**
 * The demo organisation, or a larger one from the same generator with its applications
 * reshaped as given before they are imported, with its demo users.
 */
async function setup(
  disclosureControl: boolean,
  applications = DEMO_APPLICATIONS,
  reshape: (entry: DemoEntry) => DemoEntry = (entry) => entry,
) {
  const db = createTestDatabase()
  if (applications === DEMO_APPLICATIONS) {
    await seedDemoIfEmpty(db, TODAY)
  } else {
    const entries = Array.from(generateDemoData({ applications, seed: 7, until: TODAY }), reshape)
    const csv = (records: object[], columns: object) =>
      stringify(records, { header: true, columns: Object.keys(columns) })
    const report = await importTexts(db, {
      'applications.csv': csv(
        entries.map((entry) => entry.application),
        APPLICATION_COLUMNS,
      ),
      'scores.csv': csv(
        entries.flatMap((entry) => entry.scores),
        SCORE_COLUMNS,
      ),
    })
    expect(report.ok).toBe(true)
    writeMeta(db, DEMO_DATA_KEY, 'true')
  }
  await createFirstUsers(sqliteStore(db), new PasswordChecker(TEST_PASSWORD_COST))
  const userOf = (email: string) =>
    db
      .select()
      .from(users)
      .all()
      .find((user) => user.email === email)!
  const manager = userOf('manager@demo.test')
  const lead = userOf('lead@demo.test')
  const token = async (user: typeof manager) =>
    (await createApiToken(sqliteStore(db), user, 'attack', { command: 'test' }, new Date())).token
  const tokens = { manager: await token(manager), lead: await token(lead) }
  const options = { today: () => TODAY, disclosureControl }
  // The pg project runs this file again, the attacker asking an app on a PostgreSQL copy.
  const app = onPostgres()
    ? await postgresAppFrom(db, { ...options, passwordCost: TEST_PASSWORD_COST })
    : createBareApp(db, options)
  const cache = new Map<string, Answer>()
  const ask = async (who: keyof typeof tokens, path: string): Promise<Answer> => {
    const key = `${who} ${path}`
    const known = cache.get(key)
    if (known) return known
    const response = await app.request(path, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    })
    const answer = {
      path,
      status: response.status,
      body: (await response.json()) as Answer['body'],
    }
    cache.set(key, answer)
    return answer
  }
  return { db, ask, manager, truth: loadTruth(db) }
}

type Setup = Awaited<ReturnType<typeof setup>>

/** The level whose loops, in a partly timed organisation, record minutes. */
const TIMED_LEVEL = 'mid'

/**
 * An organisation that began recording interview minutes, and scoring the areas given, with
 * its mid-level loops: at other levels loops record neither, except those of three hires of
 * another manager's requisitions (the demo managers own them alternately, the first the
 * asking manager's), started long enough ago for their outcome to be known. An answer for
 * every level then holds three more loops with minutes than an answer for level mid, and,
 * where an area is scored only from mid, three more hires scored in every area.
 */
function timedFromMidLevel(scoredFromMid: readonly string[]): (entry: DemoEntry) => DemoEntry {
  let kept = 0
  return (entry) => {
    const { application, scores } = entry
    if (application.level === TIMED_LEVEL) return entry
    const anotherManagers = Number(application.requisition_id.slice('REQ-'.length)) % 2 === 0
    const scoredInEvery = AREAS.every((area) => scores.some((score) => score.area === area))
    const known =
      application.decision === 'hired' &&
      application.start_date !== '' &&
      application.start_date <= '2025-06-30'
    if (kept < 3 && anotherManagers && scoredInEvery && known) {
      kept++
      return entry
    }
    return {
      application,
      scores: scores
        .filter((score) => !scoredFromMid.includes(score.area))
        .map((score) => ({ ...score, minutes: '' })),
    }
  }
}

/** The newer reports, each with a cell model of its own beyond its applications. */
const NEWER_REPORTS = [
  'expectancy',
  'questions',
  'panel-sizing',
  'loop-time',
  'incremental-validity',
  'utility',
]

const query = (endpoint: string, filters: Record<string, string>) => {
  const search = new URLSearchParams(filters).toString()
  return `/api/analytics/${endpoint}${search ? `?${search}` : ''}`
}

/** Days spread evenly over a list, so the sweep stays quick but covers the whole range. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!)
}

/**
 * The hiring manager's sweep: adjacent days for to, from and as_of around other managers'
 * hires, each level and hire type against all, an own requisition against none.
 */
async function managerSweep(
  { ask, manager, truth }: Setup,
  days: number,
  only: readonly string[] | null = null,
) {
  const others = truth.filter((entry) => entry.owner !== manager.id && entry.decision === 'hired')
  const applied = spread([...new Set(others.map((entry) => entry.appliedAt))].sort(), days)
  const changes = spread(
    [
      ...new Set(
        others.flatMap((entry) =>
          [entry.startDate, entry.endDate, entry.startDate && addDays(entry.startDate, 365)].filter(
            (day): day is string => day !== null && day <= TODAY,
          ),
        ),
      ),
    ].sort(),
    days,
  )
  const own = truth.find((entry) => entry.owner === manager.id)!.requisition
  const pairs: [Record<string, string>, Record<string, string>, string[]][] = []
  const timeEndpoints = ['validity', 'salary', 'retention', 'interviewers', ...NEWER_REPORTS]
  for (const day of applied) {
    pairs.push([{ to: day }, { to: addDays(day, -1) }, timeEndpoints])
    pairs.push([{ from: addDays(day, 1) }, { from: day }, timeEndpoints])
  }
  for (const day of changes)
    pairs.push([{ as_of: addDays(day, -1) }, { as_of: day }, timeEndpoints])
  const everyEndpoint = ANALYTICS_ENDPOINTS.filter((endpoint) => endpoint !== 'adverse-impact')
  for (const level of LEVELS) {
    pairs.push([{}, { level }, everyEndpoint])
    for (const hireType of HIRE_TYPES) {
      pairs.push([{ level }, { level, hire_type: hireType }, timeEndpoints])
    }
  }
  for (const hireType of HIRE_TYPES) pairs.push([{}, { hire_type: hireType }, everyEndpoint])
  const years = [...new Set(truth.map((entry) => entry.appliedAt.slice(0, 4)))]
  for (const year of years) {
    const windows: Record<string, string>[] = [
      { from: `${year}-01-01` },
      { from: `${year}-01-01`, to: `${year}-12-31` },
    ]
    for (const window of windows) {
      pairs.push([{}, window, everyEndpoint])
      for (const level of LEVELS) pairs.push([{ level }, { level, ...window }, timeEndpoints])
    }
  }
  pairs.push([{}, { requisition_id: own }, everyEndpoint])

  const leaks: Leak[] = []
  const solved = new Set<string>()
  const shownExtremes = new Set<string>()
  const dishonest = new Set<string>()
  const populations = new Set<string>()
  const checked = new Set<string>()
  const compared: Record<string, number> = {}
  let answered = 0
  for (const [first, second, endpoints] of pairs) {
    for (const endpoint of endpoints.filter((name) => only === null || only.includes(name))) {
      const a = await ask('manager', query(endpoint, first))
      const b = await ask('manager', query(endpoint, second))
      for (const answer of [a, b]) {
        if (answer.status === 200 && answer.body.filters.requisition_id === null) {
          answered++
          populations.add(describedBy(answer))
          for (const where of extremes(answer)) shownExtremes.add(where)
          // The answer describes the population it says it does (once per population).
          const checking = `${endpoint} ${describedBy(answer)}`
          if (!checked.has(checking)) {
            checked.add(checking)
            for (const where of misstated(truth, endpoint, answer)) dishonest.add(where)
          }
        }
      }
      if (a.status !== 200 || b.status !== 200) continue
      const between = leaksBetween(truth, endpoint, a, b, manager.id, FLOOR)
      leaks.push(...between.leaks)
      compared[endpoint] = (compared[endpoint] ?? 0) + between.compared
      for (const id of [...solvedPeople(truth, a, b), ...solvedPeople(truth, b, a)]) {
        if (truth.find((entry) => entry.id === id)!.owner !== manager.id) solved.add(id)
      }
    }
  }
  return {
    leaks,
    solved: [...solved],
    extremes: [...shownExtremes],
    dishonest: [...dishonest],
    populations: populations.size,
    compared,
    answered,
  }
}

/** The talent lead's sweep over self-ID figures: the same levers, groups as the cells. */
async function selfIdSweep({ ask, truth }: Setup, days: number) {
  const decided = truth.filter((entry) => entry.decision !== 'pending')
  // Days on which exactly one decided applicant applied, having stated a group: the attack's days.
  const perDay = new Map<string, Truth[]>()
  for (const entry of decided)
    perDay.set(entry.appliedAt, [...(perDay.get(entry.appliedAt) ?? []), entry])
  const applied = spread(
    [...perDay]
      .filter(([, entries]) => entries.length === 1 && entries[0]!.group !== null)
      .map(([day]) => day)
      .sort(),
    days,
  )
  const pairs: [Record<string, string>, Record<string, string>][] = []
  for (const day of applied) {
    pairs.push([{ to: day }, { to: addDays(day, -1) }])
    pairs.push([{ from: addDays(day, 1) }, { from: day }])
    pairs.push([{ as_of: addDays(day, -1) }, { as_of: day }])
  }
  for (const level of LEVELS) pairs.push([{}, { level }])
  for (const hireType of HIRE_TYPES) pairs.push([{}, { hire_type: hireType }])
  const groups = [...new Set(truth.map((entry) => entry.group))]
  const leaks: Leak[] = []
  const revealed = new Set<string>()
  let answered = 0
  for (const [first, second] of pairs) {
    const a = await ask('lead', query('adverse-impact', first))
    const b = await ask('lead', query('adverse-impact', second))
    answered += [a, b].filter((answer) => answer.status === 200).length
    if (a.status !== 200 || b.status !== 200) continue
    const popA = population(truth, a, null).filter((entry) => entry.decision !== 'pending')
    const popB = population(truth, b, null).filter((entry) => entry.decision !== 'pending')
    for (const group of groups) {
      for (const selected of [true, false]) {
        const members = (list: Truth[]) =>
          ids(
            list.filter(
              (entry) => entry.group === group && (entry.decision === 'hired') === selected,
            ),
          )
        const count = differing(members(popA), members(popB))
        if (count > 0 && count < SELF_ID_FLOOR) {
          leaks.push({
            endpoint: 'adverse-impact',
            pair: `${a.path} | ${b.path}`,
            cell: `${group ?? 'not stated'} ${selected ? 'selected' : 'not selected'}`,
            differing: count,
          })
        }
      }
    }
    // The attack: exactly one decided applicant differs; the group whose count moved is theirs.
    const changed = differing(ids(popA), ids(popB))
    if (changed !== 1) continue
    const person = [...popA, ...popB].find(
      (entry) => popA.includes(entry) !== popB.includes(entry),
    )!
    type Shown = { group: string; applicants: number }
    const countOf = (answer: Answer, group: string) =>
      (answer.body.groups as Shown[]).find((entry) => entry.group === group)?.applicants ?? 0
    const shown = new Set(
      [...(a.body.groups as Shown[]), ...(b.body.groups as Shown[])].map((entry) => entry.group),
    )
    const moved = [...shown].filter((group) => countOf(a, group) !== countOf(b, group))
    if (moved.length === 1 && moved[0] === person.group) revealed.add(person.id)
  }
  return { leaks, revealed: [...revealed], answered }
}

describe(`disclosure control against differencing, on ${onPostgres() ? 'PostgreSQL' : 'SQLite'}`, () => {
  let controlled: Setup
  let uncontrolled: Setup
  let larger: Setup
  let partlyTimed: Setup
  let timedFromMid: Setup
  beforeAll(async () => {
    controlled = await setup(true)
    uncontrolled = await setup(false)
    larger = await setup(true, 6000)
    // Judgment scored only from mid, as the minutes: few hires are scored in every area.
    partlyTimed = await setup(true, 6000, timedFromMidLevel(['judgment']))
    // Every area scored everywhere: only the minutes start at mid.
    timedFromMid = await setup(true, 6000, timedFromMidLevel([]))
  }, 180_000)

  it('answers a hiring manager organisation-wide, but no two answers differ by 1 to 9 hires', async () => {
    const found = await managerSweep(controlled, 30)
    expect(found.answered).toBeGreaterThan(0)
    expect(found.dishonest).toEqual([])
    expect(found.leaks.slice(0, 5)).toEqual([])
    expect(found.solved).toEqual([])
    expect(found.extremes).toEqual([])
  }, 120_000)

  it('holds in a larger organisation, where level, hire type and year slices are shown too', async () => {
    const found = await managerSweep(larger, 30)
    // Several different populations answered, so pairs of shown answers were compared.
    expect(found.populations).toBeGreaterThan(3)
    // The newer reports' cells were among those compared.
    for (const endpoint of NEWER_REPORTS) {
      expect(found.compared[endpoint], endpoint).toBeGreaterThan(0)
    }
    expect(found.dishonest).toEqual([])
    expect(found.leaks.slice(0, 5)).toEqual([])
    expect(found.solved).toEqual([])
    expect(found.extremes).toEqual([])
  }, 120_000)

  /**
   * How many of other managers' people one cell of an organisation holds in an answer for
   * every level and not in one for level mid, or the other way: both answered. Where the
   * endpoint withholds a box whole, panel sizing (which answers both boxes whatever it
   * withholds in them) says the population of the box, the same for every endpoint.
   */
  async function apartFromMidLevel(organisation: Setup, endpoint: string, cellName: string) {
    const { ask, manager, truth } = organisation
    const answerFor = async (filters: Record<string, string>) => {
      const answer = await ask('manager', query(endpoint, filters))
      return answer.status === 200 ? answer : ask('manager', query('panel-sizing', filters))
    }
    const every = await answerFor({})
    const mid = await answerFor({ level: TIMED_LEVEL })
    expect([every.status, mid.status]).toEqual([200, 200])
    const cell = cellsOf(endpoint, truth).find((entry) => entry.name === cellName)!
    return differing(
      cell.members(population(truth, every, manager.id), every.body.as_of),
      cell.members(population(truth, mid, manager.id), mid.body.as_of),
    )
  }

  it('gives no count of hires scored in every area where too few of them are shown', async () => {
    expect(await apartFromMidLevel(partlyTimed, 'expectancy', 'hires scored in every area')).toBe(3)
    const found = await managerSweep(partlyTimed, 8, ['expectancy'])
    expect(found.dishonest).toEqual([])
    expect(found.leaks.slice(0, 5)).toEqual([])
  }, 120_000)

  it('gives no interviewer hours or minutes of an area where too few loops record minutes', async () => {
    expect(await apartFromMidLevel(partlyTimed, 'panel-sizing', 'timed in judgment')).toBe(3)
    // The broader answer, released first, keeps its hours.
    const every = await partlyTimed.ask('manager', query('panel-sizing', {}))
    const areas = every.body.areas as PanelSizingResponse['areas']
    expect(areas.every((area) => area.hours_per_quarter !== null)).toBe(true)
    const found = await managerSweep(partlyTimed, 8, ['panel-sizing'])
    expect(found.compared['panel-sizing']).toBeGreaterThan(0)
    expect(found.dishonest).toEqual([])
    expect(found.leaks.slice(0, 5)).toEqual([])
  }, 120_000)

  it.each(['loop-time', 'incremental-validity', 'utility', 'panel-sizing'])(
    '%s gives no interview minutes of an area where too few loops record minutes',
    async (endpoint) => {
      expect(await apartFromMidLevel(timedFromMid, endpoint, 'timed in judgment')).toBe(3)
      // The broader answer, released first, keeps its minutes.
      const every = await timedFromMid.ask('manager', query(endpoint, {}))
      const timed = cellsOf(endpoint, timedFromMid.truth).find(
        (cell) => cell.name === 'timed in judgment',
      )!
      expect(timed.shown(every)).toBe(true)
      const found = await managerSweep(timedFromMid, 8, [endpoint])
      console.log(
        `${endpoint}, minutes recorded from level mid: ${found.leaks.length} leaking cells (${[...new Set(found.leaks.map((leak) => `${leak.cell} by ${String(leak.differing)}`))].join(', ')})`,
      )
      expect(found.compared[endpoint]).toBeGreaterThan(0)
      expect(found.dishonest).toEqual([])
      expect(found.leaks.slice(0, 5)).toEqual([])
    },
    120_000,
  )

  it('finds the attack when the control is switched off', async () => {
    const found = await managerSweep(uncontrolled, 8)
    const perEndpoint = new Map<string, number>()
    for (const { endpoint } of found.leaks) {
      perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1)
    }
    console.log(
      `without disclosure control: ${found.leaks.length} leaking cells (${[...perEndpoint].map(([endpoint, count]) => `${endpoint} ${count}`).join(', ')}), ${found.solved.length} people solved for, ${found.extremes.length} extremes shown`,
    )
    expect(found.dishonest).toEqual([])
    // Every kind of cell of the newer reports' models is caught leaking somewhere.
    const kinds: [string, RegExp][] = [
      ['expectancy', /^hires scored in every area$/],
      ['expectancy', /^(stayed|left) scored in every area$/],
      ['expectancy', /^applicants scored in every area$/],
      ['expectancy', /composite band (below 2\.5|2\.5 to 3|3 to 3\.5|3\.5 and above)$/],
      ['expectancy', /composite band (below 3|3 and above)$/],
      ['questions', /^(stayed|left) in /],
      ['questions', /^asked /],
      ['questions', /^(stayed|left) asked /],
      ['panel-sizing', /^(stayed|left) scored in every area$/],
      ['panel-sizing', /^rated in /],
      ['panel-sizing', /^timed in /],
      ['loop-time', /^timed in /],
      ['incremental-validity', /^timed in /],
      ['utility', /^timed in /],
    ]
    const uncaught = kinds.filter(
      ([endpoint, cell]) =>
        !found.leaks.some((leak) => leak.endpoint === endpoint && cell.test(leak.cell)),
    )
    expect(uncaught).toEqual([])
    expect(found.leaks.length).toBeGreaterThan(0)
    expect(found.solved.length).toBeGreaterThan(0)
    expect(found.extremes.length).toBeGreaterThan(0)
  }, 120_000)

  it('gives self-ID figures that no two answers of a talent lead tell apart by 1 to 4 of a group', async () => {
    const found = await selfIdSweep(controlled, 30)
    expect(found.answered).toBeGreaterThan(0)
    expect(found.leaks.slice(0, 5)).toEqual([])
    expect(found.revealed).toEqual([])
  }, 120_000)

  it('finds the self-ID attack when the control is switched off', async () => {
    const found = await selfIdSweep(uncontrolled, 12)
    console.log(
      `without disclosure control: ${found.leaks.length} leaking self-ID cells, ${found.revealed.length} groups revealed`,
    )
    expect(found.leaks.length).toBeGreaterThan(0)
    expect(found.revealed.length).toBeGreaterThan(0)
  }, 120_000)
})
