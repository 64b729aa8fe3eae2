const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

// Analyses convert the same few thousand dates over and over; each is parsed once.
const DAY_NUMBERS = new Map<string, number>()
const MAX_REMEMBERED = 100_000

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD`; NaN when it is not a real date. */
export function dayNumber(isoDate: string): number {
  const known = DAY_NUMBERS.get(isoDate)
  if (known !== undefined) return known
  const day = parseDayNumber(isoDate)
  if (DAY_NUMBERS.size >= MAX_REMEMBERED) DAY_NUMBERS.clear()
  DAY_NUMBERS.set(isoDate, day)
  return day
}

function parseDayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate)
  if (!match) return Number.NaN
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const time = Date.UTC(year, month - 1, day)
  const check = new Date(time)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return Number.NaN
  if (check.getUTCDate() !== day) return Number.NaN
  return time / MS_PER_DAY
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(dayNumber(value))
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10)
}
