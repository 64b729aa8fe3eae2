import { HIRE_TYPES, LEVELS, type HireType, type Level } from '../../../db/domain'
import type { AnalyticsFilters } from '../filters'

/**
 * A population a restricted answer may describe: one level or all, one hire type or all, and
 * a range of calendar years of application, as known on the publication date.
 */
export interface Box {
  level: Level | null
  hireType: HireType | null
  firstYear: number
  lastYear: number
}

export const boxKey = (box: Box) =>
  `${box.level ?? '*'}|${box.hireType ?? '*'}|${box.firstYear}-${box.lastYear}`

/**
 * The date restricted answers are as of: the last day of the last calendar quarter that
 * ended before today. Every restricted viewer gets the same one, whatever as_of they ask for.
 */
export function publicationDate(today: string): string {
  const year = Number(today.slice(0, 4))
  const quarterEnds = [
    `${year - 1}-12-31`,
    `${year}-03-31`,
    `${year}-06-30`,
    `${year}-09-30`,
    `${year}-12-31`,
  ]
  return quarterEnds.filter((end) => end < today).at(-1)!
}

/**
 * The windows of application years a restricted answer may cover, widest first: all years,
 * the years since each year (to the publication year), and each year alone.
 */
export function yearWindows(firstYear: number, lastYear: number): [number, number][] {
  const windows: [number, number][] = []
  for (let year = firstYear; year <= lastYear; year++) windows.push([year, lastYear])
  for (let year = lastYear - 1; year >= firstYear; year--) windows.push([year, year])
  return windows
}

/**
 * Every box of the family over the given years, in the order they are considered for
 * release: the broadest first (fewest of level, hire type and a narrower window set), then
 * wider windows, then level and hire type in their usual order.
 */
export function familyOf(firstYear: number, lastYear: number): Box[] {
  const boxes: Box[] = []
  for (const level of [null, ...LEVELS]) {
    for (const hireType of [null, ...HIRE_TYPES]) {
      for (const [first, last] of yearWindows(firstYear, lastYear)) {
        boxes.push({ level, hireType, firstYear: first, lastYear: last })
      }
    }
  }
  const narrowness = (box: Box) =>
    (box.level === null ? 0 : 1) +
    (box.hireType === null ? 0 : 1) +
    (box.firstYear === firstYear && box.lastYear === lastYear ? 0 : 1)
  // Array.prototype.sort is stable: within a narrowness the order above stays.
  return boxes.sort(
    (a, b) =>
      narrowness(a) - narrowness(b) || b.lastYear - b.firstYear - (a.lastYear - a.firstYear),
  )
}

export interface Coarsened {
  box: Box
  /** The filters the answer is computed for: as_of the publication date, whole years. */
  filters: AnalyticsFilters
  /** What was changed from the request, in words; empty when nothing was. */
  notes: string[]
}

/**
 * The box a restricted request falls in: as_of moves to the publication date and from/to
 * widen to whole calendar years (a range of several years runs to the publication year).
 * Null when the request covers no year with applications.
 */
export function coarsen(
  filters: AnalyticsFilters,
  publication: string,
  firstYear: number,
): Coarsened | null {
  const lastYear = Number(publication.slice(0, 4))
  const notes: string[] = []
  if (filters.as_of !== undefined && filters.as_of !== publication) {
    notes.push(`as of ${publication} (asked: ${filters.as_of})`)
  }
  const askedFirst = filters.from ? Number(filters.from.slice(0, 4)) : firstYear
  const askedLast = filters.to ? Number(filters.to.slice(0, 4)) : lastYear
  const first = Math.max(askedFirst, firstYear)
  let last = Math.min(askedLast, lastYear)
  if (first > last) return null
  if (first !== last) last = lastYear
  const from = first === firstYear ? undefined : `${first}-01-01`
  const to = last === lastYear ? undefined : `${last}-12-31`
  if (filters.from !== from || filters.to !== to) {
    const years = first === last ? `${first}` : `${first} to ${last}`
    notes.push(
      `applications of ${years} (asked: ${filters.from ?? 'any'} to ${filters.to ?? 'any'})`,
    )
  }
  const coarse: AnalyticsFilters = { ...filters, as_of: publication }
  delete coarse.from
  delete coarse.to
  if (from !== undefined) coarse.from = from
  if (to !== undefined) coarse.to = to
  return {
    box: {
      level: filters.level ?? null,
      hireType: filters.hire_type ?? null,
      firstYear: first,
      lastYear: last,
    },
    filters: coarse,
    notes,
  }
}
