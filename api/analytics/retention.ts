import { z } from 'zod'
import { intervalSchema } from './correlation'
import { dayNumber } from './dates'

export const RETENTION_HORIZON_DAYS = 365

/**
 * Twelve-month retention of a group of hires with a known outcome, with a Wilson interval;
 * insufficient below MIN_HIRES.
 */
export const retentionRateShape = {
  n_outcome: z.number().int(),
  retained: z.number().int(),
  retention_rate: z.number().nullable(),
  retention_rate_ci: intervalSchema.nullable(),
  insufficient: z.boolean(),
}

export interface HireSpan {
  startDate: string
  endDate: string | null
}

/** Whether the hire had started by the date: later starts are not yet hires then. */
export function startedBy(hire: HireSpan, asOf: string): boolean {
  return hire.startDate <= asOf
}

/**
 * Twelve-month retention of a hire as known on a date: 0 if they left within 365 days of
 * starting, 1 once 365 days have passed without such an end, null while still inside the
 * first year. An end after `asOf` was not known then, so it does not count.
 */
export function retained12m(hire: HireSpan, asOf: string): 0 | 1 | null {
  const start = dayNumber(hire.startDate)
  const known = hire.endDate !== null && hire.endDate <= asOf
  if (known && dayNumber(hire.endDate!) - start < RETENTION_HORIZON_DAYS) return 0
  if (start + RETENTION_HORIZON_DAYS <= dayNumber(asOf)) return 1
  return null
}

/** What an analysis needs to know of an application to tell whether it is a hire, and how it went. */
export interface HireFacts {
  decision: string
  startDate: string | null
  endDate: string | null
}

/** The hire's employment span if it is a hire that had started by `asOf`, else null. */
export function hireAsOf(application: HireFacts, asOf: string): HireSpan | null {
  if (application.decision !== 'hired' || application.startDate === null) return null
  const hire = { startDate: application.startDate, endDate: application.endDate }
  return startedBy(hire, asOf) ? hire : null
}

/** Twelve-month retention of an application as known on `asOf`: null unless a hire with a known outcome. */
export function outcomeAsOf(application: HireFacts, asOf: string): 0 | 1 | null {
  const hire = hireAsOf(application, asOf)
  return hire ? retained12m(hire, asOf) : null
}
