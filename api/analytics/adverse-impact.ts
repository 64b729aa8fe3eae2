import { z } from 'zod'
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
      fisher_p: z.number().nullable(),
    }),
  ),
  pooled: z.array(z.string()),
  suppressed: z.array(z.string()),
})
export type AdverseImpact = z.infer<typeof adverseImpactSchema>
type GroupImpact = AdverseImpact['groups'][number]

/**
 * Selection rate per group, impact ratio against the group with the highest rate, the
 * four-fifths flag and Fisher's exact p. Small groups (see MIN_GROUP_APPLICANTS) are pooled,
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
  const groups = shown
    .map((entry): GroupImpact => {
      const rate = entry.selected / entry.applicants
      const isReference = entry === reference
      const referenceRate = reference ? reference.selected / reference.applicants : 0
      const ratio = isReference || referenceRate === 0 ? null : rate / referenceRate
      return {
        group: entry.group,
        applicants: entry.applicants,
        selected: entry.selected,
        selection_rate: rate,
        impact_ratio: ratio,
        // In whole numbers, so a ratio of exactly 4/5 is never flagged by a rounding error.
        below_four_fifths:
          ratio !== null &&
          5 * entry.selected * reference!.applicants < 4 * entry.applicants * reference!.selected,
        fisher_p:
          isReference || !reference
            ? null
            : fisherExactTwoSided([
                [entry.selected, entry.applicants - entry.selected],
                [reference.selected, reference.applicants - reference.selected],
              ]),
      }
    })
    .sort((a, b) => b.applicants - a.applicants)
  return {
    groups,
    reference_group: reference?.group ?? null,
    pooled: poolShown ? names(small) : [],
    suppressed: poolShown ? [] : names(small),
  }
}
