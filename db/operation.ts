import type { Db } from './client'
import * as sqliteTables from './schema'

/**
 * The tables as queries name them. Both dialects' tables have the same columns, types and
 * keys (the schema-dialects test compares them), so a query is written once against these
 * types and runs on the store's own tables.
 */
export type Tables = typeof sqliteTables

/** The query builder and tables an operation builds its queries with. */
export interface Queries {
  readonly dialect: 'sqlite' | 'postgres'
  /**
   * Typed as SQLite's builder; on PostgreSQL it is PostgreSQL's, which builds the same
   * select, insert, update and delete. Hand each query to `rows` or `write`: never call
   * `.all()`, `.get()`, `.run()` or await it yourself.
   */
  readonly db: Db
  readonly tables: Tables
}

/** A query as SQL and its parameters, for the reads done a batch of raw rows at a time. */
export interface CompiledQuery {
  toSQL(): { sql: string; params: unknown[] }
}

/** An open cursor, as its store knows it. */
type Cursor = unknown

/**
 * One query of an operation: rows read (or returned by a write), a write alone, or a cursor
 * opened, read a batch at a time and closed.
 */
export type Step =
  | { kind: 'rows'; query: PromiseLike<unknown> & { all(): unknown } }
  | { kind: 'write'; query: PromiseLike<unknown> & { run(): unknown } }
  | { kind: 'open'; query: CompiledQuery }
  | { kind: 'fetch'; cursor: Cursor; count: number }
  | { kind: 'close'; cursor: Cursor }

/**
 * Database work written once for both stores, as a generator of its queries: SQLite runs it
 * at once, in one go, as it always has; PostgreSQL awaits each query. `yield*` one operation
 * inside another to run it in the same transaction.
 */
export type Operation<Result> = Generator<Step, Result, unknown>

/** The rows of a select, or of a write with `.returning(…)`. */
export function* rows<Row>(query: PromiseLike<Row[]> & { all(): Row[] }): Operation<Row[]> {
  return (yield { kind: 'rows', query }) as Row[]
}

/** The first row, or undefined. */
export function* first<Row>(
  query: PromiseLike<Row[]> & { all(): Row[] },
): Operation<Row | undefined> {
  const found = yield* rows(query)
  return found[0]
}

/** A write whose rows are not needed. */
export function* write(query: PromiseLike<unknown> & { run(): unknown }): Operation<void> {
  yield { kind: 'write', query }
}

/**
 * Every row of a select, `batch` at a time, each as an array of its columns' values in the
 * order selected, as the driver gives them (on PostgreSQL JSON parsed, on SQLite as text):
 * for reads too large to hold as objects. On PostgreSQL only inside a transaction.
 */
export function* eachBatch(
  query: CompiledQuery,
  batch: number,
  visit: (rows: unknown[][]) => void,
): Operation<void> {
  const cursor = yield { kind: 'open', query }
  try {
    for (;;) {
      const rows = (yield { kind: 'fetch', cursor, count: batch }) as unknown[][]
      if (rows.length === 0) return
      visit(rows)
    }
  } finally {
    yield { kind: 'close', cursor }
  }
}

/** What a step answers on SQLite's synchronous builder and connection. */
export function sqliteAnswer(db: Db, step: Step): unknown {
  switch (step.kind) {
    case 'rows':
      return step.query.all()
    case 'write':
      return step.query.run()
    case 'open': {
      const { sql: text, params } = step.query.toSQL()
      return db.$client
        .prepare(text)
        .raw(true)
        .iterate(...params)
    }
    case 'fetch': {
      const rows: unknown[][] = []
      const cursor = step.cursor as Iterator<unknown[]>
      while (rows.length < step.count) {
        const next = cursor.next()
        if (next.done) break
        rows.push(next.value)
      }
      return rows
    }
    case 'close':
      ;(step.cursor as Iterator<unknown[]>).return?.()
      return undefined
  }
}

/** Runs an operation's queries as they come, on SQLite's synchronous builder. */
export function runNow<Result>(db: Db, operation: Operation<Result>): Result {
  let step = operation.next()
  while (!step.done) {
    let answer: unknown
    try {
      answer = sqliteAnswer(db, step.value)
    } catch (error) {
      step = operation.throw(error)
      continue
    }
    step = operation.next(answer)
  }
  return step.value
}

export const sqliteQueries = (db: Db): Queries => ({ dialect: 'sqlite', db, tables: sqliteTables })

/**
 * Runs an operation on a SQLite connection now, for synchronous SQLite code (an import, a
 * snapshot): inside a transaction of that code when called in one.
 */
export const runOnSqlite = <Result>(
  db: Db,
  operation: (queries: Queries) => Operation<Result>,
): Result => runNow(db, operation(sqliteQueries(db)))
