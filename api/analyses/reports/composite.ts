import { z } from '@hono/zod-openapi'
import { LEVELS, type Level } from '../../../db/domain'
import {
  compositeValidity,
  compositeValiditySchema,
  suggestedComposite,
  type RetentionModel,
} from '../../analytics/retention-model'
import { textAt } from '../../dataset/dataset'
import { modelCases, type Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import { byArea, parseWeights } from '../weights'

const areaWeights = z.record(z.string(), z.number())

export const compositeResponseSchema = z
  .object({
    ...contextShape,
    n: z.number().int().openapi({ description: 'Hires with a known outcome scored in every area' }),
    current: z.object({
      weights_by_level: z.record(z.string(), areaWeights),
      validity: compositeValiditySchema,
    }),
    suggested: z.object({
      weights: areaWeights.nullable(),
      message: z.string().nullable(),
      validity: compositeValiditySchema.nullable(),
    }),
    proposed: z.object({ weights: areaWeights, validity: compositeValiditySchema }).nullable(),
  })
  .openapi('Composite')

/**
 * The level-weighted composite of the cohort: its validity with the current weights, with
 * weights suggested by the model of all areas, and with the proposed weights if any.
 */
export function compositeResponse(
  cohort: Cohort,
  model: RetentionModel,
  proposedText: string | undefined,
): z.infer<typeof compositeResponseSchema> {
  const areas = cohort.dataset.areas
  const proposed = proposedText === undefined ? null : parseWeights(proposedText, areas)
  const { cases, rows } = modelCases(cohort)
  const levelWeights = (level: Level) => areas.map((area) => area.weights[level] ?? 0)
  const suggested = suggestedComposite(model, cases)
  return {
    ...contextOf(cohort),
    n: cases.length,
    current: {
      weights_by_level: Object.fromEntries(
        LEVELS.map((level) => [level, byArea(areas, levelWeights(level))]),
      ),
      validity: compositeValidity(cases, (i) =>
        levelWeights(textAt(cohort.dataset.text.level, rows[i]!) as Level),
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
}
