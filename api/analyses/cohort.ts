import { retained12m, startedBy, type HireSpan } from '../analytics/retention'
import type { CompleteCase } from '../analytics/retention-model'
import {
  applicationAt,
  scoresAt,
  selectRows,
  textAt,
  type AnalyticsDataset,
} from '../dataset/dataset'
import type { AnalyticsFilters } from './filters'

/** A hire that had started by the as-of date, its row in the dataset, and how it went. */
export interface CohortHire {
  row: number
  hire: HireSpan
  outcome: 0 | 1 | null
}

/**
 * The applications an answer is about: the dataset narrowed to the filters as known on
 * as_of, and the hires among them with their twelve-month outcome.
 */
export interface Cohort {
  filters: AnalyticsFilters
  asOf: string
  dataset: AnalyticsDataset
  /** Rows of the applications within the filters. */
  rows: Int32Array
  hires: CohortHire[]
  /** Twelve-month outcome by row: 1 stayed, 0 left, −1 not a hire with a known outcome. */
  outcomeOfRow: Int8Array
  /** 1 for a row that is a hire (see selectionAt), else 0. */
  hireOfRow: Uint8Array
}

/**
 * What became of an application by as_of, with one meaning of "hire" for every report: a hire
 * is an application decided `hired` whose start date is on or before as_of. Pending, and hired
 * but not started by as_of, are not yet either (null); every other decision is 'not hired'.
 */
export type Selection = 'hired' | 'not hired' | null

export function selectionAt(cohort: Pick<Cohort, 'dataset' | 'hireOfRow'>, row: number): Selection {
  if (cohort.hireOfRow[row] === 1) return 'hired'
  const decision = textAt(cohort.dataset.text.decision, row)
  return decision === 'pending' || decision === 'hired' ? null : 'not hired'
}

/** Only what was known on as_of counts: applications made after it did not exist yet. */
export function buildCohort(
  dataset: AnalyticsDataset,
  filters: AnalyticsFilters,
  asOf: string,
): Cohort {
  const rows = selectRows(dataset, {
    ...filters,
    to: filters.to && filters.to < asOf ? filters.to : asOf,
  })
  const hires: CohortHire[] = []
  const outcomeOfRow = new Int8Array(dataset.size).fill(-1)
  const hireOfRow = new Uint8Array(dataset.size)
  for (const row of rows) {
    if (textAt(dataset.text.decision, row) !== 'hired') continue
    const startDate = textAt(dataset.text.startDate, row)
    if (startDate === null) continue
    const hire = { startDate, endDate: textAt(dataset.text.endDate, row) }
    if (!startedBy(hire, asOf)) continue
    const outcome = retained12m(hire, asOf)
    hires.push({ row, hire, outcome })
    hireOfRow[row] = 1
    if (outcome !== null) outcomeOfRow[row] = outcome
  }
  return { filters, asOf, dataset, rows, hires, outcomeOfRow, hireOfRow }
}

/** Hires with a known outcome and a score in every area, with the row of each. */
export function modelCases(cohort: Cohort): { cases: CompleteCase[]; rows: number[] } {
  const cases: CompleteCase[] = []
  const rows: number[] = []
  for (const { row, outcome } of cohort.hires) {
    if (outcome === null) continue
    const scores = scoresAt(cohort.dataset, row).filter((score) => score !== null)
    if (scores.length !== cohort.dataset.areas.length) continue
    cases.push({ scores, outcome })
    rows.push(row)
  }
  return { cases, rows }
}

/** The cohort's applications that pass a test, as objects: a few thousand, not all. */
export function applicationsWhere(cohort: Cohort, keep: (row: number) => boolean) {
  return Array.from(cohort.rows)
    .filter(keep)
    .map((row) => applicationAt(cohort.dataset, row))
}
