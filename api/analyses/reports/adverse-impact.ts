import { z } from '@hono/zod-openapi'
import { adverseImpact, adverseImpactSchema, FOUR_FIFTHS } from '../../analytics/adverse-impact'
import { textAt } from '../../dataset/dataset'
import { selectionAt, type Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import { withheld } from '../disclosure/withheld'

export const adverseImpactResponseSchema = z
  .object({
    ...contextShape,
    applicants: z.number().int().openapi({
      description:
        'Applications decided by as_of: hired (and started by then) or not hired; pending ones and hires not yet started are left out',
    }),
    not_stated: z
      .number()
      .int()
      .openapi({ description: 'Of those, without a self-identified group' }),
    reference_group: adverseImpactSchema.shape.reference_group,
    four_fifths: z.number(),
    groups: adverseImpactSchema.shape.groups,
    pooled: adverseImpactSchema.shape.pooled,
    suppressed: adverseImpactSchema.shape.suppressed,
    comparison_rule: adverseImpactSchema.shape.comparison_rule,
    min_flag_applicants: adverseImpactSchema.shape.min_flag_applicants,
  })
  .openapi('AdverseImpact')

/** Selection rates of the cohort's decided applications by self-identified group. */
export function adverseImpactResponse(cohort: Cohort): z.infer<typeof adverseImpactResponseSchema> {
  const { text } = cohort.dataset
  const byGroup = new Map<string | null, { applicants: number; selected: number }>()
  let decided = 0
  for (const row of cohort.rows) {
    const selection = selectionAt(cohort, row)
    if (selection === null) continue
    decided++
    const group = textAt(text.selfIdGroup, row)
    const entry = byGroup.get(group) ?? { applicants: 0, selected: 0 }
    entry.applicants++
    if (selection === 'hired') entry.selected++
    byGroup.set(group, entry)
  }
  // Everyone selected (or not) in one stated group would tell each of their groups.
  const withinOneGroup = (count: (entry: { applicants: number; selected: number }) => number) => {
    const holding = [...byGroup].filter(([, entry]) => count(entry) > 0)
    return holding.length === 1 && holding[0]![0] !== null
  }
  if (
    withinOneGroup((entry) => entry.selected) ||
    withinOneGroup((entry) => entry.applicants - entry.selected)
  ) {
    throw withheld(
      'Withheld: everyone selected, or everyone not selected, in this filter has the same self-identified group, so the figures would tell each of their groups.',
    )
  }
  const stated = [...byGroup].flatMap(([group, counts]) =>
    group === null ? [] : [{ group, ...counts }],
  )
  return {
    ...contextOf(cohort),
    applicants: decided,
    not_stated: byGroup.get(null)?.applicants ?? 0,
    four_fifths: FOUR_FIFTHS,
    ...adverseImpact(stated),
  }
}
