import { z } from '@hono/zod-openapi'

/**
 * One zod schema per kind of field a person types into a setting, shared by every route that
 * takes one, so each kind is checked the same way wherever it is written.
 */

/** An email address, as sign-in and the user settings take it. */
export const emailSchema = z.email().max(254).openapi({ example: 'lead@example.com' })

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/** One line of text: trimmed, within its length, with no control characters (U+0000–U+001F, U+007F). */
export const textField = ({ min = 1, max }: { min?: number; max: number }) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((text) => !CONTROL_CHARACTERS.test(text), {
      error: 'must not contain control characters (U+0000–U+001F, U+007F)',
    })

/** The earliest day a setting may name. */
export const EARLIEST_DAY = '1970-01-01'

/** The latest day a setting may name: a year from today. */
export function latestDay(today: Date = new Date()): string {
  const day = new Date(today)
  day.setUTCFullYear(day.getUTCFullYear() + 1)
  return day.toISOString().slice(0, 10)
}

/** Whether a YYYY-MM-DD text names a day of the calendar (not 2026-02-30). */
function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/**
 * A date given as YYYY, YYYY-MM or YYYY-MM-DD (a source's publication date), a real day from
 * 1970-01-01 to a year from today.
 */
export const partialDateField = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be YYYY, YYYY-MM or YYYY-MM-DD' })
  .superRefine((text, context) => {
    const first = text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text
    if (!isCalendarDay(first)) {
      context.addIssue({ code: 'custom', message: `is not a date of the calendar (${text})` })
      return
    }
    const latest = latestDay()
    if (first < EARLIEST_DAY || first > latest) {
      context.addIssue({
        code: 'custom',
        message: `must be from ${EARLIEST_DAY} to ${latest} (got ${text})`,
      })
    }
  })
