import type { Axis } from './axis'

const LOG_STEPS = [1, 2, 5]

/** Round positions on a log axis (…, .5, 1, 2, 5, …) taking in `low`, `high` and 1. */
export function logAxis(low: number, high: number): Axis {
  const candidates = [-3, -2, -1, 0, 1, 2, 3].flatMap((power) =>
    LOG_STEPS.map((step) => Number((step * 10 ** power).toPrecision(1))),
  )
  const start = [...candidates].reverse().find((tick) => tick <= Math.min(1, low)) ?? candidates[0]!
  const end = candidates.find((tick) => tick >= Math.max(1, high)) ?? candidates.at(-1)!
  const within = candidates.filter((tick) => tick >= start && tick <= end)
  if (within.length <= 9) return { domain: [start, end], ticks: within }
  // Past a few decades 2 and 5 crowd the axis: whole decades alone read better.
  const decades = candidates.filter(
    (tick) =>
      Math.log10(tick) % 1 === 0 &&
      tick >= 10 ** Math.floor(Math.log10(start)) &&
      tick <= 10 ** Math.ceil(Math.log10(end)),
  )
  return { domain: [decades[0]!, decades.at(-1)!], ticks: decades }
}
