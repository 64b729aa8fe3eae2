import { count } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { Level } from '../domain'
import * as schema from '../schema'

export const DEFAULT_RUBRIC_KEY = 'rust'

interface AreaSeed {
  key: string
  name: string
  weights: Record<Level, number>
}

// Ownership dominates junior loops and fades with level; staff and principal loops are mostly judgment.
const RUST_AREAS: AreaSeed[] = [
  {
    key: 'ownership',
    name: 'Ownership & lifetimes',
    weights: { junior: 0.4, mid: 0.25, senior: 0.15, staff: 0.1, principal: 0.1 },
  },
  {
    key: 'concurrency',
    name: 'Fearless concurrency',
    weights: { junior: 0.15, mid: 0.25, senior: 0.2, staff: 0.1, principal: 0.1 },
  },
  {
    key: 'unsafe_ffi',
    name: 'unsafe & FFI',
    weights: { junior: 0.1, mid: 0.1, senior: 0.25, staff: 0.2, principal: 0.2 },
  },
  {
    key: 'traits_errors',
    name: 'Traits & error handling',
    weights: { junior: 0.25, mid: 0.25, senior: 0.15, staff: 0.1, principal: 0.1 },
  },
  {
    key: 'judgment',
    name: 'Judgment (knowing when Rust is the wrong tool)',
    weights: { junior: 0.1, mid: 0.15, senior: 0.25, staff: 0.5, principal: 0.5 },
  },
]

const RUST_RED_FLAGS = [
  { key: 'clones_everything', name: 'Clones everything' },
  { key: 'arc_mutex_everywhere', name: 'Arc<Mutex<_>> everywhere' },
  { key: 'unsafe_to_silence_borrowck', name: 'unsafe to silence the borrow checker' },
  { key: 'unwrap_everywhere', name: 'unwrap() everywhere' },
  { key: 'rewrite_everything', name: 'Wants to rewrite everything in Rust' },
]

const BENCHMARKS_2026: (typeof schema.benchmarks.$inferInsert)[] = [
  {
    metric: 'salary',
    value: 147_000,
    low: 115_000,
    high: 191_000,
    unit: 'USD',
    source: 'Glassdoor (Rust developer, US average and common range)',
    sourceDate: '2026',
  },
  {
    metric: 'salary',
    value: 110_000,
    unit: 'USD',
    source: 'ZipRecruiter (Rust developer, US average)',
    sourceDate: '2026',
  },
  {
    metric: 'time_to_hire_days',
    value: 17,
    unit: 'days',
    source: 'IT staffing firm, general IT search average',
    sourceDate: '2026',
    note: 'Rust searches run longer than a general IT search.',
  },
  {
    metric: 'retention_12m',
    value: 0.92,
    unit: 'ratio',
    source: 'IT staffing firm, direct-hire placements',
    sourceDate: '2026',
  },
]

type SeedDb = BetterSQLite3Database<typeof schema>

/** The default Rust rubric and the 2026 benchmarks, added once to a database that lacks them. */
export function seedReferenceData(db: SeedDb): void {
  db.transaction((tx) => {
    const [rubricCount] = tx.select({ n: count() }).from(schema.rubrics).all()
    if (rubricCount?.n === 0) {
      const rubric = tx
        .insert(schema.rubrics)
        .values({ key: DEFAULT_RUBRIC_KEY, name: 'Rust engineer' })
        .returning({ id: schema.rubrics.id })
        .get()
      RUST_AREAS.forEach((area, position) => {
        const inserted = tx
          .insert(schema.rubricAreas)
          .values({ rubricId: rubric.id, key: area.key, name: area.name, position })
          .returning({ id: schema.rubricAreas.id })
          .get()
        tx.insert(schema.rubricLevelWeights)
          .values(
            Object.entries(area.weights).map(([level, weight]) => ({
              areaId: inserted.id,
              level: level as Level,
              weight,
            })),
          )
          .run()
      })
      tx.insert(schema.rubricRedFlags)
        .values(RUST_RED_FLAGS.map((flag) => ({ rubricId: rubric.id, ...flag })))
        .run()
    }
    const [benchmarkCount] = tx.select({ n: count() }).from(schema.benchmarks).all()
    if (benchmarkCount?.n === 0) tx.insert(schema.benchmarks).values(BENCHMARKS_2026).run()
  })
}
