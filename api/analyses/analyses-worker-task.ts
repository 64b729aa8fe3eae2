import { workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/client'
import { Analyses } from './analyses'
import { outcomeOf, type AnalysisOutcome, type AnalysisTask } from './service'

/** This thread's connection and caches, one per database file, kept between tasks. */
const instances = new Map<string, { analyses: Analyses; today: { value: string } }>()
const { disclosureControl } = workerData as { disclosureControl: boolean }

/** Computes one report in this worker thread, on its own connection to the file. */
export function runAnalysisTask(task: AnalysisTask): AnalysisOutcome {
  let instance = instances.get(task.databasePath)
  if (!instance) {
    // Requests never wait on another connection's lock: busy answers 503, as on the server's.
    const db = openDatabase(task.databasePath, { busyTimeoutMs: 0 })
    const today = { value: task.today }
    instance = { analyses: new Analyses(db, () => today.value, disclosureControl), today }
    instances.set(task.databasePath, instance)
  }
  instance.today.value = task.today
  return outcomeOf(instance.analyses, task)
}
