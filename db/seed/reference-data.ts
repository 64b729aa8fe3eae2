import { count } from 'drizzle-orm'
import type { Level } from '../domain'
import { rows, write, type Operation, type Queries } from '../operation'
import type * as sqliteTables from '../schema'

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

const BENCHMARKS_2026: (typeof sqliteTables.benchmarks.$inferInsert)[] = [
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

/**
 * The default Rust rubric and the 2026 benchmarks, added once to a database that lacks them.
 * Run it in a transaction (an exclusive one where several instances may start at once).
 */
export function* referenceData({ db, tables }: Queries): Operation<void> {
  const { rubrics, rubricAreas, rubricLevelWeights, rubricRedFlags, benchmarks } = tables
  const [rubricCount] = yield* rows(db.select({ n: count() }).from(rubrics))
  if (rubricCount?.n === 0) {
    const [rubric] = yield* rows(
      db
        .insert(rubrics)
        .values({ key: DEFAULT_RUBRIC_KEY, name: 'Rust engineer' })
        .returning({ id: rubrics.id }),
    )
    for (const [position, area] of RUST_AREAS.entries()) {
      const [inserted] = yield* rows(
        db
          .insert(rubricAreas)
          .values({ rubricId: rubric!.id, key: area.key, name: area.name, position })
          .returning({ id: rubricAreas.id }),
      )
      yield* write(
        db.insert(rubricLevelWeights).values(
          Object.entries(area.weights).map(([level, weight]) => ({
            areaId: inserted!.id,
            level: level as Level,
            weight,
          })),
        ),
      )
    }
    yield* write(
      db
        .insert(rubricRedFlags)
        .values(RUST_RED_FLAGS.map((flag) => ({ rubricId: rubric!.id, ...flag }))),
    )
  }
  const [benchmarkCount] = yield* rows(db.select({ n: count() }).from(benchmarks))
  if (benchmarkCount?.n === 0) yield* write(db.insert(benchmarks).values(BENCHMARKS_2026))
}
