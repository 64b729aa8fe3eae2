import { toCsv } from '../../../../../common/csv'
import { formatCorrelation, formatP } from '../../../lib/format'
import type { AdverseImpact, GroupImpact } from '../api/get-adverse-impact'

/** Fisher's exact p below which a gap is called unlikely to be chance alone. */
export const SIGNIFICANCE = 0.05
/** Groups with fewer selections than this get told how much one more would move their ratio. */
const FEW_SELECTED = 10

export type ImpactKind = 'reference' | 'below' | 'at_or_above'

export interface GroupBar {
  group: string
  label: string
  value: number
  kind: ImpactKind
  /** Printed at the end of the bar, so the reading never rests on colour. */
  text: string
}

export interface BarChartData {
  bars: GroupBar[]
  domain: [number, number]
  ticks: number[]
  /** Groups without a value, named instead of left out silently. */
  missing: string[]
}

/** "non_binary" → "non binary": the keys are the organisation's own, shown as words. */
export const groupLabel = (group: string) => group.replaceAll('_', ' ')

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

export function kindOf(group: GroupImpact, reference: string | null): ImpactKind {
  if (group.group === reference) return 'reference'
  return group.below_four_fifths ? 'below' : 'at_or_above'
}

function ticksUpTo(high: number, step: number): number[] {
  return Array.from({ length: Math.round(high / step) + 1 }, (_, index) =>
    Number((index * step).toFixed(2)),
  )
}

/** Selection rate per group, labelled with the counts it rests on. */
export function selectionRateData(impact: AdverseImpact): BarChartData {
  const bars = impact.groups.map((group) => ({
    group: group.group,
    label: groupLabel(group.group),
    value: group.selection_rate,
    kind: kindOf(group, impact.reference_group),
    text: `${group.selected} of ${group.applicants} (${percent(group.selection_rate)})`,
  }))
  const highest = Math.max(0, ...bars.map((bar) => bar.value))
  const step = highest > 0.5 ? 0.2 : highest > 0.2 ? 0.1 : 0.05
  const high = Number(Math.min(1, Math.ceil((highest * 1.35) / step) * step || step).toFixed(2))
  return { bars, domain: [0, high], ticks: ticksUpTo(high, step), missing: [] }
}

/** Impact ratio per group against the reference (1 for the reference itself). */
export function impactRatioData(impact: AdverseImpact): BarChartData {
  const bars: GroupBar[] = []
  const missing: string[] = []
  for (const group of impact.groups) {
    const kind = kindOf(group, impact.reference_group)
    const value = kind === 'reference' ? 1 : group.impact_ratio
    if (value === null) {
      missing.push(groupLabel(group.group))
      continue
    }
    bars.push({
      group: group.group,
      label: groupLabel(group.group),
      value,
      kind,
      text:
        kind === 'reference'
          ? '1 (reference)'
          : `${formatCorrelation(value)}${kind === 'below' ? ' below ⅘' : ''}`,
    })
  }
  const highest = Math.max(1, ...bars.map((bar) => bar.value))
  const high = Number((Math.ceil((highest * 1.25) / 0.2) * 0.2).toFixed(2))
  return { bars, domain: [0, high], ticks: ticksUpTo(high, 0.2), missing }
}

function referenceRate(impact: AdverseImpact): number | null {
  return (
    impact.groups.find((group) => group.group === impact.reference_group)?.selection_rate ?? null
  )
}

/** "0.47 (95% CI 0.12–1.80)", or the ratio alone when it has no interval. */
export function ratioWithInterval(group: GroupImpact): string {
  if (group.impact_ratio === null) return '—'
  const ci = group.impact_ratio_ci
  const ratio = formatCorrelation(group.impact_ratio)
  return ci ? `${ratio} (95% CI ${formatCorrelation(ci[0])}–${formatCorrelation(ci[1])})` : ratio
}

/**
 * What one group's figures say, in words that never claim more than the tests allow: a ratio
 * below four-fifths is a disparity to look into only when the group is large enough and the
 * gap is beyond chance (Holm-adjusted Fisher p); otherwise it says which of those is missing.
 */
export function groupSentence(group: GroupImpact, impact: AdverseImpact): string {
  const counts = `${group.selected} of ${group.applicants} selected`
  if (group.group === impact.reference_group) {
    return `Highest selection rate (${counts}): the group the others are compared with.`
  }
  if (group.impact_ratio === null) {
    return `${counts}. No impact ratio: nobody in the reference group was selected.`
  }
  const p = group.fisher_p_adjusted
  const significant = p !== null && p < SIGNIFICANCE
  const pText = p === null ? '' : ` (Fisher's exact p = ${formatP(p)}, Holm-adjusted)`
  const ratio = `Impact ratio ${ratioWithInterval(group)}`
  let reading: string
  if (group.flagged) {
    reading = `${ratio}, below the four-fifths threshold, and the gap is unlikely to be chance alone${pText}. A disparity to look into; the figures do not say why.`
  } else if (group.below_four_fifths && group.applicants < impact.min_flag_applicants) {
    reading = `${ratio}, below the four-fifths threshold, but with ${group.applicants} applicants (fewer than ${impact.min_flag_applicants}) one or two selections move the ratio across it: not flagged.`
  } else if (group.below_four_fifths) {
    reading = `${ratio}, below the four-fifths threshold, but the gap is not statistically significant${pText}: with ${counts}, a gap this size can arise by chance. Not flagged; worth watching.`
  } else {
    reading = significant
      ? `${ratio}, at or above the four-fifths threshold, though the rates differ beyond chance${pText}.`
      : `${ratio}, at or above the four-fifths threshold; no significant difference${pText}.`
  }
  if (group.note && group.impact_ratio_ci === null) reading += ` ${group.note}`
  const rate = referenceRate(impact)
  if (group.selected < FEW_SELECTED && rate !== null && rate > 0) {
    const moved = (group.selected + 1) / group.applicants / rate
    reading += ` One more selection would move the ratio to ${formatCorrelation(moved)}.`
  }
  return reading
}

/** The headline: how many groups are flagged (practically and statistically), and what else. */
export function fairnessSummary(impact: AdverseImpact): string {
  const compared = impact.groups.filter((group) => group.group !== impact.reference_group)
  if (compared.length === 0) {
    return 'Only one group has enough applicants to show: there is nothing to compare it with.'
  }
  const reference = groupLabel(impact.reference_group ?? '')
  const below = compared.filter((group) => group.below_four_fifths)
  const flagged = compared.filter((group) => group.flagged)
  if (below.length === 0) {
    return `No group falls below the four-fifths threshold against ${reference}.`
  }
  const fall = below.length === 1 ? 'falls' : 'fall'
  const head = `${below.length} of ${compared.length} compared groups ${fall} below the four-fifths threshold against ${reference}`
  if (flagged.length === 0) {
    return `${head}; none is flagged: for each, the group is smaller than ${impact.min_flag_applicants} applicants or the gap is within what chance would give (Fisher's exact test, Holm-adjusted, at .05).`
  }
  const names = flagged.map((group) => groupLabel(group.group)).join(', ')
  return `${head}; flagged, with at least ${impact.min_flag_applicants} applicants and a gap beyond chance (Fisher's exact test, Holm-adjusted, at .05): ${names}.`
}

/** Who is in the comparison and who is not: not stated, pooled, left out. */
export function coverageNotes(impact: AdverseImpact): string[] {
  const notes = [
    `${impact.applicants - impact.not_stated} of ${impact.applicants} decided applications have a self-identified group and are compared; ${impact.not_stated} without one are left out. A hire is an application decided "hired" that had started by the as-of date; hires not yet started are not counted either way.`,
    impact.comparison_rule,
  ]
  if (impact.pooled.length > 0) {
    notes.push(
      `Too few applicants to show on their own, so pooled into “other groups (pooled)”: ${impact.pooled.map(groupLabel).join(', ')}.`,
    )
  }
  if (impact.suppressed.length > 0) {
    notes.push(
      `Too few applicants even when pooled, so left out of the comparison: ${impact.suppressed.map(groupLabel).join(', ')}.`,
    )
  }
  return notes
}

export function fairnessCsv(impact: AdverseImpact): string {
  return toCsv(
    [
      'group',
      'applicants',
      'selected',
      'selection_rate',
      'impact_ratio',
      'impact_ratio_ci_low',
      'impact_ratio_ci_high',
      'below_four_fifths',
      'z_ir',
      'z_ir_p',
      'fisher_p',
      'fisher_p_holm',
      'flagged',
      'reference',
    ],
    impact.groups.map((group) => [
      group.group,
      group.applicants,
      group.selected,
      group.selection_rate,
      group.impact_ratio,
      group.impact_ratio_ci?.[0] ?? null,
      group.impact_ratio_ci?.[1] ?? null,
      group.below_four_fifths,
      group.z_ir,
      group.z_ir_p,
      group.fisher_p,
      group.fisher_p_adjusted,
      group.flagged,
      group.group === impact.reference_group,
    ]),
  )
}
