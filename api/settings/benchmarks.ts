import { asc, eq } from 'drizzle-orm'
import { rows, type Operation, type Queries, type Store, type Tables } from '../../db/store'
import { auditEntry, type Actor, type AuditAction } from '../auth/audit'
import { dataChanged } from '../dataset/data-change'

/** A benchmark as the API writes it. */
export type BenchmarkInput = Omit<Tables['benchmarks']['$inferInsert'], 'id' | 'sourceDate'> & {
  source_date: string
}

const columnsOf = ({ benchmarks }: Tables) => ({
  id: benchmarks.id,
  metric: benchmarks.metric,
  level: benchmarks.level,
  metro: benchmarks.metro,
  value: benchmarks.value,
  low: benchmarks.low,
  high: benchmarks.high,
  unit: benchmarks.unit,
  source: benchmarks.source,
  source_date: benchmarks.sourceDate,
  note: benchmarks.note,
})

/** A benchmark as the API reads it. */
export type Benchmark = Awaited<ReturnType<typeof listBenchmarks>>[number]

const toRow = ({ source_date, ...input }: BenchmarkInput) => ({ ...input, sourceDate: source_date })

export const listBenchmarks = (store: Store) =>
  store.run(({ db, tables }) =>
    rows(db.select(columnsOf(tables)).from(tables.benchmarks).orderBy(asc(tables.benchmarks.id))),
  )

/**
 * One benchmark change in a transaction with its audit entry, analytics told the data
 * changed; the benchmark written, or undefined (nothing written) when there is none.
 */
function changeBenchmark(
  store: Store,
  action: AuditAction,
  actor: Actor,
  now: Date,
  change: (queries: Queries, columns: ReturnType<typeof columnsOf>) => Operation<Benchmark[]>,
) {
  return store.transaction(function* (queries) {
    const [result] = yield* change(queries, columnsOf(queries.tables))
    if (result === undefined) return undefined
    yield* auditEntry(
      queries,
      { actor, action, target: `benchmark ${result.id}`, details: { result } },
      now,
    )
    yield* dataChanged(queries, 'settings')
    return result
  })
}

export const createBenchmark = (store: Store, input: BenchmarkInput, actor: Actor, now: Date) =>
  changeBenchmark(store, 'benchmark_create', actor, now, ({ db, tables }, columns) =>
    rows(db.insert(tables.benchmarks).values(toRow(input)).returning(columns)),
  )

export const replaceBenchmark = (
  store: Store,
  id: number,
  input: BenchmarkInput,
  actor: Actor,
  now: Date,
) =>
  changeBenchmark(
    store,
    'benchmark_update',
    actor,
    now,
    ({ db, tables: { benchmarks } }, columns) =>
      rows(db.update(benchmarks).set(toRow(input)).where(eq(benchmarks.id, id)).returning(columns)),
  )

export const removeBenchmark = (store: Store, id: number, actor: Actor, now: Date) =>
  changeBenchmark(
    store,
    'benchmark_delete',
    actor,
    now,
    ({ db, tables: { benchmarks } }, columns) =>
      rows(db.delete(benchmarks).where(eq(benchmarks.id, id)).returning(columns)),
  )
