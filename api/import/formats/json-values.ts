/** Helpers for reading values out of untrusted JSON records without trusting their types. */

export type JsonObject = Record<string, unknown>

export function asRecord(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : null
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** What a JSON value is, for a message: "an array", "a string", "null". */
export const kindOf = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`

/** A scalar as text: strings as they are, numbers and booleans written out, anything else ''. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}

/**
 * The calendar day of a timestamp: "2024-03-05T10:00:00Z" → "2024-03-05", milliseconds since
 * 1970 too. Anything else is returned as text, so the date check can say what is wrong.
 */
export function isoDay(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value)
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().slice(0, 10)
  }
  const text = textOf(value)
  return /^\d{4}-\d{2}-\d{2}([T ]|$)/.test(text) ? text.slice(0, 10) : text
}

/** A problem in a JSON record: where (a JSONPath), which canonical column, and what. */
export interface RecordProblem {
  path: string
  column: string | null
  message: string
}

/** A record turned into the canonical columns (as text, to be checked like a CSV row). */
export interface ConvertedRow {
  values: Record<string, string> | null
  problems: RecordProblem[]
}
