import { z } from '@hono/zod-openapi'
import {
  countApplication,
  emptyCounts,
  groupRates,
  groupRateSchema,
  type GroupCounts,
} from '../../analytics/group-rates'
import { textAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'

export const groupRatesResponseSchema = z
  .object({ ...contextShape, groups: z.array(groupRateSchema) })
  .openapi('GroupRates')

/** Hire and retention rates of the cohort's applications in each group `groupsOf` names. */
function ratesBy(cohort: Cohort, groupsOf: (row: number) => Iterable<string>) {
  const groups = new Map<string, GroupCounts>()
  for (const row of cohort.rows) {
    const decision = textAt(cohort.dataset.text.decision, row)!
    const known = cohort.outcomeOfRow[row]!
    const outcome = known === -1 ? null : (known as 0 | 1)
    for (const key of groupsOf(row)) {
      const counts = groups.get(key) ?? emptyCounts()
      countApplication(counts, decision, outcome)
      groups.set(key, counts)
    }
  }
  return { ...contextOf(cohort), groups: groupRates(groups) }
}

/** Rates by red-flag tag: an application counts under every tag any of its ratings carry. */
export function redFlagsResponse(
  cohort: Cohort,
  tagsByApplication: ReadonlyMap<string, readonly string[]>,
): z.infer<typeof groupRatesResponseSchema> {
  return ratesBy(cohort, (row) => tagsByApplication.get(textAt(cohort.dataset.text.id, row)!) ?? [])
}

export function backgroundsResponse(cohort: Cohort): z.infer<typeof groupRatesResponseSchema> {
  return ratesBy(cohort, (row) => [textAt(cohort.dataset.text.background, row) ?? 'not stated'])
}
