import { z } from '@hono/zod-openapi'
import { ratersNeeded, spearmanBrown, wholeRatersNeeded } from '../../analytics/reliability'
import type { AreaRaters } from '../area-reliability'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'
import { minutesWithheld, saying } from '../disclosure/withheld'
import { formatP, type IncrementalValidityResponse } from './incremental-validity'
import { minutesByArea, quartersSpanned } from './loop-time'

/** Reliabilities a talent lead aims for: .70 for research use, .80 for decisions about people. */
export const TARGET_RELIABILITIES = [0.7, 0.8] as const
export const RATER_STEPS = [1, 2, 3, 4, 5] as const

const ratersForTarget = z.object({
  target: z.number(),
  raters: z.number().nullable().openapi({
    description: 'k = R(1 − ρ₁) / (ρ₁(1 − R)); null when ρ₁ ≤ 0 (no number of raters gets there)',
  }),
  whole_raters: z.number().int().nullable(),
})

export const panelSizingResponseSchema = z
  .object({
    ...contextShape,
    quarters: z.number().int().nullable().openapi({
      description: "Calendar quarters from the cohort's first application to its last",
    }),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        icc1: z.number().nullable().openapi({ description: 'One-way ICC(1) of single ratings' }),
        n_groups: z.number().int().nullable(),
        reliability_by_raters: z.array(
          z.object({ raters: z.number().int(), reliability: z.number().nullable() }),
        ),
        raters_today: z
          .number()
          .nullable()
          .openapi({ description: 'Mean interviewers per loop rating the area' }),
        reliability_today: z.number().nullable(),
        raters_needed: z.array(ratersForTarget),
        minutes_per_loop: z.number().nullable(),
        hours_per_quarter: z.number().nullable().openapi({
          description: 'Interviewer hours recorded on the area per calendar quarter',
        }),
        lr_p: z.number().nullable().openapi({
          description: 'p of the area’s likelihood-ratio test against the model of the others',
        }),
        note: z.string().nullable().openapi({
          description:
            'About the hours spent, in words: only says the area adds nothing detectable when its LR test, above the data floor, finds nothing',
        }),
        not_computable: z.string().nullable(),
      }),
    ),
  })
  .openapi('PanelSizing')
export type PanelSizingResponse = z.infer<typeof panelSizingResponseSchema>
type PanelArea = PanelSizingResponse['areas'][number]

const formatHours = (hours: number) => (hours >= 10 ? hours.toFixed(0) : hours.toFixed(1))

/** What the hours spent on an area say, given what the LR test found. */
function noteOf(
  name: string,
  hours: number | null,
  increment: IncrementalValidityResponse['areas'][number] | undefined,
): string | null {
  if (hours === null || !increment) return null
  const spent = `You spend about ${formatHours(hours)} interviewer-hours a quarter on ${name}`
  if (increment.adds === 'nothing_detectable') {
    return `${spent}, an area that adds nothing detectable beyond the other areas (LR p ${formatP(increment.p!)}). Not detecting it is not proof it adds nothing; more hires would tell.`
  }
  if (increment.adds === 'adds') return `${spent}; it adds to what the other areas predict.`
  return `${spent}. The data cannot tell yet whether it adds anything beyond the other areas.`
}

/** Per area: how reliable its score is now, how many interviewers it needs, and their time. */
export function panelSizingResponse(
  cohort: Cohort,
  increments: IncrementalValidityResponse,
  raters: readonly AreaRaters[],
): PanelSizingResponse {
  const minutes = minutesByArea(cohort)
  const quarters = quartersSpanned(cohort)
  return {
    ...contextOf(cohort),
    quarters,
    areas: cohort.dataset.areas.map((area, k): PanelArea => {
      const { icc1, n_groups, raters_pool } = raters[k]!
      const hours =
        minutes[k]!.loops > 0 && quarters !== null ? minutes[k]!.total / 60 / quarters : null
      const increment = increments.areas[k]
      return {
        key: area.key,
        name: area.name,
        icc1,
        n_groups,
        reliability_by_raters: RATER_STEPS.map((step) => ({
          raters: step,
          reliability: icc1 === null ? null : spearmanBrown(icc1, step),
        })),
        raters_today: raters_pool,
        reliability_today:
          icc1 === null || raters_pool === null ? null : spearmanBrown(icc1, raters_pool),
        raters_needed: TARGET_RELIABILITIES.map((target) => ({
          target,
          raters: icc1 === null ? null : ratersNeeded(icc1, target),
          whole_raters: icc1 === null ? null : wholeRatersNeeded(icc1, target),
        })),
        minutes_per_loop: minutes[k]!.loops > 0 ? minutes[k]!.total / minutes[k]!.loops : null,
        hours_per_quarter: hours,
        lr_p: increment?.p ?? null,
        note: noteOf(area.name, hours, increment),
        not_computable:
          icc1 === null
            ? 'No ICC(1): it needs at least two applications rated in the area, some by two or more interviewers, and ratings that are not all the same.'
            : icc1 <= 0
              ? 'The ratings agree no better than chance (ICC(1) ≤ 0): no number of interviewers makes the mean reliable.'
              : null,
      }
    }),
  }
}

/**
 * A restricted answer: reliabilities rest on the applicants rated in the area, so they need
 * the floor of the pool; hours and minutes per loop the loops with minutes recorded (see
 * minutesWithheld); the LR test and what it says rest on the model of all areas.
 */
export function restrictPanelSizing(
  response: PanelSizingResponse,
  release: ShownBox,
  restrictedIncrements: IncrementalValidityResponse | null,
): PanelSizingResponse {
  const withheldFigures: PanelSizingResponse['disclosure']['withheld'] = []
  const areas = response.areas.map((area, k): PanelArea => {
    const increment = restrictedIncrements?.areas[k]
    const minutes = minutesWithheld(release, area)
    if (minutes) withheldFigures.push(minutes)
    const hours = minutes ? null : area.hours_per_quarter
    const shown = {
      ...area,
      minutes_per_loop: minutes ? null : area.minutes_per_loop,
      hours_per_quarter: hours,
      lr_p: increment?.p ?? null,
      note: noteOf(area.name, hours, increment),
    }
    if (release.visible(`pool ${area.key}`)) return shown
    withheldFigures.push({
      figure: `areas.${area.key}`,
      reason: `${area.name}: reliability withheld, as fewer than ${release.floor} of other managers' applicants were rated in it.`,
    })
    return {
      ...shown,
      icc1: null,
      n_groups: null,
      reliability_by_raters: area.reliability_by_raters.map((step) => ({
        ...step,
        reliability: null,
      })),
      raters_today: null,
      reliability_today: null,
      raters_needed: area.raters_needed.map((entry) => ({
        ...entry,
        raters: null,
        whole_raters: null,
      })),
      not_computable: `Withheld: fewer than ${release.floor} of other managers' applicants were rated in this area.`,
    }
  })
  if (!restrictedIncrements) {
    withheldFigures.push({
      figure: 'areas.lr_p',
      reason: `What each area adds beyond the others is withheld: fewer than ${release.floor} hires of other managers' requisitions scored in every area stayed, or fewer than ${release.floor} left.`,
    })
  }
  return saying({ ...response, areas }, withheldFigures)
}
