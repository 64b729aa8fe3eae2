import { z } from '@hono/zod-openapi'
import {
  areaIncrementSchema,
  incrementalValidity,
  noIncrement,
} from '../../analytics/incremental-validity'
import { tooFewHires } from '../../analytics/power'
import { modelCases, type Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'
import { minutesWithheld, saying } from '../disclosure/withheld'
import { requireModelCases } from './validity'
import { minutesByArea } from './loop-time'

const SIGNIFICANCE = 0.05

export const incrementalValidityResponseSchema = z
  .object({
    ...contextShape,
    n: z.number().int().openapi({ description: 'Hires with a known outcome scored in every area' }),
    n_retained: z.number().int(),
    n_left: z.number().int(),
    full_cv_auc: z.number().nullable(),
    insufficient: z.boolean(),
    message: z.string().nullable().openapi({ description: 'Why no area has figures; else null' }),
    areas: z.array(
      areaIncrementSchema.extend({
        name: z.string(),
        minutes_per_loop: z.number().nullable().openapi({
          description:
            'Mean interviewer minutes per loop on the area; null when not recorded, or withheld from a hiring manager',
        }),
        adds: z.enum(['adds', 'nothing_detectable', 'cannot_tell']).openapi({
          description:
            'adds: the LR test finds it adds to the other areas (p < .05); nothing_detectable: it does not (which is not proof it adds nothing); cannot_tell: too few hires, or not computable',
        }),
        finding: z.string().openapi({ description: 'What the test says, in words' }),
      }),
    ),
  })
  .openapi('IncrementalValidity')
export type IncrementalValidityResponse = z.infer<typeof incrementalValidityResponseSchema>
type AreaRow = IncrementalValidityResponse['areas'][number]

/** A p as the answers write it: = .019, < .001. */
export const formatP = (p: number) => (p < 0.001 ? '< .001' : `= ${p.toFixed(3).replace(/^0/, '')}`)

/** What an area's test says in words, and no more than it supports. */
function findingOf(name: string, p: number | null, reason: string | null) {
  if (p === null) {
    return {
      adds: 'cannot_tell' as const,
      finding:
        `The data cannot tell yet what ${name} adds beyond the other areas. ${reason ?? ''}`.trim(),
    }
  }
  if (p < SIGNIFICANCE) {
    return {
      adds: 'adds' as const,
      finding: `${name} adds to the prediction of twelve-month retention beyond the other areas (LR p ${formatP(p)}).`,
    }
  }
  return {
    adds: 'nothing_detectable' as const,
    finding: `${name} adds nothing detectable beyond the other areas (LR p ${formatP(p)}); that is not proof that it adds nothing.`,
  }
}

/** Per area, what it adds to the model of the others, and the minutes it costs. */
export function incrementalValidityResponse(cohort: Cohort): IncrementalValidityResponse {
  const { dataset } = cohort
  const { cases } = modelCases(cohort)
  const keys = dataset.areas.map((area) => area.key)
  const stayed = cases.filter((entry) => entry.outcome === 1).length
  const tooFew = tooFewHires(stayed, cases.length - stayed)
  const report =
    tooFew === null
      ? incrementalValidity(keys, cases)
      : {
          n: cases.length,
          n_retained: stayed,
          n_left: cases.length - stayed,
          full_deviance: null,
          full_cv_auc: null,
          message: tooFew,
          areas: keys.map((key) => noIncrement(key, tooFew)),
        }
  const minutes = minutesByArea(cohort)
  return {
    ...contextOf(cohort),
    n: report.n,
    n_retained: report.n_retained,
    n_left: report.n_left,
    full_cv_auc: report.full_cv_auc,
    insufficient: tooFew !== null,
    message: report.message,
    areas: report.areas.map((increment, k): AreaRow => {
      const name = dataset.areas[k]!.name
      return {
        ...increment,
        name,
        minutes_per_loop: minutes[k]!.loops > 0 ? minutes[k]!.total / minutes[k]!.loops : null,
        ...findingOf(name, increment.p, increment.not_computable),
      }
    }),
  }
}

/**
 * A restricted answer: every figure rests on the model of all areas, which needs the floor;
 * an area's minutes per loop are shown where its minutes may be (see minutesWithheld).
 */
export function restrictIncrementalValidity(
  response: IncrementalValidityResponse,
  release: ShownBox,
): IncrementalValidityResponse {
  requireModelCases(release)
  const withheldFigures: IncrementalValidityResponse['disclosure']['withheld'] = []
  const areas = response.areas.map((area): AreaRow => {
    const minutes = minutesWithheld(release, area)
    if (!minutes) return area
    withheldFigures.push(minutes)
    return { ...area, minutes_per_loop: null }
  })
  return saying({ ...response, areas }, withheldFigures)
}
