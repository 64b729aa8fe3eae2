import { toCsv } from '../../../../../shared/csv'
import type { AreaLoopTime } from '../api/get-loop-time'

const HEADER = [
  'area_key',
  'area',
  'minutes',
  'share',
  'loops',
  'mean_minutes_per_loop',
  'r',
  'r_corrected',
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
      area.r_corrected,
      area.auc,
      area.insufficient,
    ]),
  )
}
