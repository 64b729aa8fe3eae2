import { toCsv } from '../../../../../common/csv'
import type { AreaLoopTime } from '../api/get-loop-time'

const HEADER = [
  'area_key',
  'area',
  'minutes',
  'share',
  'loops',
  'mean_minutes_per_loop',
  'r',
  'r_ci_lower',
  'r_ci_upper',
  'r_corrected',
  'r_corrected_ci_lower',
  'r_corrected_ci_upper',
  'auc',
  'insufficient',
]

/** Time spent and validity of every area, as a CSV file's text. */
export function loopTimeCsv(areas: readonly AreaLoopTime[]): string {
  return toCsv(
    HEADER,
    areas.map((area) => [
      area.key,
      area.name,
      area.minutes,
      area.share,
      area.loops,
      area.mean_minutes_per_loop,
      area.r,
      area.r_ci?.[0] ?? null,
      area.r_ci?.[1] ?? null,
      area.r_corrected,
      area.r_corrected_ci?.[0] ?? null,
      area.r_corrected_ci?.[1] ?? null,
      area.auc,
      area.insufficient,
    ]),
  )
}
