import { z } from '@hono/zod-openapi'
import { intervalSchema } from '../../analytics/correlation'
import { textAt } from '../../dataset/dataset'
import type { Cohort } from '../cohort'
import { contextOf, contextShape } from '../context'
import type { ShownBox } from '../disclosure/release'
import { minutesWithheld, saying } from '../disclosure/withheld'
import type { ValidityResponse } from './validity'

export const loopTimeResponseSchema = z
  .object({
    ...contextShape,
    total_minutes: z.number().nullable().openapi({
      description:
        "Interviewer minutes recorded over every area; null where an area's minutes are withheld from a hiring manager",
    }),
    areas: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        minutes: z.number().nullable().openapi({
          description: 'Interviewer minutes recorded on the area; null where withheld',
        }),
        share: z.number().nullable().openapi({
          description:
            "minutes / total_minutes; null without minutes, or where an area's minutes are withheld",
        }),
        loops: z.number().int().nullable().openapi({
          description: 'Loops that recorded minutes on the area; null where withheld',
        }),
        mean_minutes_per_loop: z.number().nullable(),
        r: z.number().nullable(),
        r_ci: intervalSchema.nullable(),
        r_corrected: z.number().nullable(),
        r_corrected_ci: intervalSchema.nullable(),
        auc: z.number().nullable(),
        insufficient: z.boolean(),
      }),
    ),
  })
  .openapi('LoopTime')
export type LoopTimeResponse = z.infer<typeof loopTimeResponseSchema>

/** Per area, interviewer minutes recorded over the cohort's loops, and the loops recorded. */
export function minutesByArea(cohort: Cohort): { total: number; loops: number }[] {
  return cohort.dataset.areaMinutes.map((column) => {
    let total = 0
    let loops = 0
    for (const row of cohort.rows) {
      if (Number.isNaN(column[row])) continue
      total += column[row]!
      loops++
    }
    return { total, loops }
  })
}

/**
 * Calendar quarters from the quarter of the cohort's first application to that of its last,
 * both counted; null without applications.
 */
export function quartersSpanned(cohort: Cohort): number | null {
  let first: string | null = null
  let last: string | null = null
  for (const row of cohort.rows) {
    const applied = textAt(cohort.dataset.text.appliedAt, row)
    if (applied === null) continue
    if (first === null || applied < first) first = applied
    if (last === null || applied > last) last = applied
  }
  if (first === null || last === null) return null
  const quarter = (date: string) =>
    Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3)
  return quarter(last) - quarter(first) + 1
}

/** Interviewer minutes spent on each area of the cohort's loops, beside the area's validity. */
export function loopTimeResponse(cohort: Cohort, validity: ValidityResponse): LoopTimeResponse {
  const minutes = minutesByArea(cohort)
  const total = minutes.reduce((sum, area) => sum + area.total, 0)
  return {
    ...contextOf(cohort),
    total_minutes: total,
    areas: cohort.dataset.areas.map((area, k) => {
      const row = validity.areas[k]!
      return {
        key: area.key,
        name: area.name,
        minutes: minutes[k]!.total,
        share: total > 0 ? minutes[k]!.total / total : null,
        loops: minutes[k]!.loops,
        mean_minutes_per_loop: minutes[k]!.loops > 0 ? minutes[k]!.total / minutes[k]!.loops : null,
        r: row.r,
        r_ci: row.r_ci,
        r_corrected: row.r_corrected,
        r_corrected_ci: row.r_corrected_ci,
        auc: row.auc,
        insufficient: row.insufficient,
      }
    }),
  }
}

/**
 * A restricted answer: each area's validity as the restricted validity table shows it, and
 * its minutes where they may be shown (see minutesWithheld). The total and the shares add up
 * every area, so they are withheld wherever one area's minutes are.
 */
export function restrictLoopTime(
  response: LoopTimeResponse,
  restrictedValidity: ValidityResponse,
  release: ShownBox,
): LoopTimeResponse {
  const withheldFigures: LoopTimeResponse['disclosure']['withheld'] = []
  const areas = response.areas.map((area, k) => {
    const shown = restrictedValidity.areas[k]!
    const minutes = minutesWithheld(release, area)
    if (minutes) withheldFigures.push(minutes)
    return {
      ...area,
      ...(minutes ? { minutes: null, loops: null, mean_minutes_per_loop: null } : {}),
      r: shown.r,
      r_ci: shown.r_ci,
      r_corrected: shown.r_corrected,
      r_corrected_ci: shown.r_corrected_ci,
      auc: shown.auc,
    }
  })
  if (withheldFigures.length === 0) return { ...response, areas }
  return saying(
    {
      ...response,
      total_minutes: null,
      areas: areas.map((area) => ({ ...area, share: null })),
    },
    [
      ...withheldFigures,
      {
        figure: 'total_minutes',
        reason:
          "The total of interviewer minutes and each area's share of it are withheld, as they add up the minutes withheld.",
      },
    ],
  )
}
