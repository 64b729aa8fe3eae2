import { z } from '@hono/zod-openapi'
import { LEVELS, type Level } from '../../../db/domain'
import {
  compositeValidity,
  compositeValiditySchema,
  suggestedComposite,
  type RetentionModel,
} from '../../analytics/retention-model'
import { tooFewHires } from '../../analytics/power'
import { textAt } from '../../dataset/dataset'
import { modelCases, type Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import { byArea, parseWeights } from '../weights'

const areaWeights = z.record(z.string(), z.number())

export const compositeResponseSchema = z
  .object({
    ...contextShape,
    n: z.number().int().openapi({ description: 'Hires with a known outcome scored in every area' }),
    too_few: z.string().nullable().openapi({
      description:
        'Why no composite is validated (below the rule for enough data); null when it is',
    }),
    current: z.object({
      weights_by_level: z.record(z.string(), areaWeights),
      validity: compositeValiditySchema.nullable(),
    }),
    suggested: z.object({
      weights: areaWeights.nullable(),
      message: z.string().nullable(),
      validity: compositeValiditySchema.nullable(),
    }),
    proposed: z
      .object({ weights: areaWeights, validity: compositeValiditySchema.nullable() })
      .nullable(),
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
  const stayed = cases.filter((entry) => entry.outcome === 1).length
  const tooFew = tooFewHires(stayed, cases.length - stayed)
  const validated = <Validity>(validity: () => Validity) => (tooFew === null ? validity() : null)
  return {
    ...contextOf(cohort),
    n: cases.length,
    too_few: tooFew,
    current: {
      weights_by_level: Object.fromEntries(
        LEVELS.map((level) => [level, byArea(areas, levelWeights(level))]),
      ),
      validity: validated(() =>
        compositeValidity(cases, (i) =>
          levelWeights(textAt(cohort.dataset.text.level, rows[i]!) as Level),
        ),
      ),
    },
    suggested: {
      weights: suggested.weights ? byArea(areas, suggested.weights) : null,
      message: suggested.message,
      validity: suggested.validity,
    },
    proposed: proposed
      ? {
          weights: byArea(areas, proposed),
          validity: validated(() => compositeValidity(cases, () => proposed)),
        }
      : null,
  }
}
