import { join } from 'node:path'
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { openReader, type Db } from './client'
import * as pgTables from './schema-pg'
import {
  runNow,
  sqliteAnswer,
  sqliteQueries,
  type CompiledQuery,
  type Operation,
  type Queries,
  type Step,
  type Tables,
} from './operation'
import { referenceData } from './seed/reference-data'

// Operations are written against db/operation.ts; the store runs them.
export * from './operation'

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
  /**
   * Reads from one moment's data, on a connection of its own, for as long as `work` takes:
   * for a long read that waits on something else between batches (an export written to a
   * slow client), which an operation cannot.
   */
  read<Result>(work: (reader: SnapshotReader) => Promise<Result>): Promise<Result>
}

/** What `Store.read` lends: the queries to build, and their rows a batch at a time. */
export interface SnapshotReader {
  queries: Queries
  /** The select's rows as arrays of driver values (see eachBatch), `size` at a time. */
  batches(query: CompiledQuery, size: number): AsyncGenerator<unknown[][]>
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
    read: async (work) => {
      const reader = openReader(db)
      reader.$client.exec('BEGIN')
      try {
        return await work({
          queries: sqliteQueries(reader),
          // eslint-disable-next-line @typescript-eslint/require-await -- an async generator by contract
          batches: async function* (query, size) {
            const cursor = sqliteAnswer(reader, { kind: 'open', query })
            try {
              for (;;) {
                const rows = sqliteAnswer(reader, { kind: 'fetch', cursor, count: size })
                if ((rows as unknown[][]).length === 0) return
                yield rows as unknown[][]
              }
            } finally {
              sqliteAnswer(reader, { kind: 'close', cursor })
            }
          },
        })
      } finally {
        reader.$client.exec('COMMIT')
        if (reader !== db) reader.$client.close()
      }
    },
  }
}

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
    read: async (work) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
        const result = await work({
          queries: queriesOf(drizzlePg(client, { schema: pgTables })),
          batches: async function* (query, size) {
            const cursor = await postgresAnswer(client, { kind: 'open', query })
            try {
              for (;;) {
                const rows = (await postgresAnswer(client, {
                  kind: 'fetch',
                  cursor,
                  count: size,
                })) as unknown[][]
                if (rows.length === 0) return
                yield rows
              }
            } finally {
              await postgresAnswer(client, { kind: 'close', cursor })
            }
          },
        })
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        client.release(error as Error)
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
    const store = pgStore(pool)
    await store.transaction(referenceData, { exclusive: true })
    return { store, close: () => pool.end() }
  } catch (error) {
    await pool.end()
    throw error
  }
}
