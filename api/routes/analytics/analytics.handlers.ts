import type { Context } from 'hono'
import { and, eq, ne, sql } from 'drizzle-orm'
import { LEVELS, type Level } from '../../../db/domain'
import { applications, requisitions, scores } from '../../../db/schema'
import { adverseImpact as adverseImpactOf, FOUR_FIFTHS } from '../../analytics/adverse-impact'
import {
  countApplication,
  emptyCounts,
  groupRates,
  type GroupCounts,
} from '../../analytics/group-rates'
import { interviewerCalibration } from '../../analytics/interviewer-calibration'
import { retentionCurves } from '../../analytics/retention-curves'
import { retained12m, startedBy, type HireSpan } from '../../analytics/retention'
import {
  compositeValidity,
  suggestedComposite,
  type CompleteCase,
} from '../../analytics/retention-model'
import { salaryReport, type SalaryBand } from '../../analytics/salary'
import { timeToHireReport } from '../../analytics/time-to-hire'
import { validityReport } from '../../analytics/validity'
import { MIN_HIRES_FOR_MANAGERS, ownRequisitionsOf } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import type * as routes from './analytics.routes'
import type { AnalyticsFilters } from './analytics.schemas'
import {
  applicationAt,
  loadRatings,
  scoresAt,
  selectRows,
  textAt,
  type AnalyticsDataset,
} from '../../dataset/dataset'

/** A hire that had started by the as-of date, its row in the dataset, and how it went. */
interface HireRow {
  row: number
  hire: HireSpan
  outcome: 0 | 1 | null
}

interface Analysis {
  filters: AnalyticsFilters
  asOf: string
  dataset: AnalyticsDataset
  /** Rows of the applications within the filters. */
  rows: Int32Array
  hires: HireRow[]
  /** Twelve-month outcome by row: 1 stayed, 0 left, −1 not a hire with a known outcome. */
  outcomeOfRow: Int8Array
  context: {
    as_of: string
    rubric: { key: string; name: string }
    filters: {
      level: NonNullable<AnalyticsFilters['level']> | null
      requisition_id: string | null
      hire_type: NonNullable<AnalyticsFilters['hire_type']> | null
      from: string | null
      to: string | null
    }
  }
}

/** The dataset narrowed to the filters; 404 for an unknown rubric or requisition. */
function analyse(c: Context<AppBindings>, filters: AnalyticsFilters, asOf: string): Analysis {
  const dataset = c.var.analytics.datasetFor(filters.rubric)
  if (filters.requisition_id !== undefined) {
    const found = c.var.db
      .select({ id: requisitions.id })
      .from(requisitions)
      .where(eq(requisitions.id, filters.requisition_id))
      .get()
    if (!found) {
      throw new ApiError(404, 'not_found', `There is no requisition "${filters.requisition_id}"`)
    }
  }
  // Only what was known on as_of: applications made after it did not exist yet.
  const rows = selectRows(dataset, {
    ...filters,
    to: filters.to && filters.to < asOf ? filters.to : asOf,
  })
  const hires: HireRow[] = []
  const outcomeOfRow = new Int8Array(dataset.size).fill(-1)
  for (const row of rows) {
    if (textAt(dataset.text.decision, row) !== 'hired') continue
    const startDate = textAt(dataset.text.startDate, row)
    if (startDate === null) continue
    const hire = { startDate, endDate: textAt(dataset.text.endDate, row) }
    if (!startedBy(hire, asOf)) continue
    const outcome = retained12m(hire, asOf)
    hires.push({ row, hire, outcome })
    if (outcome !== null) outcomeOfRow[row] = outcome
  }
  return {
    filters,
    asOf,
    dataset,
    rows,
    hires,
    outcomeOfRow,
    context: {
      as_of: asOf,
      rubric: { key: dataset.rubric.key, name: dataset.rubric.name },
      filters: {
        level: filters.level ?? null,
        requisition_id: filters.requisition_id ?? null,
        hire_type: filters.hire_type ?? null,
        from: filters.from ?? null,
        to: filters.to ?? null,
      },
    },
  }
}

/**
 * Runs an analysis once per (endpoint, filters, as_of) and data version: a repeated request
 * while nothing changed is answered from memory. A hiring manager gets another manager's
 * requisition as unknown, and organisation-wide figures only over enough hires.
 */
function cached<Result>(
  c: Context<AppBindings>,
  endpoint: string,
  filters: AnalyticsFilters,
  compute: (analysis: Analysis) => Result,
): Result {
  const asOf = filters.as_of ?? c.var.today()
  const owner = ownRequisitionsOf(c)
  if (owner !== null && filters.requisition_id !== undefined) {
    const own = c.var.db
      .select({ id: requisitions.id })
      .from(requisitions)
      .where(and(eq(requisitions.id, filters.requisition_id), eq(requisitions.ownerUserId, owner)))
      .get()
    if (!own) {
      throw new ApiError(404, 'not_found', `There is no requisition "${filters.requisition_id}"`)
    }
  }
  const { result, hires } = c.var.analytics.remember(endpoint, { ...filters, as_of: asOf }, () => {
    const analysis = analyse(c, filters, asOf)
    return { result: compute(analysis), hires: analysis.hires.length }
  })
  if (owner !== null && filters.requisition_id === undefined && hires < MIN_HIRES_FOR_MANAGERS) {
    throw new ApiError(
      403,
      'forbidden',
      `Organisation-wide figures are shown to hiring managers over at least ${MIN_HIRES_FOR_MANAGERS} hires; this filter has ${hires}. Widen the filter to take in more hires.`,
    )
  }
  return result
}

const validityOf = (c: Context<AppBindings>, filters: AnalyticsFilters) =>
  cached(c, 'validity', filters, (analysis) => {
    const { dataset, rows } = analysis
    const pools = dataset.areaScores.map((column) => {
      const pool: number[] = []
      for (const row of rows) {
        const score = column[row]!
        if (!Number.isNaN(score)) pool.push(score)
      }
      return pool
    })
    const hires = analysis.hires.map(({ row, outcome }) => ({
      areaScores: scoresAt(dataset, row),
      outcome,
    }))
    return {
      ...analysis.context,
      ...validityReport(dataset.areas, { applications: rows.length, pools, hires }, analysis.asOf),
    }
  })

export const validity: AppRouteHandler<typeof routes.validity> = (c) =>
  c.json(validityOf(c, c.req.valid('query')), 200)

/** Hires with a known outcome and a score in every area, with the row of each. */
function modelCases(analysis: Analysis): { cases: CompleteCase[]; rows: number[] } {
  const cases: CompleteCase[] = []
  const rows: number[] = []
  for (const { row, outcome } of analysis.hires) {
    if (outcome === null) continue
    const scores = scoresAt(analysis.dataset, row).filter((score) => score !== null)
    if (scores.length !== analysis.dataset.areas.length) continue
    cases.push({ scores, outcome })
    rows.push(row)
  }
  return { cases, rows }
}

/**
 * The multivariable model over every hire of the rubric as of today, from the same cache as
 * the model endpoint; a hiring manager gets it only over enough hires (403 otherwise).
 */
export const organisationModel = (c: Context<AppBindings>, rubric: string) =>
  validityOf(c, { outcome: 'retained_12m', rubric })

// The validity report fits the model of all areas too: one fit serves both endpoints.
export const model: AppRouteHandler<typeof routes.model> = (c) => {
  const { model: fitted, as_of, rubric, filters } = validityOf(c, c.req.valid('query'))
  return c.json({ as_of, rubric, filters, model: fitted }, 200)
}

const byArea = (areas: AnalyticsDataset['areas'], weights: readonly number[]) =>
  Object.fromEntries(areas.map((area, k) => [area.key, weights[k]!]))

/** "ownership:0.2,judgment:0.8" as weights aligned with the rubric's areas, summing to 1. */
function parseWeights(text: string, areas: AnalyticsDataset['areas']): number[] {
  const fail = (message: string): never => {
    throw new ApiError(400, 'invalid_request', `Invalid query: weights ${message}`, [
      { field: 'weights', message },
    ])
  }
  const weights = areas.map(() => 0)
  for (const pair of text.split(',')) {
    const parts = pair.split(':').map((part) => part.trim())
    if (parts.length !== 2) fail(`must be area:weight pairs (got "${pair.slice(0, 40)}")`)
    const [key = '', value = ''] = parts
    const index = areas.findIndex((area) => area.key === key)
    if (index === -1) {
      fail(`names "${key.slice(0, 40)}", not an area (${areas.map((area) => area.key).join(', ')})`)
    }
    const weight = Number(value)
    if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(weight)) {
      fail(`must give each area a number ≥ 0, as area:weight (got "${pair.slice(0, 40)}")`)
    }
    weights[index] = weight
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (!(total > 0)) fail('must give at least one area a weight above 0')
  return weights.map((weight) => weight / total)
}

export const composite: AppRouteHandler<typeof routes.composite> = (c) => {
  const { weights: proposedText, ...filters } = c.req.valid('query')
  return c.json(
    cached(c, `composite:${proposedText ?? ''}`, filters, (analysis) => {
      const areas = analysis.dataset.areas
      const proposed = proposedText === undefined ? null : parseWeights(proposedText, areas)
      const { cases, rows } = modelCases(analysis)
      const levelWeights = (level: Level) => areas.map((area) => area.weights[level] ?? 0)
      const model = validityOf(c, filters).model
      const suggested = suggestedComposite(model, cases)
      return {
        ...analysis.context,
        n: cases.length,
        current: {
          weights_by_level: Object.fromEntries(
            LEVELS.map((level) => [level, byArea(areas, levelWeights(level))]),
          ),
          validity: compositeValidity(cases, (i) =>
            levelWeights(textAt(analysis.dataset.text.level, rows[i]!) as Level),
          ),
        },
        suggested: {
          weights: suggested.weights ? byArea(areas, suggested.weights) : null,
          message: suggested.message,
          validity: suggested.validity,
        },
        proposed: proposed
          ? { weights: byArea(areas, proposed), validity: compositeValidity(cases, () => proposed) }
          : null,
      }
    }),
    200,
  )
}

/** The newest benchmark of a metric that applies to every level and metro. */
function generalBenchmark(dataset: AnalyticsDataset, metric: string) {
  const figure = dataset.benchmarks
    .filter((benchmark) => benchmark.metric === metric && !benchmark.level && !benchmark.metro)
    .sort((a, b) => (a.sourceDate < b.sourceDate ? 1 : -1))[0]
  return figure
    ? {
        value: figure.value,
        low: figure.low,
        high: figure.high,
        unit: figure.unit,
        source: figure.source,
        source_date: figure.sourceDate,
      }
    : null
}

export const retention: AppRouteHandler<typeof routes.retention> = (c) =>
  c.json(
    cached(c, 'retention', c.req.valid('query'), (analysis) => ({
      ...analysis.context,
      ...retentionCurves(
        analysis.dataset.areas,
        analysis.hires.map(({ row, hire }) => ({
          decision: 'hired',
          ...hire,
          areaScores: scoresAt(analysis.dataset, row),
        })),
        analysis.asOf,
      ),
      benchmark: generalBenchmark(analysis.dataset, 'retention_12m'),
    })),
    200,
  )

export const timeToHire: AppRouteHandler<typeof routes.timeToHire> = (c) =>
  c.json(
    cached(c, 'time-to-hire', c.req.valid('query'), (analysis) => {
      const benchmark = generalBenchmark(analysis.dataset, 'time_to_hire_days')
      return {
        ...analysis.context,
        benchmark,
        ...timeToHireReport(
          applicationsWhere(analysis, 'offerAcceptedAt'),
          analysis.asOf,
          benchmark?.value ?? null,
          LEVELS,
        ),
      }
    }),
    200,
  )

/** The salary benchmark bands of the dataset, as the salary analyses take them. */
export const salaryBandsOf = (dataset: AnalyticsDataset): SalaryBand[] =>
  dataset.benchmarks
    .filter((benchmark) => benchmark.metric === 'salary')
    .map((benchmark) => ({
      id: benchmark.id,
      level: benchmark.level,
      metro: benchmark.metro,
      low: benchmark.low,
      high: benchmark.high,
      value: benchmark.value,
      source: benchmark.source,
      source_date: benchmark.sourceDate,
    }))

export const salary: AppRouteHandler<typeof routes.salary> = (c) => {
  const report = cached(c, 'salary', c.req.valid('query'), (analysis) => {
    const bands = salaryBandsOf(analysis.dataset)
    return {
      ...analysis.context,
      bands,
      ...salaryReport(applicationsWithSalary(analysis), bands, analysis.asOf, LEVELS),
    }
  })
  const owner = ownRequisitionsOf(c)
  if (owner === null) return c.json(report, 200)
  // Per-hire rows only of the manager's own requisitions; the aggregates stay whole.
  const own = new Set(
    c.var.db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(requisitions, eq(requisitions.id, applications.requisitionId))
      .where(eq(requisitions.ownerUserId, owner))
      .all()
      .map((row) => row.id),
  )
  return c.json(
    { ...report, hires: report.hires.filter((hire) => own.has(hire.application_id)) },
    200,
  )
}

/** The applications with a value in a text column, as objects: a few thousand, not all. */
function applicationsWhere(analysis: Analysis, field: 'offerAcceptedAt') {
  const column = analysis.dataset.text[field]
  return Array.from(analysis.rows)
    .filter((row) => column.codes[row] !== -1)
    .map((row) => applicationAt(analysis.dataset, row))
}

/** Offers with a salary, except those accepted after as_of (not yet known to be accepted). */
function applicationsWithSalary(analysis: Analysis) {
  return Array.from(analysis.rows)
    .filter((row) => !Number.isNaN(analysis.dataset.offerSalary[row]))
    .map((row) => applicationAt(analysis.dataset, row))
    .filter((application) => (application.offerAcceptedAt ?? '') <= analysis.asOf)
}

const outcomesOf = (analysis: Analysis) =>
  new Map(
    analysis.hires.flatMap(({ row, outcome }) =>
      outcome === null ? [] : [[textAt(analysis.dataset.text.id, row)!, outcome] as const],
    ),
  )

export const interviewers: AppRouteHandler<typeof routes.interviewers> = (c) =>
  c.json(
    cached(c, 'interviewers', c.req.valid('query'), (analysis) => {
      const selected = new Set(
        Array.from(analysis.rows, (row) => textAt(analysis.dataset.text.id, row)!),
      )
      const rows = loadRatings(c.var.db, analysis.dataset, selected)
      const report = interviewerCalibration(
        rows,
        outcomesOf(analysis),
        analysis.dataset.areas.map((area) => area.key),
      )
      return {
        ...analysis.context,
        interviewers: report.interviewers,
        areas: report.areas.map((area, k) => ({ ...area, name: analysis.dataset.areas[k]!.name })),
      }
    }),
    200,
  )

/** Hire and retention rates of the applications in each group a key function puts them in. */
function ratesBy(analysis: Analysis, groupsOf: (row: number) => Iterable<string>) {
  const groups = new Map<string, GroupCounts>()
  for (const row of analysis.rows) {
    const decision = textAt(analysis.dataset.text.decision, row)!
    const known = analysis.outcomeOfRow[row]!
    const outcome = known === -1 ? null : (known as 0 | 1)
    for (const key of groupsOf(row)) {
      const counts = groups.get(key) ?? emptyCounts()
      countApplication(counts, decision, outcome)
      groups.set(key, counts)
    }
  }
  return groupRates(groups)
}

export const redFlags: AppRouteHandler<typeof routes.redFlags> = (c) =>
  c.json(
    cached(c, 'red-flags', c.req.valid('query'), (analysis) => {
      const tags = new Map<string, string[]>()
      const flagged = c.var.db
        .select({ application: scores.applicationId, flags: scores.redFlags })
        .from(scores)
        .where(ne(scores.redFlags, sql`'[]'`))
        .all()
      for (const { application, flags } of flagged) {
        tags.set(application, [...new Set([...(tags.get(application) ?? []), ...flags])])
      }
      return {
        ...analysis.context,
        groups: ratesBy(analysis, (row) => tags.get(textAt(analysis.dataset.text.id, row)!) ?? []),
      }
    }),
    200,
  )

export const backgrounds: AppRouteHandler<typeof routes.backgrounds> = (c) =>
  c.json(
    cached(c, 'backgrounds', c.req.valid('query'), (analysis) => ({
      ...analysis.context,
      groups: ratesBy(analysis, (row) => [
        textAt(analysis.dataset.text.background, row) ?? 'not stated',
      ]),
    })),
    200,
  )

export const loopTime: AppRouteHandler<typeof routes.loopTime> = (c) => {
  const filters = c.req.valid('query')
  return c.json(
    cached(c, 'loop-time', filters, (analysis) => {
      const areaValidity = validityOf(c, filters).areas
      const minutes = analysis.dataset.areaMinutes.map((column) => {
        let total = 0
        let loops = 0
        for (const row of analysis.rows) {
          if (Number.isNaN(column[row])) continue
          total += column[row]!
          loops++
        }
        return { total, loops }
      })
      const total = minutes.reduce((sum, area) => sum + area.total, 0)
      return {
        ...analysis.context,
        total_minutes: total,
        areas: analysis.dataset.areas.map((area, k) => {
          const row = areaValidity[k]!
          return {
            key: area.key,
            name: area.name,
            minutes: minutes[k]!.total,
            share: total > 0 ? minutes[k]!.total / total : null,
            loops: minutes[k]!.loops,
            mean_minutes_per_loop:
              minutes[k]!.loops > 0 ? minutes[k]!.total / minutes[k]!.loops : null,
            r: row.r,
            r_corrected: row.r_corrected,
            auc: row.auc,
            insufficient: row.insufficient,
          }
        }),
      }
    }),
    200,
  )
}

export const adverseImpact: AppRouteHandler<typeof routes.adverseImpact> = (c) =>
  c.json(
    cached(c, 'adverse-impact', c.req.valid('query'), (analysis) => {
      const { text } = analysis.dataset
      const byGroup = new Map<string, { applicants: number; selected: number }>()
      let decided = 0
      let notStated = 0
      for (const row of analysis.rows) {
        const decision = textAt(text.decision, row)
        if (decision === 'pending') continue
        decided++
        const group = textAt(text.selfIdGroup, row)
        if (group === null) {
          notStated++
          continue
        }
        const entry = byGroup.get(group) ?? { applicants: 0, selected: 0 }
        entry.applicants++
        if (decision === 'hired') entry.selected++
        byGroup.set(group, entry)
      }
      return {
        ...analysis.context,
        applicants: decided,
        not_stated: notStated,
        four_fifths: FOUR_FIFTHS,
        ...adverseImpactOf([...byGroup].map(([group, counts]) => ({ group, ...counts }))),
      }
    }),
    200,
  )
