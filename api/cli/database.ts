import { openDatabase, type Db } from '../../db/client'
import { openPostgresStore, sqliteStore, type Store } from '../../db/store'
import type { Env } from '../env'

/** The database a command-line tool works on, as the server would: SQLite or PostgreSQL. */
export interface ToolDatabase {
  store: Store
  /** The SQLite connection; null on PostgreSQL. */
  db: Db | null
  /** Where imports write: the SQLite connection, or PostgreSQL's address. */
  into: Db | { postgres: string }
  /** How the tool names it to its user. */
  name: string
  close: () => Promise<void>
}

/** Opens DATABASE_URL's PostgreSQL database when set, else the SQLite file at DATABASE_PATH. */
export async function openToolDatabase(env: Env): Promise<ToolDatabase> {
  const url = env.DATABASE_URL
  if (url !== undefined) {
    const postgres = await openPostgresStore(url, { max: 2 })
    return {
      store: postgres.store,
      db: null,
      into: { postgres: url },
      name: 'the PostgreSQL database of DATABASE_URL',
      close: postgres.close,
    }
  }
  const db = openDatabase(env.DATABASE_PATH)
  return {
    store: sqliteStore(db),
    db,
    into: db,
    name: env.DATABASE_PATH,
    close: () => {
      db.$client.close()
      return Promise.resolve()
    },
  }
}
