import { join } from 'node:path'
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import type { Db } from './client'
import * as sqliteTables from './schema'
import * as pgTables from './schema-pg'

/**
 * The tables as queries name them. Both dialects' tables have the same columns, types and
 * keys (the schema-dialects test compares them), so a query is written once against these
 * types and runs on the store's own tables.
 */
export type Tables = typeof sqliteTables

export interface TransactionOptions {
  /**
   * Runs one at a time with every other exclusive transaction, from this instance or another,
   * and sees what the one before it wrote: for a read that decides a write (the sign-in
   * throttle, the last enabled admin).
   */
  exclusive?: boolean
  /**
   * Reads only, all from one moment's data whatever commits meanwhile (PostgreSQL's
   * REPEATABLE READ; a SQLite read transaction already is one): for a read of many queries
   * that must agree with each other, such as the analytics columns.
   */
  snapshot?: boolean
}

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

/**
 * The database as the application reads and writes it, whichever of SQLite or PostgreSQL
 * holds it.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  /** Runs the operation's queries one after another, each on its own. */
  run<Result>(operation: (queries: Queries) => Operation<Result>): Promise<Result>
  /** Runs the operation in one transaction: what it writes lands together or not at all. */
  transaction<Result>(
    operation: (queries: Queries) => Operation<Result>,
    options?: TransactionOptions,
  ): Promise<Result>
}

/** What a step answers on SQLite's synchronous builder and connection. */
function sqliteAnswer(db: Db, step: Step): unknown {
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
function runNow<Result>(db: Db, operation: Operation<Result>): Result {
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

/** Cursors are named in order on their connection. */
let cursorsOpened = 0

/** What a step answers on PostgreSQL; a cursor needs the transaction's connection. */
async function postgresAnswer(client: pg.PoolClient | null, step: Step): Promise<unknown> {
  if (step.kind === 'rows' || step.kind === 'write') return step.query
  if (!client) throw new Error('A cursor is read inside a transaction on PostgreSQL')
  switch (step.kind) {
    case 'open': {
      const { sql: text, params } = step.query.toSQL()
      const name = `loopscope_cursor_${++cursorsOpened}`
      await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${text}`, params)
      return name
    }
    case 'fetch': {
      const answer = await client.query({
        text: `FETCH ${step.count} FROM ${step.cursor as string}`,
        rowMode: 'array',
      })
      return answer.rows
    }
    case 'close':
      await client.query(`CLOSE ${step.cursor as string}`)
      return undefined
  }
}

/** Runs an operation's queries one after another, awaiting each. */
async function runAwaiting<Result>(
  operation: Operation<Result>,
  client: pg.PoolClient | null,
): Promise<Result> {
  let step = operation.next()
  while (!step.done) {
    let answer: unknown
    try {
      answer = await postgresAnswer(client, step.value)
    } catch (error) {
      step = operation.throw(error)
      continue
    }
    step = operation.next(answer)
  }
  return step.value
}

/**
 * A store on a SQLite connection. Operations run synchronously, as the rest of the server's
 * SQLite work does: nothing else runs on the connection in the middle of one, so a
 * transaction never takes in another request's writes. An exclusive transaction takes the
 * write lock at its start (BEGIN IMMEDIATE).
 */
export function sqliteStore(db: Db): Store {
  const queries = sqliteQueries(db)
  return {
    dialect: 'sqlite',
    run: (operation) => settled(() => runNow(db, operation(queries))),
    transaction: (operation, options = {}) =>
      settled(() => {
        const transaction = db.$client.transaction(() => runNow(db, operation(queries)))
        return options.exclusive ? transaction.immediate() : transaction()
      }),
  }
}

const sqliteQueries = (db: Db): Queries => ({ dialect: 'sqlite', db, tables: sqliteTables })

/**
 * Runs an operation on a SQLite connection now, for synchronous SQLite code (an import, a
 * snapshot): inside a transaction of that code when called in one.
 */
export const runOnSqlite = <Result>(
  db: Db,
  operation: (queries: Queries) => Operation<Result>,
): Result => runNow(db, operation(sqliteQueries(db)))

/** The work's result, done now; a failure is a rejection, as on PostgreSQL. */
function settled<Result>(work: () => Result): Promise<Result> {
  return new Promise((resolve) => {
    resolve(work())
  })
}

const PG_MIGRATIONS = join(import.meta.dirname, 'migrations-pg')

/** The advisory lock exclusive transactions take (any constant; this one spells "lsxt"). */
const EXCLUSIVE_LOCK = 0x6c737874

type PgDb = NodePgDatabase<typeof pgTables>

/** PostgreSQL's builder behind SQLite's builder's types: see Queries.db. */
const queriesOf = (db: PgDb): Queries => ({
  dialect: 'postgres',
  db: db as unknown as Db,
  tables: pgTables as unknown as Tables,
})

/**
 * A store on a PostgreSQL pool: each operation's queries are awaited in turn; a transaction
 * holds one of the pool's connections. An exclusive transaction takes one advisory lock, so
 * exclusive transactions run one at a time whichever instance began them.
 */
function pgStore(pool: pg.Pool): Store {
  const db = drizzlePg(pool, { schema: pgTables })
  return {
    dialect: 'postgres',
    run: (operation) => runAwaiting(operation(queriesOf(db)), null),
    transaction: async (operation, options = {}) => {
      const client = await pool.connect()
      try {
        await client.query(
          options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN',
        )
        if (options.exclusive)
          await client.query('SELECT pg_advisory_xact_lock($1)', [EXCLUSIVE_LOCK])
        const result = await runAwaiting(
          operation(queriesOf(drizzlePg(client, { schema: pgTables }))),
          client,
        )
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
          client.release()
        } catch (lost) {
          // The connection is broken: the pool closes it rather than lend it again.
          client.release(lost as Error)
        }
        throw error
      }
    },
  }
}

export interface PostgresStore {
  store: Store
  /** Closes the pool's connections. */
  close: () => Promise<void>
}

/** The session advisory lock migrations run under (any constant; this one spells "lsmg"). */
const MIGRATION_LOCK = 0x6c736d67

/**
 * A store on a PostgreSQL database, its migrations applied; `max` connections at most.
 * Instances starting at once migrate one after the other: the later ones find nothing to do.
 */
export async function openPostgresStore(url: string, { max = 10 } = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max })
  // An idle connection the server ended (a restart, a network cut) is reported here; without
  // a listener it would stop the process. The pool opens a new one when next needed.
  pool.on('error', (error) => {
    console.error(`A PostgreSQL connection was lost: ${error.message}`)
  })
  try {
    const client = await pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      await migratePg(drizzlePg(client), { migrationsFolder: PG_MIGRATIONS })
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      client.release()
    }
    return { store: pgStore(pool), close: () => pool.end() }
  } catch (error) {
    await pool.end()
    throw error
  }
}
