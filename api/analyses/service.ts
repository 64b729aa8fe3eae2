import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type { Db } from '../../db/client'
import { DATA_VERSION_KEY, metaValue } from '../../db/meta'
import { sqliteStore, type Store } from '../../db/store'
import { ApiError } from '../lib/errors'
import { Analyses } from './analyses'
import type { Scope } from './scope'

/** The reports a request can ask for: each a method of Analyses taking (scope, query). */
export type Report =
  | 'validity'
  | 'model'
  | 'composite'
  | 'expectancy'
  | 'utility'
  | 'retention'
  | 'timeToHire'
  | 'salary'
  | 'interviewers'
  | 'redFlags'
  | 'backgrounds'
  | 'sources'
  | 'loopTime'
  | 'incrementalValidity'
  | 'panelSizing'
  | 'validityOverTime'
  | 'adverseImpact'
  | 'questions'
  | 'compare'
  | 'compareCandidates'

export type QueryOf<Name extends Report> = Parameters<Analyses[Name]>[1]
export type ResultOf<Name extends Report> = ReturnType<Analyses[Name]>

/** How each report is asked of an Analyses instance. */
const REPORTS: {
  [Name in Report]: (analyses: Analyses, scope: Scope, query: QueryOf<Name>) => ResultOf<Name>
} = {
  validity: (analyses, scope, query) => analyses.validity(scope, query),
  model: (analyses, scope, query) => analyses.model(scope, query),
  composite: (analyses, scope, query) => analyses.composite(scope, query),
  expectancy: (analyses, scope, query) => analyses.expectancy(scope, query),
  utility: (analyses, scope, query) => analyses.utility(scope, query),
  retention: (analyses, scope, query) => analyses.retention(scope, query),
  timeToHire: (analyses, scope, query) => analyses.timeToHire(scope, query),
  salary: (analyses, scope, query) => analyses.salary(scope, query),
  interviewers: (analyses, scope, query) => analyses.interviewers(scope, query),
  redFlags: (analyses, scope, query) => analyses.redFlags(scope, query),
  backgrounds: (analyses, scope, query) => analyses.backgrounds(scope, query),
  sources: (analyses, scope, query) => analyses.sources(scope, query),
  loopTime: (analyses, scope, query) => analyses.loopTime(scope, query),
  incrementalValidity: (analyses, scope, query) => analyses.incrementalValidity(scope, query),
  panelSizing: (analyses, scope, query) => analyses.panelSizing(scope, query),
  validityOverTime: (analyses, scope, query) => analyses.validityOverTime(scope, query),
  adverseImpact: (analyses, scope, query) => analyses.adverseImpact(scope, query),
  questions: (analyses, scope, query) => analyses.questions(scope, query),
  compare: (analyses, scope, query) => analyses.compare(scope, query),
  compareCandidates: (analyses, scope, query) => analyses.compareCandidates(scope, query),
}

function runReport<Name extends Report>(
  analyses: Analyses,
  report: Name,
  scope: Scope,
  query: QueryOf<Name>,
): ResultOf<Name> {
  return REPORTS[report](analyses, scope, query)
}

/** Where a worker thread opens its own store: a SQLite file, or a PostgreSQL database. */
export type DatabaseLocation = { sqlite: string } | { postgres: string }

/** One report to compute, as sent to a worker thread. */
export interface AnalysisTask {
  database: DatabaseLocation
  today: string
  report: Report | 'warm'
  scope: Scope | null
  query: unknown
}

/** What a worker sends back: the answer, or the API error it ended in. */
export type AnalysisOutcome =
  | { ok: true; value: unknown }
  | {
      ok: false
      error: {
        status: number
        code: string
        message: string
        details: unknown
        headers: Record<string, string>
      }
    }

/**
 * Runs one task on an Analyses instance, brought up to the current data version first,
 * turning an API error into a value that can travel.
 */
export async function outcomeOf(analyses: Analyses, task: AnalysisTask): Promise<AnalysisOutcome> {
  try {
    await analyses.prepare()
    if (task.report === 'warm') {
      analyses.warm()
      return { ok: true, value: null }
    }
    return {
      ok: true,
      value: await runReport(analyses, task.report, task.scope!, task.query as never),
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    const body = error.body().error
    return {
      ok: false,
      error: {
        status: error.status,
        code: body.code,
        message: body.message,
        details: body.details,
        headers: error.headers,
      },
    }
  }
}

/** The answer of an outcome, or the API error it ended in, thrown. */
function answerOf(outcome: AnalysisOutcome): unknown {
  if (outcome.ok) return outcome.value
  const { status, code, message, details, headers } = outcome.error
  throw new ApiError(status as 400, code as 'invalid_request', message, details, headers)
}

const MAX_CACHED_ANSWERS = 512
// Tasks waiting for a worker before further requests are told to come back.
const MAX_QUEUE = 64

export interface AnalysesServiceOptions {
  /** The SQLite connection, when the data is in SQLite. */
  db?: Db
  /** The data's store: by default one on `db`. */
  store?: Store
  /** The PostgreSQL database the store is on, where each worker thread connects. */
  postgresUrl?: string
  today: () => string
  disclosureControl?: boolean
  /** Worker threads for the computations; 0 computes on the calling thread. */
  workers?: number
}

/** Worker threads by default: every core but the one that answers requests. */
export const DEFAULT_ANALYTICS_WORKERS = Math.max(1, availableParallelism() - 1)

/**
 * Every analytics report, off the request thread: a cold computation runs in a worker thread
 * (each with its own connection, dataset and caches), so the event loop only routes and
 * answers; an answer already given at the current data version comes from memory. A database
 * in memory cannot be shared with a worker: it is computed on the calling thread.
 */
export class AnalysesService {
  private readonly inline: Analyses | null
  private readonly pool: Piscina<AnalysisTask, AnalysisOutcome> | null
  private readonly answers = new Map<string, AnalysisOutcome>()
  private readonly store: Store
  private readonly location: DatabaseLocation | null

  constructor(private readonly options: AnalysesServiceOptions) {
    const workers = options.workers ?? DEFAULT_ANALYTICS_WORKERS
    const { db, postgresUrl } = options
    if (!options.store && !db) throw new Error('The analyses need a store or a SQLite connection')
    this.store = options.store ?? sqliteStore(db!)
    // A database in memory cannot be shared with a worker thread.
    this.location =
      postgresUrl !== undefined
        ? { postgres: postgresUrl }
        : db && !db.$client.memory
          ? { sqlite: db.$client.name }
          : null
    this.inline =
      this.location === null || workers === 0
        ? new Analyses(this.store, db ?? null, options.today, options.disclosureControl ?? true)
        : null
    this.pool =
      this.inline === null
        ? new Piscina<AnalysisTask, AnalysisOutcome>({
            filename: new URL('./analyses-worker.js', import.meta.url).href,
            minThreads: workers,
            maxThreads: workers,
            maxQueue: MAX_QUEUE,
            workerData: { disclosureControl: options.disclosureControl ?? true },
          })
        : null
    this.ready = this.pool
      ? this.dispatch('warm', null, null).then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve()
  }

  /**
   * Settles once the worker has read every rubric's dataset at start-up (the server does not
   * wait for it: a request meanwhile queues behind it).
   */
  readonly ready: Promise<void>

  /** Tasks the worker threads have finished (0 when computing inline). */
  get completedInWorkers(): number {
    return this.pool?.completed ?? 0
  }

  today(): string {
    return this.options.today()
  }

  async run<Name extends Report>(
    report: Name,
    scope: Scope,
    query: QueryOf<Name>,
  ): Promise<Awaited<ResultOf<Name>>> {
    if (this.inline) {
      await this.inline.prepare()
      return await runReport(this.inline, report, scope, query)
    }
    // Answers differ by data version, by day (the default as_of) and by whose rows are known.
    const version = await this.store.run((queries) => metaValue(queries, DATA_VERSION_KEY))
    const key = JSON.stringify([
      version ?? '0',
      this.options.today(),
      report,
      scope.owner,
      scope.restricted,
      query,
    ])
    let outcome = this.answers.get(key)
    if (outcome) {
      this.answers.delete(key)
    } else {
      outcome = await this.dispatch(report, scope, query)
    }
    // A refusal (400, 403, 404) is as much an answer as a figure, and comes from the same
    // inputs: kept too, so a withheld box does not queue for a worker at every request. A
    // failure of the moment (5xx) is asked again.
    if (outcome.ok || outcome.error.status < 500) {
      this.answers.set(key, outcome)
      if (this.answers.size > MAX_CACHED_ANSWERS)
        this.answers.delete(this.answers.keys().next().value!)
    }
    return answerOf(outcome) as Awaited<ResultOf<Name>>
  }

  private async dispatch(
    report: Report | 'warm',
    scope: Scope | null,
    query: unknown,
  ): Promise<AnalysisOutcome> {
    try {
      return await this.pool!.run({
        database: this.location!,
        today: this.options.today(),
        report,
        scope,
        query,
      })
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) {
        throw new ApiError(503, 'busy', 'The analytics are busy: try again in a moment', null, {
          'Retry-After': '2',
        })
      }
      throw error
    }
  }

  /** Stops the worker threads (the server calls this as it stops). */
  async close(): Promise<void> {
    await this.pool?.destroy()
  }
}
