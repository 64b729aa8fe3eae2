import type { Db } from '../../db/client'
import { DATA_VERSION_KEY, readMeta } from '../../db/meta'
import { ApiError } from '../lib/errors'
import type { AnalyticsDataset } from './dataset'
import { readDataset } from './snapshot'

const MAX_CACHED_RESULTS = 256

/**
 * The analytics dataset held in memory and the results computed from it, both keyed on the
 * data version that every write bumps: when nothing changed, a repeated request is a lookup.
 */
export class AnalyticsCache {
  private dataset: { key: string; value: AnalyticsDataset | null } | null = null
  private readonly results = new Map<string, unknown>()
  private resultsVersion = ''

  constructor(private readonly db: Db) {}

  private version(): string {
    return readMeta(this.db, DATA_VERSION_KEY) ?? '0'
  }

  /** The dataset of a rubric at the current data version; 404 for an unknown rubric. */
  datasetFor(rubricKey: string): AnalyticsDataset {
    const key = `${rubricKey}@${this.version()}`
    if (this.dataset?.key !== key) this.dataset = { key, value: readDataset(this.db, rubricKey) }
    const dataset = this.dataset.value
    if (!dataset) throw new ApiError(404, 'not_found', `There is no rubric "${rubricKey}"`)
    return dataset
  }

  /** A result for (what, parameters) at the current data version, computed once. */
  remember<Result>(what: string, parameters: unknown, compute: () => Result): Result {
    const version = this.version()
    if (version !== this.resultsVersion) {
      this.results.clear()
      this.resultsVersion = version
    }
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
