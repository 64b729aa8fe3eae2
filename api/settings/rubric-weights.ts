import { asc, eq } from 'drizzle-orm'
import { LEVELS, type Level } from '../../db/domain'
import { first, rows, write, type Store } from '../../db/store'
import { auditEntry, type Actor } from '../auth/audit'
import { dataChanged } from '../dataset/data-change'
import { ApiError } from '../lib/errors'

/** Weights of a level may be off 1 by this much (three decimals typed by hand). */
const SUM_TOLERANCE = 0.001

/** Every rubric with its areas, their weight per level, and its red flags. */
export const listRubrics = (store: Store) =>
  store.run(function* ({ db, tables }) {
    const { rubricAreas, rubricLevelWeights, rubricRedFlags, rubrics } = tables
    const weights = yield* rows(db.select().from(rubricLevelWeights))
    const areas = yield* rows(db.select().from(rubricAreas).orderBy(asc(rubricAreas.position)))
    const redFlags = yield* rows(
      db
        .select({
          rubricId: rubricRedFlags.rubricId,
          key: rubricRedFlags.key,
          name: rubricRedFlags.name,
        })
        .from(rubricRedFlags)
        .orderBy(asc(rubricRedFlags.id)),
    )
    const found = yield* rows(db.select().from(rubrics).orderBy(asc(rubrics.key)))
    return found.map((rubric) => ({
      key: rubric.key,
      name: rubric.name,
      areas: areas
        .filter((area) => area.rubricId === rubric.id)
        .map((area) => ({
          key: area.key,
          name: area.name,
          weights: Object.fromEntries(
            LEVELS.map((level) => [
              level,
              weights.find((row) => row.areaId === area.id && row.level === level)?.weight ?? 0,
            ]),
          ) as Record<Level, number>,
        })),
      red_flags: redFlags
        .filter((flag) => flag.rubricId === rubric.id)
        .map(({ key, name }) => ({ key, name })),
    }))
  })

export type LevelWeights = Record<string, Record<string, number>>

interface Problem {
  field: string
  message: string
}

/** Every level and area present, each weight in [0, 1], each level summing to 1. */
function weightProblems(weights: LevelWeights, areaKeys: readonly string[]): Problem[] {
  const problems: Problem[] = []
  for (const level of Object.keys(weights)) {
    if (!(LEVELS as readonly string[]).includes(level)) {
      problems.push({ field: `weights.${level}`, message: `is not a level (${LEVELS.join(', ')})` })
    }
  }
  for (const level of LEVELS) {
    const ofLevel = weights[level]
    if (!ofLevel) {
      problems.push({ field: `weights.${level}`, message: 'is missing' })
      continue
    }
    for (const key of Object.keys(ofLevel)) {
      if (!areaKeys.includes(key)) {
        problems.push({ field: `weights.${level}.${key}`, message: 'is not an area of the rubric' })
      }
    }
    let sum = 0
    for (const key of areaKeys) {
      const weight = ofLevel[key]
      if (weight === undefined) {
        problems.push({ field: `weights.${level}.${key}`, message: 'is missing' })
      } else if (!Number.isFinite(weight) || weight < 0 || weight > 1) {
        problems.push({ field: `weights.${level}.${key}`, message: 'must be between 0 and 1' })
      } else sum += weight
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      problems.push({
        field: `weights.${level}`,
        message: `must sum to 1 (they sum to ${+sum.toFixed(4)})`,
      })
    }
  }
  return problems
}

/**
 * Replaces the level weights of a rubric in one transaction with its audit entry: a crash
 * leaves either the old weights or the new ones, never a mix.
 */
export function replaceLevelWeights(
  store: Store,
  rubricKey: string,
  weights: LevelWeights,
  actor: Actor,
  now: Date,
): Promise<void> {
  return store.transaction(function* (queries) {
    const { db, tables } = queries
    const { rubricAreas, rubricLevelWeights, rubrics } = tables
    const rubric = yield* first(db.select().from(rubrics).where(eq(rubrics.key, rubricKey)))
    if (!rubric) throw new ApiError(404, 'not_found', `There is no rubric "${rubricKey}"`)
    const areas = yield* rows(
      db.select().from(rubricAreas).where(eq(rubricAreas.rubricId, rubric.id)),
    )
    const problems = weightProblems(
      weights,
      areas.map((area) => area.key),
    )
    if (problems.length > 0) {
      throw new ApiError(
        400,
        'invalid_request',
        `Invalid body: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`,
        problems,
      )
    }
    for (const area of areas) {
      for (const level of LEVELS) {
        const weight = weights[level]![area.key]!
        yield* write(
          db
            .insert(rubricLevelWeights)
            .values({ areaId: area.id, level, weight })
            .onConflictDoUpdate({
              target: [rubricLevelWeights.areaId, rubricLevelWeights.level],
              set: { weight },
            }),
        )
      }
    }
    yield* auditEntry(
      queries,
      { actor, action: 'rubric_update', target: rubricKey, details: { weights } },
      now,
    )
    yield* dataChanged(queries, 'settings')
  })
}
