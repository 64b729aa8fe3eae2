import { toCsv } from '../../../../../common/csv'
import { formatCorrelation, formatNumber, formatP } from '../../../lib/format'
import type { IncrementalValidity, AreaIncrementalValidity } from '../api/get-incremental-validity'
import type { PanelSizing, AreaPanelSizing } from '../api/get-panel-sizing'

/** The whole number of interviewers an area needs for a target reliability; null if none does. */
export function ratersFor(area: AreaPanelSizing, target: number): number | null {
  return area.raters_needed.find((entry) => entry.target === target)?.whole_raters ?? null
}

/** One sentence on how the panels compare with what each area needs for .80. */
export function panelSizingSentence(panel: PanelSizing): string {
  const known = panel.areas.filter((area) => area.reliability_today !== null)
  if (known.length === 0) {
    return 'No area has enough ratings by two or more interviewers to measure how far they agree.'
  }
  const short = known.filter((area) => area.reliability_today! < 0.8)
  if (short.length === 0) {
    return `Every area measured reaches a reliability of .80 with the panels used today.`
  }
  const names = short.map((area) => {
    const needed = ratersFor(area, 0.8)
    const today = formatNumber(area.raters_today, 1)
    return needed === null
      ? `${area.name} (no number of interviewers would)`
      : `${area.name} (${String(needed)} needed, ${today} today)`
  })
  return `Below a reliability of .80 with today's panels: ${names.join('; ')}.`
}

/** Reliability with one interviewer and with today's panel, per area, for the interval plot. */
export function panelSizingChartData(areas: readonly AreaPanelSizing[]) {
  return {
    rows: areas.map((area) => ({
      key: area.key,
      label: area.name,
      muted: area.icc1 === null,
    })),
    single: Object.fromEntries(areas.map((area) => [area.key, { value: area.icc1, ci: null }])),
    today: Object.fromEntries(
      areas.map((area) => [area.key, { value: area.reliability_today, ci: null }]),
    ),
  }
}

export function panelSizingCsv(areas: readonly AreaPanelSizing[]): string {
  return toCsv(
    [
      'area_key',
      'area',
      'icc1',
      ...[1, 2, 3, 4, 5].map((k) => `reliability_${String(k)}_interviewers`),
      'interviewers_today',
      'reliability_today',
      'interviewers_for_70',
      'interviewers_for_70_whole',
      'interviewers_for_80',
      'interviewers_for_80_whole',
      'minutes_per_loop',
      'hours_per_quarter',
      'lr_p',
    ],
    areas.map((area) => {
      const target = (value: number) => area.raters_needed.find((entry) => entry.target === value)
      return [
        area.key,
        area.name,
        area.icc1,
        ...area.reliability_by_raters.map((step) => step.reliability),
        area.raters_today,
        area.reliability_today,
        target(0.7)?.raters,
        target(0.7)?.whole_raters,
        target(0.8)?.raters,
        target(0.8)?.whole_raters,
        area.minutes_per_loop,
        area.hours_per_quarter,
        area.lr_p,
      ]
    }),
  )
}

/** What the likelihood-ratio tests say over all areas, claiming no more than they support. */
export function incrementalSentence(response: IncrementalValidity): string {
  if (response.insufficient || response.message !== null) {
    return response.message ?? 'The data cannot tell yet what each area adds beyond the others.'
  }
  const adds = response.areas.filter((area) => area.adds === 'adds')
  const nothing = response.areas.filter((area) => area.adds === 'nothing_detectable')
  const parts: string[] = []
  if (adds.length > 0) {
    parts.push(
      `${listOf(adds.map((area) => `${area.name} (LR p ${formatPValue(area.p)})`))} ${adds.length === 1 ? 'adds' : 'add'} to what the other areas predict.`,
    )
  }
  if (nothing.length > 0) {
    parts.push(
      `For ${nothing.length === 1 ? nothing[0]!.name : `${String(nothing.length)} areas`} the test detects nothing added beyond the others; that is not proof of nothing, and more hires may tell.`,
    )
  }
  if (parts.length === 0) return 'The data cannot tell yet what each area adds beyond the others.'
  return parts.join(' ')
}

/** "A", "A and B", "A, B and C". */
const listOf = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`

const formatPValue = (p: number | null) => {
  const text = formatP(p)
  return text.startsWith('<') ? text : `= ${text}`
}

/** Cross-validated AUC of the model of all areas and of the model without each area. */
export function incrementalChartData(areas: readonly AreaIncrementalValidity[]) {
  return {
    rows: areas.map((area) => ({
      key: area.key,
      label: area.name,
      muted: area.adds === 'cannot_tell',
    })),
    withArea: Object.fromEntries(
      areas.map((area) => [area.key, { value: area.cv_auc_with, ci: null }]),
    ),
    withoutArea: Object.fromEntries(
      areas.map((area) => [
        area.key,
        { value: area.cv_auc_without, ci: null, hollow: area.adds !== 'adds' },
      ]),
    ),
  }
}

export function incrementalCsv(areas: readonly AreaIncrementalValidity[]): string {
  return toCsv(
    [
      'area_key',
      'area',
      'lr_chisq',
      'df',
      'p',
      'cv_auc_with',
      'cv_auc_without',
      'cv_auc_difference',
      'minutes_per_loop',
      'finding',
    ],
    areas.map((area) => [
      area.key,
      area.name,
      area.lr_chisq,
      area.df,
      area.p,
      area.cv_auc_with,
      area.cv_auc_without,
      area.cv_auc_difference,
      area.minutes_per_loop,
      area.finding,
    ]),
  )
}

/** A difference of AUCs with its sign: +.03, −.02. */
export function formatDifference(value: number | null): string {
  if (value === null) return '–'
  const text = formatCorrelation(Math.abs(value))
  return value >= 0 ? `+${text}` : `−${text}`
}
