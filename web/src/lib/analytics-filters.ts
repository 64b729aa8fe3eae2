import { useSearchParams } from 'react-router'
import { HIRE_TYPES, LEVELS, type HireType, type Level } from '../../../db/domain'

/** The filters the analytics views share, kept in the URL so a link shares the exact view. */
export interface AnalyticsFilters {
  level?: Level
  hire_type?: HireType
  as_of?: string
  requisition_id?: string
  /** Applications made on or after this day. */
  from?: string
  /** Applications made on or before this day. */
  to?: string
}

export type FilterField = keyof AnalyticsFilters

const isOneOf = <Value extends string>(values: readonly Value[], value: string | null) =>
  values.includes(value as Value) ? (value as Value) : undefined

const isoDate = (value: string | null) =>
  value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined

/** The API's limit on a requisition id. */
const REQUISITION_ID_MAX = 128

/** Why a date range cannot be asked for, or null when it can. */
export function dateRangeProblem(from: string | undefined, to: string | undefined): string | null {
  return from && to && from > to ? '“Applied from” must be on or before “applied to”.' : null
}

/** The view's filters read from the URL; values that are not valid are left out. */
export function filtersFrom(
  params: URLSearchParams,
  fields: readonly FilterField[],
): AnalyticsFilters {
  const requisition = params.get('requisition_id')?.trim()
  const from = isoDate(params.get('from'))
  const to = isoDate(params.get('to'))
  // A range that ends before it starts is left out whole: half of it would be another question.
  const rangeValid = dateRangeProblem(from, to) === null
  const all: AnalyticsFilters = {
    level: isOneOf(LEVELS, params.get('level')),
    hire_type: isOneOf(HIRE_TYPES, params.get('hire_type')),
    as_of: isoDate(params.get('as_of')),
    requisition_id:
      requisition && requisition.length <= REQUISITION_ID_MAX ? requisition : undefined,
    from: rangeValid ? from : undefined,
    to: rangeValid ? to : undefined,
  }
  return Object.fromEntries(fields.map((field) => [field, all[field]]))
}

/** Whether any filter is set, as_of included: an empty answer then may be the filters' doing. */
export const hasFilters = (filters: AnalyticsFilters): boolean =>
  Object.values(filters).some((value) => value !== undefined)

/**
 * The view's filters and a setter that writes them to the URL; the view's other parameters
 * (a table's sort order) stay as they are.
 */
export function useAnalyticsFilters(
  fields: readonly FilterField[],
): [AnalyticsFilters, (next: AnalyticsFilters) => void] {
  const [params, setParams] = useSearchParams()
  const filters = filtersFrom(params, fields)
  const setFilters = (next: AnalyticsFilters) =>
    setParams((current) => {
      const updated = new URLSearchParams(current)
      for (const field of fields) {
        const value = next[field]
        if (value === undefined) updated.delete(field)
        else updated.set(field, value)
      }
      return updated
    })
  return [filters, setFilters]
}
