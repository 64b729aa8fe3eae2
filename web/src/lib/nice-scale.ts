export interface NiceScale {
  domain: [number, number]
  ticks: number[]
}

const STEP_MULTIPLES = [1, 2, 2.5, 5, 10]

/**
 * An axis from `low` to `high` on round numbers (1, 2, 2.5 or 5 times a power of ten), with
 * about `tickCount` ticks, so charts of different data read on the same kind of scale.
 */
export function niceScale(low: number, high: number, tickCount = 6): NiceScale {
  const span = high > low ? high - low : Math.abs(high) || 1
  const rough = span / Math.max(1, tickCount - 1)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = power * STEP_MULTIPLES.find((multiple) => multiple * power >= rough)!
  const start = Math.floor(low / step) * step
  const end = Math.max(Math.ceil(high / step) * step, start + step)
  const ticks: number[] = []
  // Rounded so that 0.1 + 0.2 style sums do not show as 0.30000000000000004 on an axis.
  for (let tick = start; tick <= end + step / 2; tick += step) ticks.push(Number(tick.toFixed(10)))
  return { domain: [ticks[0]!, ticks.at(-1)!], ticks }
}
