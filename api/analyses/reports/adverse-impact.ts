import { z } from '@hono/zod-openapi'
import { adverseImpact, adverseImpactSchema, FOUR_FIFTHS } from '../../analytics/adverse-impact'
import { textAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'

export const adverseImpactResponseSchema = z
  .object({
    ...contextShape,
    applicants: z.number().int().openapi({ description: 'Decided applications in the filter' }),
    not_stated: z
      .number()
      .int()
      .openapi({ description: 'Of those, without a self-identified group' }),
    reference_group: adverseImpactSchema.shape.reference_group,
    four_fifths: z.number(),
    groups: adverseImpactSchema.shape.groups,
    pooled: adverseImpactSchema.shape.pooled,
    suppressed: adverseImpactSchema.shape.suppressed,
  })
  .openapi('AdverseImpact')

/** Selection rates of the cohort's decided applications by self-identified group. */
export function adverseImpactResponse(cohort: Cohort): z.infer<typeof adverseImpactResponseSchema> {
  const { text } = cohort.dataset
  const byGroup = new Map<string, { applicants: number; selected: number }>()
  let decided = 0
  let notStated = 0
  for (const row of cohort.rows) {
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
    ...contextOf(cohort),
    applicants: decided,
    not_stated: notStated,
    four_fifths: FOUR_FIFTHS,
    ...adverseImpact([...byGroup].map(([group, counts]) => ({ group, ...counts }))),
  }
}
