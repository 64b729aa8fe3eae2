import { toCsv } from '../../../../../common/csv'
import { formatMoney, formatPercent } from '../../../lib/format'
import { SERIES_COLOURS } from '../../../lib/palette'
import type { StatusFilter } from '../api/get-candidates'
import type { ComparedApplication, Comparison } from '../api/get-comparison'

export const MIN_COMPARED = 2
export const MAX_COMPARED = 4

/** Which candidates the picker lists: by what became of them so far, or all. */
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'open', 'hired', 'not_hired']

export const STATUS_WORDS: Record<StatusFilter, string> = {
  all: 'All',
  open: 'Still open',
  hired: 'Hired',
  not_hired: 'Not hired',
}

/**
 * What is being compared and how the picker is filtered, as the URL keeps it:
 * `?requisition=REQ-1&applications=A,B&status=open&q=ada`.
 */
export interface CompareSelection {
  requisitionId: string | null
  applicationIds: string[]
  status: StatusFilter
  search: string
}

const isStatusFilter = (value: string | null): value is StatusFilter =>
  STATUS_FILTERS.some((status) => status === value)

export function selectionFrom(params: URLSearchParams): CompareSelection {
  const ids = (params.get('applications') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  const status = params.get('status')
  return {
    requisitionId: params.get('requisition') || null,
    applicationIds: [...new Set(ids)].slice(0, MAX_COMPARED),
    status: isStatusFilter(status) ? status : 'all',
    search: params.get('q') ?? '',
  }
}

export function selectionParams(selection: CompareSelection): Record<string, string> {
  return {
    ...(selection.requisitionId !== null && { requisition: selection.requisitionId }),
    ...(selection.applicationIds.length > 0 && {
      applications: selection.applicationIds.join(','),
    }),
    ...(selection.status !== 'all' && { status: selection.status }),
    ...(selection.search !== '' && { q: selection.search }),
  }
}

/** "Senior Rust Engineer, Payments (REQ-0007)": two requisitions may share a title, never an id. */
export function requisitionLabel(requisition: { id: string; title: string | null }): string {
  return requisition.title === null ? requisition.id : `${requisition.title} (${requisition.id})`
}

/** The picked applications with one added or taken away; never more than the maximum. */
export function toggled(picked: readonly string[], id: string): string[] {
  if (picked.includes(id)) return picked.filter((entry) => entry !== id)
  return picked.length < MAX_COMPARED ? [...picked, id] : [...picked]
}

export function candidateLabel(entry: Pick<ComparedApplication, 'id' | 'candidate'>): string {
  if (entry.candidate.erased_at !== null) return `Erased candidate (${entry.id})`
  return entry.candidate.name ?? entry.id
}

/** The rating scale's ends and its points: 1 strong no · 2 no · 3 yes · 4 strong yes. */
export const RATING_DOMAIN: [number, number] = [1, 4]
export const RATING_TICKS = [1, 2, 3, 4]

export interface AreaScoreSeries {
  key: string
  label: string
  colour: string
}

export interface AreaScoreChartData {
  series: AreaScoreSeries[]
  /** One row per area: its name and each candidate's mean score (null when not scored). */
  rows: Record<string, string | number | null>[]
  /** False when no compared candidate has a rating yet: nothing to draw. */
  scored: boolean
}

/** "Judgment (knowing when Rust is the wrong tool)" → "Judgment": short enough for an axis. */
export const shortAreaName = (name: string) => name.replace(/\s*\(.*\)$/, '')

/** The area means of every compared application, grouped by area. */
export function areaScoreChartData(comparison: Comparison): AreaScoreChartData {
  const series = comparison.applications.map((entry, index) => ({
    key: `candidate${String(index)}`,
    label: candidateLabel(entry),
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
  }))
  const rows = comparison.areas.map((area) => ({
    area: shortAreaName(area.name),
    ...Object.fromEntries(
      comparison.applications.map((entry, index) => [
        series[index]!.key,
        entry.areas.find((scored) => scored.key === area.key)?.score ?? null,
      ]),
    ),
  }))
  const scored = comparison.applications.some((entry) =>
    entry.areas.some((area) => area.score !== null),
  )
  return { series, rows, scored }
}

/** "81% (95% CI 70% to 89%)", or why there is no estimate. */
export function predictionText(entry: ComparedApplication): string {
  const predicted = entry.predicted_retention
  if (!predicted) return entry.prediction_note ?? 'No estimate.'
  return `${formatPercent(predicted.probability)} (95% CI ${formatPercent(predicted.ci[0])} to ${formatPercent(predicted.ci[1])})`
}

export const ADJUSTED_LABEL = 'adjusted for interviewer leniency, shrunk for few ratings'

/** What the "adjusted" figures beside the raw ones are, or why there are none. */
export function adjustmentText(adjustment: Comparison['adjustment']): string {
  if (adjustment.status === 'withheld') return adjustment.note ?? 'Not adjusted for leniency.'
  const parts = [
    `“Adjusted” scores are ${ADJUSTED_LABEL}: each rating minus its interviewer's leniency (how far they rate above or below colleagues on the same loops), pulled toward 0 the fewer ratings the interviewer has (as of ${adjustment.as_of ?? 'today'}). An adjusted score can fall a little outside 1–4.`,
  ]
  if (adjustment.note !== null) parts.push(adjustment.note)
  if (adjustment.unadjusted_interviewers.length > 0) {
    parts.push(
      `Not adjusted, as their leniency is not shown to you: ${adjustment.unadjusted_interviewers.join(', ')}.`,
    )
  }
  return parts.join(' ')
}

const POSITION_WORDS = { below: 'Below', within: 'Within', above: 'Above' } as const

/** The offer held against the salary band, in words. */
export function offerText(entry: ComparedApplication, comparison: Comparison): string {
  const offer = entry.offer
  if (!offer || offer.salary === null) return 'No offer recorded'
  const amount = formatMoney(offer.salary, offer.currency)
  const band = comparison.salary_band
  if (!band || offer.band_position === null) return `${amount} (no benchmark band to compare)`
  const ratio = offer.compa_ratio === null ? '' : `, compa-ratio ${offer.compa_ratio.toFixed(2)}`
  return `${amount}: ${POSITION_WORDS[offer.band_position].toLowerCase()} the band${ratio}`
}

export function bandText(comparison: Comparison): string | null {
  const band = comparison.salary_band
  if (!band) return null
  const scope = [band.level, band.metro].filter(Boolean).join(', ') || 'all levels'
  return `${formatMoney(band.low)} to ${formatMoney(band.high)} (${scope}; ${band.source}, ${band.source_date})`
}

const HEADER = [
  'application_id',
  'candidate',
  'area',
  'area_weight',
  'area_score',
  'adjusted_area_score',
  'ratings',
  'composite',
  'adjusted_composite',
  'red_flags',
  'offer_salary',
  'band_position',
  'compa_ratio',
  'predicted_retention',
  'ci_lower',
  'ci_upper',
]

/** Every compared number: one line per application and area. */
export function comparisonCsv(comparison: Comparison): string {
  return toCsv(
    HEADER,
    comparison.applications.flatMap((entry) =>
      comparison.areas.map((area) => {
        const scored = entry.areas.find((candidate) => candidate.key === area.key)
        return [
          entry.id,
          candidateLabel(entry),
          area.name,
          area.weight,
          scored?.score ?? null,
          scored?.adjusted_score ?? null,
          scored?.ratings
            .map((rating) => `${rating.interviewer}=${String(rating.rating)}`)
            .join(' '),
          entry.composite,
          entry.adjusted_composite,
          entry.red_flags.map((flag) => `${flag.name} ×${String(flag.count)}`).join('; '),
          entry.offer?.salary ?? null,
          entry.offer?.band_position ?? null,
          entry.offer?.compa_ratio ?? null,
          entry.predicted_retention?.probability ?? null,
          entry.predicted_retention?.ci[0] ?? null,
          entry.predicted_retention?.ci[1] ?? null,
        ]
      }),
    ),
  )
}
