import { LEVELS, type Level } from '../../../../../db/domain'
import type { LevelWeights, Rubric } from '../api/rubrics'

/** The weights as typed: level → area key → the text of its input. */
export type WeightDraft = Record<Level, Record<string, string>>

export interface WeightProblem {
  /** The server's name for the field: `weights.<level>` or `weights.<level>.<area>`. */
  field: string
  level: Level
  areaKey: string | null
  /** The sentence for the list under the grid, naming the level and the area. */
  message: string
}

/** The server's tolerance: three decimals typed by hand may miss 1 by this much. */
const SUM_TOLERANCE = 0.001

/** "Senior": how the grid's rows and its messages name a level. */
export const levelLabel = (level: Level) => `${level.charAt(0).toUpperCase()}${level.slice(1)}`

export const weightField = (level: Level, areaKey?: string) =>
  areaKey === undefined ? `weights.${level}` : `weights.${level}.${areaKey}`

export function weightDraft(rubric: Rubric): WeightDraft {
  return Object.fromEntries(
    LEVELS.map((level) => [
      level,
      Object.fromEntries(rubric.areas.map((area) => [area.key, String(area.weights[level])])),
    ]),
  ) as WeightDraft
}

/** A typed weight as a number, or null when it is not one. */
export function parseWeight(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  const weight = Number(trimmed)
  return Number.isFinite(weight) ? weight : null
}

/** The sum of a level's weights that parse, rounded so 0.1 + 0.2 reads 0.3. */
export function levelSum(draft: WeightDraft, level: Level): number {
  const sum = Object.values(draft[level]).reduce(
    (total, text) => total + (parseWeight(text) ?? 0),
    0,
  )
  return Math.round(sum * 10_000) / 10_000
}

/** Each weight a number in [0, 1] and each level summing to 1, as the server checks. */
export function weightProblems(draft: WeightDraft, rubric: Rubric): WeightProblem[] {
  const problems: WeightProblem[] = []
  for (const level of LEVELS) {
    for (const area of rubric.areas) {
      const weight = parseWeight(draft[level][area.key] ?? '')
      if (weight === null || weight < 0 || weight > 1) {
        problems.push({
          field: weightField(level, area.key),
          level,
          areaKey: area.key,
          message: `${levelLabel(level)}, ${area.name}: enter a weight between 0 and 1`,
        })
      }
    }
    const sum = levelSum(draft, level)
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      problems.push({
        field: weightField(level),
        level,
        areaKey: null,
        message: `${levelLabel(level)}: the weights sum to ${sum}; they must sum to 1`,
      })
    }
  }
  return problems
}

/** The body the server takes; call only once weightProblems finds nothing. */
export function draftWeights(draft: WeightDraft): LevelWeights {
  return Object.fromEntries(
    LEVELS.map((level) => [
      level,
      Object.fromEntries(
        Object.entries(draft[level]).map(([areaKey, text]) => [areaKey, parseWeight(text) ?? 0]),
      ),
    ]),
  )
}

export function draftChanged(draft: WeightDraft, rubric: Rubric): boolean {
  return rubric.areas.some((area) =>
    LEVELS.some((level) => parseWeight(draft[level][area.key] ?? '') !== area.weights[level]),
  )
}
