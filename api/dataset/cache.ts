import type { Db } from '../../db/client'
import { DATA_VERSION_KEY, metaValue } from '../../db/meta'
import { rows, type Operation, type Queries, type Store } from '../../db/store'
import { ApiError } from '../lib/errors'
import { redFlagNames, type RedFlagNamer } from '../analyses/red-flags'
import { columnsOf, rubricFrameOf, type AnalyticsDataset } from './dataset'
import { readDataset } from './snapshot'

const MAX_CACHED_RESULTS = 256

/** What the analyses read beside the columns: small, read whole at each data version. */
export interface Lookups {
  rubricKeys: string[]
  /** Each requisition's owner (null: none) and rubric. */
  requisitions: Map<string, { owner: number | null; rubricKey: string }>
  redFlagNames: RedFlagNamer
}

function* lookupsOf(queries: Queries): Operation<Lookups> {
  const { db, tables } = queries
  const { requisitions, rubrics } = tables
  const rubricRows = yield* rows(db.select({ id: rubrics.id, key: rubrics.key }).from(rubrics))
  const keyOf = new Map(rubricRows.map((rubric) => [rubric.id, rubric.key]))
  const requisitionRows = yield* rows(
    db
      .select({
        id: requisitions.id,
        owner: requisitions.ownerUserId,
        rubricId: requisitions.rubricId,
      })
      .from(requisitions),
  )
  return {
    rubricKeys: rubricRows.map((rubric) => rubric.key),
    requisitions: new Map(
      requisitionRows.map((row) => [
        row.id,
        { owner: row.owner, rubricKey: keyOf.get(row.rubricId)! },
      ]),
    ),
    redFlagNames: yield* redFlagNames(queries),
  }
}

interface State {
  version: string
  lookups: Lookups
  /** By rubric key; null for no such rubric. */
  datasets: Map<string, AnalyticsDataset | null>
}

/**
 * The analytics dataset held in memory and the results computed from it, both keyed on the
 * data version that every write bumps: when nothing changed, a repeated request is a lookup.
 *
 * `prepare` brings it up to the current version before each request; the reports then read
 * it synchronously. On SQLite a rubric's columns come from its snapshot when first asked for;
 * on PostgreSQL every rubric's are read in `prepare`, with the version and lookups, in one
 * snapshot transaction.
 */
export class AnalyticsCache {
  private state: State | null = null
  private loading: { version: string; done: Promise<void> } | null = null
  private readonly results = new Map<string, unknown>()

  /** `sqlite`: the store's own connection when it is SQLite, for its snapshots. */
  constructor(
    private readonly store: Store,
    private readonly sqlite: Db | null,
  ) {}

  /** Reads what changed since the last request, if anything did. */
  async prepare(): Promise<void> {
    const version = await this.store.run((queries) => currentVersion(queries))
    if (this.state?.version === version) return
    if (this.loading?.version !== version) {
      const done = this.load().finally(() => {
        if (this.loading?.done === done) this.loading = null
      })
      this.loading = { version, done }
    }
    await this.loading.done
  }

  private async load(): Promise<void> {
    const everyRubric = this.sqlite === null
    const state = await this.store.transaction(
      function* (queries): Operation<State> {
        const version = yield* currentVersion(queries)
        const lookups = yield* lookupsOf(queries)
        const datasets = new Map<string, AnalyticsDataset | null>()
        if (everyRubric) {
          for (const key of lookups.rubricKeys) {
            const frame = (yield* rubricFrameOf(queries, key))!
            datasets.set(key, { ...frame, ...(yield* columnsOf(queries, frame)) })
          }
        }
        return { version, lookups, datasets }
      },
      { snapshot: true },
    )
    this.state = state
    this.results.clear()
  }

  private get current(): State {
    if (!this.state) throw new Error('The analytics cache is read before it is prepared')
    return this.state
  }

  get lookups(): Lookups {
    return this.current.lookups
  }

  /** The dataset of a rubric at the prepared data version; 404 for an unknown rubric. */
  datasetFor(rubricKey: string): AnalyticsDataset {
    const { datasets } = this.current
    let dataset = datasets.get(rubricKey)
    if (dataset === undefined && this.sqlite) {
      dataset = readDataset(this.sqlite, rubricKey)
      datasets.set(rubricKey, dataset)
    }
    if (!dataset) throw new ApiError(404, 'not_found', `There is no rubric "${rubricKey}"`)
    return dataset
  }

  /** A result for (what, parameters) at the prepared data version, computed once. */
  remember<Result>(what: string, parameters: unknown, compute: () => Result): Result {
    const key = `${what}|${JSON.stringify(parameters)}`
    if (this.results.has(key)) {
      const cached = this.results.get(key) as Result
      // Re-insert so the most recently used results are the last to be evicted.
      this.results.delete(key)
      this.results.set(key, cached)
      return cached
    }
    const result = compute()
    this.results.set(key, result)
    if (this.results.size > MAX_CACHED_RESULTS) {
      this.results.delete(this.results.keys().next().value!)
    }
    return result
  }
}

function* currentVersion(queries: Queries): Operation<string> {
  return (yield* metaValue(queries, DATA_VERSION_KEY)) ?? '0'
}
