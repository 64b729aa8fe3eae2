import type { ApplicationFields, ScoreFields } from '../import/canonical-format'
import { addDays, dayNumber } from '../analytics/dates'
import type { Background, HireType, Level } from '../../db/domain'
import type { benchmarks } from '../../db/schema'
import { Random } from '../analytics/random'

/** One row of each canonical file, as the strings a CSV would hold. */
export type ApplicationRecord = Record<keyof ApplicationFields, string>
export type ScoreRecord = Record<keyof ScoreFields, string>

export interface DemoOptions {
  applications: number
  seed: number
  /** The last day of the three years the data covers; recent hires are still in their first year. */
  until: string
}

const AREAS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'] as const
type Area = (typeof AREAS)[number]

// The default level weights: hiring decides on this composite, so hires are range-restricted.
const LEVEL_WEIGHTS: Record<Level, Record<Area, number>> = {
  junior: {
    ownership: 0.4,
    concurrency: 0.15,
    unsafe_ffi: 0.1,
    traits_errors: 0.25,
    judgment: 0.1,
  },
  mid: { ownership: 0.25, concurrency: 0.25, unsafe_ffi: 0.1, traits_errors: 0.25, judgment: 0.15 },
  senior: {
    ownership: 0.15,
    concurrency: 0.2,
    unsafe_ffi: 0.25,
    traits_errors: 0.15,
    judgment: 0.25,
  },
  staff: { ownership: 0.1, concurrency: 0.1, unsafe_ffi: 0.2, traits_errors: 0.1, judgment: 0.5 },
  principal: {
    ownership: 0.1,
    concurrency: 0.1,
    unsafe_ffi: 0.2,
    traits_errors: 0.1,
    judgment: 0.5,
  },
}

// How strongly true ability in each area lowers the odds of leaving in the first year:
// judgment and concurrency matter, ownership (the most-tested area) hardly does.
const RETENTION_EFFECT: Record<Area, number> = {
  ownership: 0,
  concurrency: 0.9,
  unsafe_ffi: 0.4,
  traits_errors: 0.25,
  judgment: 1.6,
}

// Minutes an interviewer spends per area: ownership takes 40–60% of technical time.
const MINUTES: Record<Area, [number, number]> = {
  ownership: [20, 35],
  concurrency: [6, 15],
  unsafe_ffi: [4, 12],
  traits_errors: [5, 12],
  judgment: [3, 10],
}

const RED_FLAG_OF_AREA: Record<Area, string> = {
  ownership: 'clones_everything',
  concurrency: 'arc_mutex_everywhere',
  unsafe_ffi: 'unsafe_to_silence_borrowck',
  traits_errors: 'unwrap_everywhere',
  judgment: 'rewrite_everything',
}

const NOTES: Record<Area, [string, string]> = {
  ownership: [
    'Explained lifetimes with a diagram, clear and correct',
    'Fought the borrow checker with clones until prompted',
  ],
  concurrency: [
    'Solid on Send and Sync; chose channels over shared state',
    'Reached for Arc<Mutex<_>> first, then "why is it slow?"',
  ],
  unsafe_ffi: [
    'Strong on FFI: repr(C), ownership across the boundary',
    'Used unsafe to get past a lifetime error',
  ],
  traits_errors: [
    'Good error types with thiserror; knew when to box',
    'unwrap() on every Result, "it will not fail"',
  ],
  judgment: [
    'Argued well for keeping the Python service, "Rust is not free"',
    'Wanted to "rewrite it in Rust" twice, weak on trade-offs',
  ],
}

/**
 * A question of an area's bank. One that `surfaces` the skill draws answers that show the
 * candidate's true skill in the area; the others mostly test recall or a rehearsed story.
 * `share` is how often loops pick it.
 */
interface DemoQuestion {
  text: string
  surfaces: boolean
  share: number
}

// Two questions most loops ask in each area, one that surfaces the skill and one that mostly
// tests recall, and a third tried now and then (too rarely asked to tell).
const QUESTION_BANK: Record<Area, DemoQuestion[]> = {
  ownership: [
    { text: 'Explain a borrow-checker error you fixed', surfaces: true, share: 1 },
    { text: 'When would you reach for Rc<RefCell<T>>?', surfaces: false, share: 1 },
    { text: 'Annotate the lifetimes of a struct that holds a &str', surfaces: true, share: 0.15 },
  ],
  concurrency: [
    { text: 'Why is Rc not Send, and what do you use instead?', surfaces: true, share: 1 },
    { text: 'What does async/await compile to?', surfaces: false, share: 1 },
    { text: 'Design a worker pool with channels', surfaces: true, share: 0.15 },
  ],
  unsafe_ffi: [
    { text: 'Wrap a C library safely: who frees the buffer?', surfaces: true, share: 1 },
    { text: 'What is repr(C) for?', surfaces: false, share: 1 },
    { text: 'What invariants must an unsafe block uphold?', surfaces: true, share: 0.15 },
  ],
  traits_errors: [
    { text: 'Design the error type of a small library', surfaces: true, share: 1 },
    { text: 'What does the ? operator desugar to?', surfaces: false, share: 1 },
    { text: 'Trait objects or generics: when each?', surfaces: true, share: 0.15 },
  ],
  judgment: [
    { text: 'Tell us about a time Rust was the wrong tool', surfaces: true, share: 1 },
    { text: 'Which Rust feature would you remove?', surfaces: false, share: 1 },
    { text: 'Would you rewrite this Python service in Rust?', surfaces: true, share: 0.15 },
  ],
}

/**
 * Names the question each rating of an area in one loop answers. The ratings were drawn as
 * before questions existed, so every other figure of the demo stays as it was; a question
 * that surfaces the skill is taken to be the one whose ratings came nearest the candidate's
 * true skill, so only such questions carry the area's link with retention.
 */
function nameQuestions(
  random: Random,
  bank: readonly DemoQuestion[],
  ratings: readonly { score: ScoreRecord; miss: number }[],
): void {
  const asked = pickQuestions(random, bank, random.chance(0.9) ? 2 : 1).sort(
    (a, b) => Number(b.surfaces) - Number(a.surfaces),
  )
  const nearestFirst = [...ratings].sort((a, b) => a.miss - b.miss)
  const perQuestion = Math.ceil(nearestFirst.length / asked.length)
  nearestFirst.forEach(({ score }, at) => {
    score.question = asked[Math.floor(at / perQuestion)]!.text
  })
}

/** `count` questions of a bank, each pick in proportion to its share among those left. */
function pickQuestions(random: Random, bank: readonly DemoQuestion[], count: number) {
  const left = [...bank]
  const picked: DemoQuestion[] = []
  while (picked.length < count && left.length > 0) {
    const chosen = random.weighted(
      Object.fromEntries(left.map((question, at) => [String(at), question.share])),
    )
    picked.push(...left.splice(Number(chosen), 1))
  }
  return picked
}

const LEVEL_SHARE: Record<Level, number> = {
  junior: 14,
  mid: 40,
  senior: 30,
  staff: 12,
  principal: 4,
}
const LEVEL_TITLE: Record<Level, string> = {
  junior: 'Junior Rust Engineer',
  mid: 'Rust Engineer',
  senior: 'Senior Rust Engineer',
  staff: 'Staff Rust Engineer',
  principal: 'Principal Rust Engineer',
}
// Offer salary midpoints by level (USD), around the 2026 market band of $115k–$191k.
const LEVEL_SALARY: Record<Level, number> = {
  junior: 118_000,
  mid: 142_000,
  senior: 166_000,
  staff: 192_000,
  principal: 215_000,
}
// The demo's band of each level: its offer midpoint ± 15%, rounded to $1,000.
const BAND_SPREAD = 0.15
const roundToThousand = (value: number) => Math.round(value / 1000) * 1000

/**
 * One salary band per level for the demo data set, so every demo offer has a band of its own
 * level. They are demo figures, said so in their source: the 2026 market range laid out by level.
 */
export const DEMO_SALARY_BANDS: (typeof benchmarks.$inferInsert)[] = (
  Object.entries(LEVEL_SALARY) as [Level, number][]
).map(([level, midpoint]) => ({
  metric: 'salary',
  level,
  value: midpoint,
  low: roundToThousand(midpoint * (1 - BAND_SPREAD)),
  high: roundToThousand(midpoint * (1 + BAND_SPREAD)),
  unit: 'USD',
  source: 'Demo band: the 2026 Rust developer range (Glassdoor, $115k–$191k) laid out by level',
  sourceDate: '2026',
  note: 'Demo data only: replace with the band of your salary survey for this level.',
}))

// Entry bar for the loop composite: senior loops expect more.
const LEVEL_BAR: Record<Level, number> = {
  junior: 2.85,
  mid: 2.95,
  senior: 3.05,
  staff: 3.1,
  principal: 3.15,
}
const TEAMS = [
  'Payments',
  'Embedded',
  'Developer Tools',
  'Observability',
  'Storage',
  'Networking',
  'Platform',
  'Data Infrastructure',
]
const METRO_SALARY_FACTOR: Record<string, number> = {
  'San Francisco Bay Area': 1.12,
  'New York, NY': 1.1,
  'Seattle, WA': 1.05,
  'Remote (US)': 0.97,
  'Austin, TX': 0.95,
  Berlin: 0.8,
  London: 0.86,
}
const METRO_SHARE: Record<string, number> = {
  'San Francisco Bay Area': 20,
  'New York, NY': 10,
  'Seattle, WA': 15,
  'Remote (US)': 30,
  'Austin, TX': 8,
  Berlin: 12,
  London: 5,
}
const HIRE_TYPE_SHARE: Record<HireType, number> = { direct: 76, contract_to_hire: 17, contract: 7 }
const BACKGROUND_SHARE: Record<Background | 'unknown', number> = {
  cpp: 26,
  go: 15,
  python: 18,
  haskell: 4,
  embedded_c: 9,
  self_taught: 10,
  other: 6,
  unknown: 12,
}
const SOURCE_SHARE = { inbound: 30, referral: 20, outbound: 24, job_board: 16, agency: 10 }
// Voluntary self-identification; about one applicant in twelve declines to answer.
const SELF_ID_SHARE = { man: 58, woman: 31, non_binary: 3, declined: 8 }
const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Chloe',
  'Dmitri',
  'Emeka',
  'Fatima',
  'Gustavo',
  'Hana',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Nikolai',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Hiroshi',
  'Marco',
  'Léa',
  'Sipho',
]
const LAST_NAMES = [
  'Anderson',
  'Bianchi',
  'Chen',
  'Dubois',
  'Eriksson',
  'Fernández',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lee',
  'Müller',
  'Nakamura',
  'Okafor',
  "O'Connor",
  'Patel',
  'Rossi',
  'Schmidt',
  'Smith-Jones',
  'Tanaka',
  'Van der Berg',
  'Wang',
  'Zhang',
]

interface Interviewer {
  handle: string
  leniency: number
  noise: number
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))
const logistic = (x: number) => 1 / (1 + Math.exp(-x))

function makeInterviewers(random: Random, count: number): Interviewer[] {
  const handles = new Set<string>()
  const result: Interviewer[] = []
  while (result.length < count) {
    const base = `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z.-]/g, '')
    const handle = handles.has(base) ? `${base}${result.length}` : base
    handles.add(handle)
    result.push({ handle, leniency: random.normal(0, 0.3), noise: random.uniform(0.35, 0.6) })
  }
  return result
}

function roundRating(random: Random, value: number): number {
  // Now and then an interviewer records a "mixed" 2.5, as Greenhouse allows.
  if (value > 2.3 && value < 2.7 && random.chance(0.08)) return 2.5
  return clamp(Math.round(value), 1, 4)
}

/**
 * A realistic, reproducible hiring history for Rust engineering requisitions, one
 * application at a time with its ratings (the same seed and options give the same rows).
 */
export function* generateDemoData(
  options: DemoOptions,
): Generator<{ application: ApplicationRecord; scores: ScoreRecord[] }> {
  const random = new Random(options.seed)
  // A stream of its own, so adding self-ID left every other draw of a seed as it was.
  const selfIdRandom = new Random(options.seed ^ 0x5e1f)
  // And one for the questions a loop asks and how each candidate answers them.
  const questionRandom = new Random(options.seed ^ 0x9e57)
  const lastDay = dayNumber(options.until)
  const firstDay = lastDay - 3 * 365
  const interviewers = makeInterviewers(
    random,
    clamp(Math.round(options.applications / 60), 12, 400),
  )
  const requisitionCount = Math.max(1, Math.round(options.applications / 36))
  let applicationNumber = 0
  let candidateNumber = 0
  const returning: { id: string; name: string; background: string; ability: number }[] = []

  for (let r = 1; r <= requisitionCount && applicationNumber < options.applications; r++) {
    const level = random.weighted(LEVEL_SHARE)
    const requisition = {
      id: `REQ-${pad(r, 4)}`,
      title: `${LEVEL_TITLE[level]}, ${random.pick(TEAMS)}`,
      level,
      hireType: random.weighted(HIRE_TYPE_SHARE),
      openedAt: addDays(
        options.until,
        -Math.round(
          ((requisitionCount - r + random.next()) / requisitionCount) * (lastDay - firstDay - 20),
        ),
      ),
    }
    const remainingRequisitions = requisitionCount - r + 1
    const size =
      r === requisitionCount
        ? options.applications - applicationNumber
        : Math.min(
            options.applications - applicationNumber,
            Math.max(
              3,
              Math.round(
                random.normal(1, 0.35) *
                  ((options.applications - applicationNumber) / remainingRequisitions),
              ),
            ),
          )
    let openings = random.integer(2, 7)
    const opened = dayNumber(requisition.openedAt)
    const applicants = Array.from({ length: size }, () =>
      Math.min(lastDay, opened + 1 + Math.floor(-Math.log(1 - random.next()) * 18)),
    ).sort((a, b) => a - b)

    for (const appliedDay of applicants) {
      applicationNumber++
      const appliedAt = addDays('1970-01-01', appliedDay)
      const returningCandidate = returning.length > 20 && random.chance(0.05)
      const candidate = returningCandidate
        ? random.pick(returning)
        : {
            id: `CAND-${pad(++candidateNumber, 6)}`,
            name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
            background: random.weighted(BACKGROUND_SHARE),
            ability: random.normal(0, 1),
          }
      if (!returningCandidate) returning.push(candidate)
      const background = candidate.background === 'unknown' ? '' : candidate.background
      const trueScore = Object.fromEntries(
        AREAS.map((area) => [area, 2.55 + 0.35 * candidate.ability + 0.55 * random.normal()]),
      ) as Record<Area, number>

      const scores: ScoreRecord[] = []
      const daysOpen = lastDay - appliedDay
      // A fifth are turned down at the screen and never reach the loop; the newest are still in it.
      const screenedOut = random.chance(logistic(-1.4 - 0.9 * candidate.ability))
      const inLoop = !screenedOut && daysOpen >= 10
      let decision: ApplicationRecord['decision'] = screenedOut ? 'rejected' : 'pending'
      let interviewDay = appliedDay
      if (inLoop) {
        interviewDay = appliedDay + random.integer(5, Math.min(21, daysOpen - 2))
        const panel = random.sample(interviewers, random.integer(3, 4))
        const ratingSums: Record<Area, [number, number]> = Object.fromEntries(
          AREAS.map((area) => [area, [0, 0]]),
        ) as Record<Area, [number, number]>
        const ratingsOfArea = Object.fromEntries(
          AREAS.map((area) => [area, [] as { score: ScoreRecord; miss: number }[]]),
        ) as Record<Area, { score: ScoreRecord; miss: number }[]>
        panel.forEach((interviewer, seat) => {
          // Every panel covers every area; each interviewer takes three or more of them.
          const areas = AREAS.filter((_, k) => k % panel.length === seat || random.chance(0.6))
          for (const area of areas) {
            const rating = roundRating(
              random,
              trueScore[area] + interviewer.leniency + random.normal(0, interviewer.noise),
            )
            ratingSums[area][0] += rating
            ratingSums[area][1]++
            const flagged = rating <= 2 && random.chance(0.22)
            const noted = random.chance(0.07)
            const score: ScoreRecord = {
              application_id: `APP-${pad(applicationNumber, 6)}`,
              interviewer: interviewer.handle,
              area,
              rating: String(rating),
              interviewed_at: addDays('1970-01-01', interviewDay + (seat > 1 ? 1 : 0)),
              minutes: String(random.integer(...MINUTES[area])),
              red_flags: flagged ? RED_FLAG_OF_AREA[area] : '',
              note: noted ? NOTES[area][rating >= 3 ? 0 : 1] : '',
              question: '',
            }
            scores.push(score)
            ratingsOfArea[area].push({ score, miss: Math.abs(rating - trueScore[area]) })
          }
        })
        for (const area of AREAS) {
          nameQuestions(questionRandom, QUESTION_BANK[area], ratingsOfArea[area])
        }
        const composite = AREAS.reduce((total, area) => {
          const [sum, count] = ratingSums[area]
          return total + LEVEL_WEIGHTS[level][area] * (count > 0 ? sum / count : 2.5)
        }, 0)
        const decided = daysOpen >= 30
        if (!decided) decision = 'pending'
        else if (random.chance(0.08)) decision = 'withdrew'
        else if (openings > 0 && composite + random.normal(0, 0.2) > LEVEL_BAR[level]) {
          decision = 'hired'
          openings--
        } else decision = 'rejected'
      } else if (!screenedOut) {
        decision = 'pending'
      }

      const application: ApplicationRecord = {
        application_id: `APP-${pad(applicationNumber, 6)}`,
        candidate_id: candidate.id,
        candidate_name: candidate.name,
        requisition_id: requisition.id,
        requisition_title: requisition.title,
        level,
        hire_type: requisition.hireType,
        opened_at: requisition.openedAt,
        applied_at: appliedAt,
        decision,
        offer_salary: '',
        offer_accepted_at: '',
        start_date: '',
        end_date: '',
        departure: '',
        background,
        source: random.weighted(SOURCE_SHARE),
        metro: random.weighted(METRO_SHARE),
        self_id_group: '',
      }
      const selfId = selfIdRandom.weighted(SELF_ID_SHARE)
      application.self_id_group = selfId === 'declined' ? '' : selfId
      if (decision === 'hired') {
        // Time to hire is right-skewed: a median near 26 days, a long tail of slow searches.
        const acceptedDay = Math.min(
          lastDay,
          Math.max(
            interviewDay + 2,
            appliedDay + Math.round(Math.exp(random.normal(Math.log(26), 0.45))),
          ),
        )
        const salary =
          LEVEL_SALARY[level] *
          (METRO_SALARY_FACTOR[application.metro] ?? 1) *
          Math.exp(random.normal(0, 0.08))
        const compaRatio = salary / LEVEL_SALARY[level]
        application.offer_salary = String(Math.round(salary / 500) * 500)
        application.offer_accepted_at = addDays('1970-01-01', acceptedDay)
        const startDay = acceptedDay + random.integer(14, 45)
        if (startDay <= lastDay) {
          application.start_date = addDays('1970-01-01', startDay)
          const risk =
            -1.9 -
            AREAS.reduce(
              (total, area) => total + RETENTION_EFFECT[area] * (trueScore[area] - 2.9),
              0,
            ) -
            1.5 * (compaRatio - 1)
          const tenure = random.chance(logistic(risk))
            ? random.integer(45, 364)
            : 365 + Math.floor(-Math.log(1 - random.next()) * 900)
          if (startDay + tenure <= lastDay) {
            application.end_date = addDays('1970-01-01', startDay + tenure)
            const weak = trueScore.judgment + trueScore.traits_errors < 5
            application.departure = random.chance(weak ? 0.35 : 0.12) ? 'involuntary' : 'voluntary'
          }
        }
      }
      yield { application, scores }
    }
  }
}
