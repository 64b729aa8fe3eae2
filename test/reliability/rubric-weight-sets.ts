import { LEVELS } from '../../db/domain'
import type { Db } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { listRubrics, type LevelWeights } from '../../api/settings/rubric-weights'

export const RUST_AREAS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment']

// Distinct values summing to 1, so two different rotations differ in every cell.
const VALUES = [0.05, 0.1, 0.2, 0.3, 0.35]

/** Each level gets the values rotated by its index, plus `shift`. */
function rotated(shift: number): LevelWeights {
  return Object.fromEntries(
    LEVELS.map((level, index) => [
      level,
      Object.fromEntries(
        RUST_AREAS.map((area, position) => [
          area,
          VALUES[(position + index + shift) % VALUES.length]!,
        ]),
      ),
    ]),
  )
}

export const WEIGHTS_A = rotated(0)
export const WEIGHTS_B = rotated(1)

/** The rust rubric's stored weights, by level then area, as replaceLevelWeights takes them. */
export async function rustWeights(db: Db): Promise<LevelWeights> {
  const rust = (await listRubrics(sqliteStore(db))).find((rubric) => rubric.key === 'rust')
  if (!rust) throw new Error('The rust rubric is missing')
  return Object.fromEntries(
    LEVELS.map((level) => [
      level,
      Object.fromEntries(rust.areas.map((area) => [area.key, area.weights[level]])),
    ]),
  )
}
