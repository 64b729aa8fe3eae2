import { workerData } from 'node:worker_threads'
import { openDatabase, type Db } from '../../db/client'
import { openPostgresStore, sqliteStore, type Store } from '../../db/store'
import { Analyses } from './analyses'
import {
  outcomeOf,
  type AnalysisOutcome,
  type AnalysisTask,
  type DatabaseLocation,
} from './service'

/** This thread's store and caches, one per database, kept between tasks. */
const instances = new Map<string, Promise<{ analyses: Analyses; today: { value: string } }>>()
const { disclosureControl } = workerData as { disclosureControl: boolean }

/** Connections a worker thread keeps open to PostgreSQL: it computes one report at a time. */
const POSTGRES_CONNECTIONS = 2

async function openStore(database: DatabaseLocation): Promise<{ store: Store; sqlite: Db | null }> {
  if ('postgres' in database) {
    return {
      store: (await openPostgresStore(database.postgres, { max: POSTGRES_CONNECTIONS })).store,
      sqlite: null,
    }
  }
  // Requests never wait on another connection's lock: busy answers 503, as on the server's.
  const sqlite = openDatabase(database.sqlite, { busyTimeoutMs: 0 })
  return { store: sqliteStore(sqlite), sqlite }
}

/** Computes one report in this worker thread, on its own connection to the database. */
export async function runAnalysisTask(task: AnalysisTask): Promise<AnalysisOutcome> {
  const key = JSON.stringify(task.database)
  let opening = instances.get(key)
  if (!opening) {
    const today = { value: task.today }
    opening = openStore(task.database).then(({ store, sqlite }) => ({
      analyses: new Analyses(store, sqlite, () => today.value, disclosureControl),
      today,
    }))
    instances.set(key, opening)
    opening.catch(() => instances.delete(key))
  }
  const instance = await opening
  instance.today.value = task.today
  return outcomeOf(instance.analyses, task)
}
