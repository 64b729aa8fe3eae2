import { toCsv } from '../../../../../common/csv'
import { formatCorrelation, formatNumber } from '../../../lib/format'
import type { Axis } from '../../../lib/axis'
import type { AreaReliability, InterviewerCalibration, Interviewers } from '../api/get-interviewers'

/** Columns the interviewer table sorts by, as written in the URL. */
export const SORT_KEYS = [
  'interviewer',
  'n_ratings',
  'n_compared',
  'leniency',
  'leniency_shrunk',
  'n_hires',
  'auc',
  'auc_shrunk',
] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortOrder = 'asc' | 'desc'
export interface Sort {
  key: SortKey
  order: SortOrder
}

/**
 * Most lenient first, by the shrunk leniency: the question the view answers first, without
 * ranking an interviewer with a handful of ratings beside one with hundreds.
 */
export const DEFAULT_SORT: Sort = { key: 'leniency_shrunk', order: 'desc' }

/** The sort a URL asks for; anything not understood falls back to the default. */
export function sortFrom(params: URLSearchParams): Sort {
  const key = params.get('sort')
  const order = params.get('order')
  if (!SORT_KEYS.includes(key as SortKey)) return DEFAULT_SORT
  return { key: key as SortKey, order: order === 'asc' ? 'asc' : 'desc' }
}

/** The sort after a click on a column: the same column flips, another starts from its natural order. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' }
  return { key, order: key === 'interviewer' ? 'asc' : 'desc' }
}

/** Interviewers in the sort's order; missing values always last, names break ties. */
export function sortInterviewers(
  interviewers: readonly InterviewerCalibration[],
  sort: Sort,
): InterviewerCalibration[] {
  const direction = sort.order === 'asc' ? 1 : -1
  const byName = (a: InterviewerCalibration, b: InterviewerCalibration) =>
    a.interviewer.localeCompare(b.interviewer)
  return [...interviewers].sort((a, b) => {
    if (sort.key === 'interviewer') return direction * byName(a, b)
    const left = a[sort.key]
    const right = b[sort.key]
    if (left === null && right === null) return byName(a, b)
    if (left === null) return 1
    if (right === null) return -1
    return direction * (left - right) || byName(a, b)
  })
}

export type LeniencyKind = 'higher' | 'lower' | 'in_line' | 'too_few'

/** Whether the interval puts the interviewer above or below colleagues, or cannot tell. */
export function leniencyKind(interviewer: InterviewerCalibration): LeniencyKind {
  const ci = interviewer.leniency_ci
  if (interviewer.leniency === null || ci === null) return 'too_few'
  if (ci[0] > 0) return 'higher'
  if (ci[1] < 0) return 'lower'
  return 'in_line'
}

export type AucKind = 'better' | 'no_better' | 'too_few'

/**
 * Only an interval above ½ over enough hires counts as telling stayers from leavers; below the
 * data floor there is no AUC to read, whatever was sent.
 */
export function aucKind(interviewer: InterviewerCalibration): AucKind {
  if (interviewer.insufficient || interviewer.auc === null || interviewer.auc_ci === null) {
    return 'too_few'
  }
  return interviewer.auc_ci[0] > 0.5 ? 'better' : 'no_better'
}

export interface IntervalPoint<Kind extends string> {
  key: string
  label: string
  estimate: number
  ci: [number, number] | null
  /** The estimate shrunk by empirical Bayes, drawn beside the raw one; null without one. */
  shrunk: number | null
  kind: Kind
}

export interface IntervalChartData<Kind extends string> {
  points: IntervalPoint<Kind>[]
  /** Every interviewer, in the order given, with or without an estimate. */
  rows: { key: string; label: string }[]
  axis: Axis
  /** Rows with no estimate, named so the chart can say so instead of leaving a gap. */
  missing: string[]
}

/** Round ticks from low to high (both multiples of step). */
function ticksBetween(low: number, high: number, step: number): number[] {
  const ticks: number[] = []
  for (let tick = Math.round(low / step); tick * step <= high + 1e-9; tick++) {
    ticks.push(Math.round(tick * step * 100) / 100)
  }
  return ticks
}

/** `read` gives an interviewer's estimate, or null when there is none to draw. */
function intervalChartData<Kind extends string>(
  interviewers: readonly InterviewerCalibration[],
  read: (interviewer: InterviewerCalibration) => Omit<IntervalPoint<Kind>, 'key' | 'label'> | null,
  axis: { low: number; high: number; step: number; clampLow: number; clampHigh: number },
): IntervalChartData<Kind> {
  const points: IntervalPoint<Kind>[] = []
  const missing: string[] = []
  interviewers.forEach((interviewer) => {
    const point = read(interviewer)
    if (point === null) {
      missing.push(interviewer.interviewer)
      return
    }
    points.push({ key: interviewer.interviewer, label: interviewer.interviewer, ...point })
  })
  const ends = points.flatMap((point) => [
    ...(point.ci ?? [point.estimate]),
    ...(point.shrunk === null ? [] : [point.shrunk]),
  ])
  const { step } = axis
  const low = Math.max(axis.clampLow, Math.floor(Math.min(axis.low, ...ends) / step) * step)
  const high = Math.min(axis.clampHigh, Math.ceil(Math.max(axis.high, ...ends) / step) * step)
  return {
    points,
    rows: interviewers.map((interviewer) => ({
      key: interviewer.interviewer,
      label: interviewer.interviewer,
    })),
    axis: { domain: [low, high], ticks: ticksBetween(low, high, step) },
    missing,
  }
}

/**
 * Leniency in rating points with its t interval and its shrunk value, around a zero line,
 * most lenient first by the shrunk value.
 */
export function leniencyChartData(interviewers: readonly InterviewerCalibration[]) {
  return intervalChartData(
    sortInterviewers(interviewers, { key: 'leniency_shrunk', order: 'desc' }),
    (interviewer) =>
      interviewer.leniency === null
        ? null
        : {
            estimate: interviewer.leniency,
            ci: interviewer.leniency_ci,
            shrunk: interviewer.leniency_shrunk,
            kind: leniencyKind(interviewer),
          },
    { low: -0.5, high: 0.5, step: 0.25, clampLow: -3, clampHigh: 3 },
  )
}

/** What an AUC drawn on the chart shows: those below the data floor are not drawn. */
export type DrawnAucKind = Exclude<AucKind, 'too_few'>

/**
 * Each interviewer's own AUC for twelve-month retention with its DeLong interval and its
 * shrunk value, on [0, 1], highest shrunk AUC first; below the data floor, only the name.
 */
export function aucChartData(
  interviewers: readonly InterviewerCalibration[],
): IntervalChartData<DrawnAucKind> {
  return intervalChartData(
    sortInterviewers(interviewers, { key: 'auc_shrunk', order: 'desc' }),
    (interviewer) => {
      const kind = aucKind(interviewer)
      return kind === 'too_few'
        ? null
        : {
            estimate: interviewer.auc!,
            ci: interviewer.auc_ci,
            shrunk: interviewer.auc_shrunk,
            kind,
          }
    },
    { low: 0, high: 1, step: 0.25, clampLow: 0, clampHigh: 1 },
  )
}

export interface DistributionRow {
  interviewer: string
  total: number
  /** Share of this interviewer's ratings at each rating value, keyed `r<value>`. */
  [share: `r${string}`]: number
}

export interface DistributionChartData {
  /** Every rating value any interviewer gave, lowest first. */
  ratings: number[]
  rows: DistributionRow[]
}

export const ratingKey = (rating: number): `r${string}` => `r${rating}`

/** Each interviewer's ratings as shares of their total, one stacked bar per interviewer. */
export function distributionChartData(
  interviewers: readonly InterviewerCalibration[],
): DistributionChartData {
  const ratings = [
    ...new Set(interviewers.flatMap((entry) => entry.distribution.map((bin) => bin.rating))),
  ].sort((a, b) => a - b)
  const rows = interviewers.map((interviewer) => {
    const total = interviewer.distribution.reduce((sum, bin) => sum + bin.count, 0)
    const row: DistributionRow = { interviewer: interviewer.interviewer, total }
    for (const rating of ratings) {
      const count = interviewer.distribution.find((bin) => bin.rating === rating)?.count ?? 0
      row[ratingKey(rating)] = total > 0 ? count / total : 0
    }
    return row
  })
  return { ratings, rows }
}

const ICC_BANDS = [
  { from: 0.9, word: 'excellent' },
  { from: 0.75, word: 'good' },
  { from: 0.5, word: 'moderate' },
  { from: -Infinity, word: 'poor' },
] as const

/** What an area's ICC(1) means for a reader who has never met one. */
export function reliabilitySentence(area: AreaReliability): string {
  if (area.icc1 === null) {
    return 'Not computable: it needs at least two applications, some rated by more than one interviewer, and ratings that are not all equal.'
  }
  if (area.icc1 <= 0) {
    return 'Interviewers agree no more than chance would give: ratings of the same candidate differ as much as ratings of different candidates.'
  }
  const percent = Math.round(area.icc1 * 100)
  const word = ICC_BANDS.find((band) => area.icc1! >= band.from)!.word
  return `${word[0]!.toUpperCase()}${word.slice(1)} agreement: about ${percent}% of the spread in ratings comes from real differences between candidates, the rest from interviewers seeing the same candidate differently.`
}

export function interviewersCsv(interviewers: readonly InterviewerCalibration[]): string {
  return toCsv(
    [
      'interviewer',
      'ratings',
      'compared',
      'leniency',
      'leniency_ci_lower',
      'leniency_ci_upper',
      'leniency_shrunk',
      'leniency_shrinkage_weight',
      'hires_with_outcome',
      'auc',
      'auc_ci_lower',
      'auc_ci_upper',
      'auc_shrunk',
      'auc_shrinkage_weight',
      'insufficient',
    ],
    interviewers.map((entry) => [
      entry.interviewer,
      entry.n_ratings,
      entry.n_compared,
      entry.leniency,
      entry.leniency_ci?.[0],
      entry.leniency_ci?.[1],
      entry.leniency_shrunk,
      entry.shrinkage_weight,
      entry.n_hires,
      entry.auc,
      entry.auc_ci?.[0],
      entry.auc_ci?.[1],
      entry.auc_shrunk,
      entry.auc_shrinkage_weight,
      entry.insufficient,
    ]),
  )
}

export function distributionCsv(interviewers: readonly InterviewerCalibration[]): string {
  return toCsv(
    ['interviewer', 'rating', 'count'],
    interviewers.flatMap((entry) =>
      entry.distribution.map((bin) => [entry.interviewer, bin.rating, bin.count]),
    ),
  )
}

export function reliabilityCsv(areas: readonly AreaReliability[]): string {
  return toCsv(
    ['area', 'name', 'icc1', 'applications', 'ratings', 'k0', 'msb', 'msw'],
    areas.map((area) => [
      area.key,
      area.name,
      area.icc1,
      area.n_groups,
      area.n_ratings,
      area.k0,
      area.msb,
      area.msw,
    ]),
  )
}

/** The one-line summary above the table: how many rate out of line, said with the intervals. */
export function leniencySummary(interviewers: readonly InterviewerCalibration[]): string {
  const kinds = interviewers.map(leniencyKind)
  const higher = kinds.filter((kind) => kind === 'higher').length
  const lower = kinds.filter((kind) => kind === 'lower').length
  const count = (n: number) => `${n} ${n === 1 ? 'interviewer' : 'interviewers'}`
  if (interviewers.length === 0) return 'No interviewer rated an application in this selection.'
  if (higher + lower === 0) {
    return `None of the ${count(interviewers.length)} rates clearly higher or lower than colleagues on the same candidates (every 95% interval includes zero).`
  }
  const rate = (n: number) => `${n} ${n === 1 ? 'rates' : 'rate'}`
  return `Of ${count(interviewers.length)}, ${rate(higher)} higher and ${rate(lower)} lower than colleagues on the same candidates, by 95% intervals that exclude zero.`
}

/** "+0.50 (0.45 to 0.56)": leniency reads in rating points with a sign. */
export function formatLeniency(value: number | null): string {
  if (value === null) return '–'
  return `${value > 0 ? '+' : ''}${formatNumber(value, 2)}`
}

/**
 * What shrinkage did, in words: how far the AUCs were pulled toward the pooled AUC, or why
 * they were not.
 */
export function shrinkageSentence(
  data: Pick<Interviewers, 'auc_shrinkage' | 'leniency_shrinkage'>,
): string {
  const auc = data.auc_shrinkage
  const leniency = data.leniency_shrinkage
  const leniencyPart =
    leniency.between_variance === null
      ? (leniency.note ?? 'No leniency is shrunk.')
      : `Shrunk leniency pulls each interviewer toward 0 (rating like colleagues) in proportion to how few of their ratings were compared (between-interviewer variance τ² = ${formatNumber(leniency.between_variance, 3)}).`
  const aucPart =
    auc.pooled === null || auc.between_variance === null
      ? auc.n_estimates === 0
        ? 'No interviewer has an AUC shown, so none is shrunk.'
        : auc.n_estimates === 1
          ? 'Only one interviewer has an AUC shown: with nothing to pool it with, it is not shrunk.'
          : `No AUC is shrunk: ${auc.note ?? 'the pooled AUC is not defined.'}`
      : auc.between_variance === 0
        ? `The interviewers' AUCs differ no more than their standard errors allow, so every shrunk AUC is the pooled ${formatCorrelation(auc.pooled)}: the data cannot tell their ratings apart yet.`
        : `Shrunk AUC pulls each interviewer toward the pooled ${formatCorrelation(auc.pooled)} by τ² / (τ² + their squared standard error), τ² = ${formatNumber(auc.between_variance, 4)}: an interviewer who rated few hires keeps little of their distance from it.`
  return `${leniencyPart} ${aucPart} Tables and charts rank by the shrunk figures.`
}
