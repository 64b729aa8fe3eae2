import { z } from 'zod'
import { intervalSchema, type Interval } from './correlation'
import { normalTwoSidedP, twoSidedZ } from './distributions'
import { fisherExactTwoSided } from './proportions'

/** The four-fifths rule of the US Uniform Guidelines, 29 CFR 1607.4(D). */
export const FOUR_FIFTHS = 0.8
/**
 * Groups with fewer applicants are never shown on their own, nor groups with 1 to 4 selected
 * or 1 to 4 not selected: so few could be matched to the people a viewer knows were hired.
 */
export const MIN_GROUP_APPLICANTS = 5

const isSmall = ({ applicants, selected }: GroupSelection) => {
  const notSelected = applicants - selected
  return (
    applicants < MIN_GROUP_APPLICANTS ||
    (selected > 0 && selected < MIN_GROUP_APPLICANTS) ||
    (notSelected > 0 && notSelected < MIN_GROUP_APPLICANTS)
  )
}
export const POOLED_GROUP = 'other groups (pooled)'

/**
 * A group is flagged only when the gap is both practical and statistical: impact ratio below
 * four-fifths, at least this many applicants in the group, and Fisher's p (Holm-adjusted over the
 * groups compared) below SIGNIFICANCE. With fewer applicants one or two selections swing the ratio
 * across the threshold.
 */
export const MIN_FLAG_APPLICANTS = 30
export const SIGNIFICANCE = 0.05
export const COMPARISON_RULE =
  "Each group is compared with the group with the highest selection rate (the Uniform Guidelines' rule). That group is picked after seeing the data, which makes some gap likelier by chance alone, so the flag uses Fisher's p adjusted by Holm's method over all the groups compared."

export interface GroupSelection {
  group: string
  applicants: number
  selected: number
}

/**
 * Per group the impact ratio (selection rate over the highest group's; null for that group) and
 * Fisher's exact test against the highest group. `pooled`: groups too small to show alone,
 * folded into the pooled group; `suppressed`: too small even pooled, left out.
 */
export const adverseImpactSchema = z.object({
  reference_group: z.string().nullable(),
  groups: z.array(
    z.object({
      group: z.string(),
      applicants: z.number().int(),
      selected: z.number().int(),
      selection_rate: z.number(),
      impact_ratio: z.number().nullable(),
      below_four_fifths: z.boolean(),
      impact_ratio_ci: intervalSchema.nullable().meta({
        description:
          '95% interval of the impact ratio (log method); null for the reference group, or when either group has nobody selected (the log of 0 has no interval): see note',
      }),
      z_ir: z.number().nullable().meta({
        description: 'Morris & Lobsenz (2000) Z test of the impact ratio; null as impact_ratio_ci',
      }),
      z_ir_p: z.number().nullable(),
      fisher_p: z.number().nullable(),
      fisher_p_adjusted: z
        .number()
        .nullable()
        .meta({ description: "Fisher's p adjusted by Holm's method over the groups compared" }),
      flagged: z.boolean().meta({
        description:
          'Below four-fifths, at least MIN_FLAG_APPLICANTS applicants and adjusted Fisher p < .05',
      }),
      note: z.string().nullable().meta({ description: 'Why a figure of this group is null' }),
    }),
  ),
  comparison_rule: z.string(),
  min_flag_applicants: z.number().int(),
  pooled: z.array(z.string()),
  suppressed: z.array(z.string()),
})
export type AdverseImpact = z.infer<typeof adverseImpactSchema>
type GroupImpact = AdverseImpact['groups'][number]

/**
 * Interval of a ratio of two selection rates by the log method:
 *   ln(IR) ± z √((1 − p₁)/(n₁p₁) + (1 − p₂)/(n₂p₂)).
 * Null when either group has nobody selected.
 */
export function impactRatioInterval(
  selected: number,
  applicants: number,
  referenceSelected: number,
  referenceApplicants: number,
  confidence = 0.95,
): Interval | null {
  if (selected === 0 || referenceSelected === 0) return null
  const p1 = selected / applicants
  const p2 = referenceSelected / referenceApplicants
  const se = Math.sqrt((1 - p1) / selected + (1 - p2) / referenceSelected)
  const centre = Math.log(p1 / p2)
  const z = twoSidedZ(confidence)
  return [Math.exp(centre - z * se), Math.exp(centre + z * se)]
}

/**
 * Morris & Lobsenz's (2000) Z test of the impact ratio, with the pooled selection rate p_T:
 *   Z = ln(p₁/p₂) / √(((1 − p_T)/p_T)(1/n₁ + 1/n₂)).
 * Null when either group has nobody selected.
 */
export function impactRatioZ(
  selected: number,
  applicants: number,
  referenceSelected: number,
  referenceApplicants: number,
): number | null {
  if (selected === 0 || referenceSelected === 0) return null
  const pooled = (selected + referenceSelected) / (applicants + referenceApplicants)
  if (pooled === 1) return null
  const ratio = selected / applicants / (referenceSelected / referenceApplicants)
  return (
    Math.log(ratio) /
    Math.sqrt(((1 - pooled) / pooled) * (1 / applicants + 1 / referenceApplicants))
  )
}

/** Holm's step-down adjustment of p values (as R's p.adjust(method = "holm")). */
export function holmAdjusted(pValues: readonly number[]): number[] {
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p)
  const adjusted = new Array<number>(pValues.length)
  let running = 0
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p))
    adjusted[index] = running
  })
  return adjusted
}

/**
 * Selection rate per group, impact ratio against the group with the highest rate with its
 * interval and Z test, the four-fifths test, Fisher's exact p (raw and Holm-adjusted) and the
 * flag that needs all of them (see MIN_FLAG_APPLICANTS). Small groups (see MIN_GROUP_APPLICANTS) are pooled,
 * or suppressed if even the pool is small, and the result names them.
 */
export function adverseImpact(selections: readonly GroupSelection[]): AdverseImpact {
  const small = selections.filter(isSmall)
  const shown: GroupSelection[] = selections.filter((entry) => !isSmall(entry))
  const pool = small.reduce(
    (total, entry) => ({
      group: POOLED_GROUP,
      applicants: total.applicants + entry.applicants,
      selected: total.selected + entry.selected,
    }),
    { group: POOLED_GROUP, applicants: 0, selected: 0 },
  )
  const poolShown = small.length > 0 && !isSmall(pool)
  if (poolShown) shown.push(pool)
  const names = (entries: GroupSelection[]) => entries.map((entry) => entry.group).sort()
  const reference = [...shown].sort(
    (a, b) => b.selected / b.applicants - a.selected / a.applicants || b.applicants - a.applicants,
  )[0]
  const referenceRate = reference ? reference.selected / reference.applicants : 0
  const compared = shown.filter((entry) => entry !== reference && referenceRate > 0)
  const fisher = new Map(
    compared.map((entry) => [
      entry,
      fisherExactTwoSided([
        [entry.selected, entry.applicants - entry.selected],
        [reference!.selected, reference!.applicants - reference!.selected],
      ]),
    ]),
  )
  const adjusted = new Map(
    holmAdjusted([...fisher.values()]).map((p, k) => [compared[k]!, p] as const),
  )
  const groups = shown
    .map((entry): GroupImpact => {
      const rate = entry.selected / entry.applicants
      const isReference = entry === reference
      const ratio = isReference || referenceRate === 0 ? null : rate / referenceRate
      // In whole numbers, so a ratio of exactly 4/5 is never flagged by a rounding error.
      const below =
        ratio !== null &&
        5 * entry.selected * reference!.applicants < 4 * entry.applicants * reference!.selected
      const args = [
        entry.selected,
        entry.applicants,
        reference?.selected ?? 0,
        reference?.applicants ?? 0,
      ] as const
      const interval = ratio === null ? null : impactRatioInterval(...args)
      const z = ratio === null ? null : impactRatioZ(...args)
      const pAdjusted = adjusted.get(entry) ?? null
      let note: string | null = null
      if (isReference) note = 'The reference group: the others are compared with it.'
      else if (ratio === null) note = 'Nobody in the reference group was selected: no ratio.'
      else if (interval === null)
        note = 'Nobody in this group was selected: the ratio is 0 and has no log interval.'
      return {
        group: entry.group,
        applicants: entry.applicants,
        selected: entry.selected,
        selection_rate: rate,
        impact_ratio: ratio,
        below_four_fifths: below,
        impact_ratio_ci: interval,
        z_ir: z,
        z_ir_p: z === null ? null : normalTwoSidedP(z),
        fisher_p: fisher.get(entry) ?? null,
        fisher_p_adjusted: pAdjusted,
        flagged:
          below &&
          entry.applicants >= MIN_FLAG_APPLICANTS &&
          pAdjusted !== null &&
          pAdjusted < SIGNIFICANCE,
        note,
      }
    })
    .sort((a, b) => b.applicants - a.applicants)
  return {
    groups,
    reference_group: reference?.group ?? null,
    comparison_rule: COMPARISON_RULE,
    min_flag_applicants: MIN_FLAG_APPLICANTS,
    pooled: poolShown ? names(small) : [],
    suppressed: poolShown ? [] : names(small),
  }
}
