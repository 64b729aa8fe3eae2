import { and, asc, eq } from 'drizzle-orm'
import { first, rows, write, type Queries, type Store } from '../../db/store'
import { auditEntry, type Actor } from '../auth/audit'
import { attributeKey, type MappingInput } from '../import/attribute-mapping'
import { ApiError } from '../lib/errors'

function* rubricOf({ db, tables: { rubrics } }: Queries, key: string) {
  const rubric = yield* first(db.select().from(rubrics).where(eq(rubrics.key, key)))
  if (!rubric) throw new ApiError(404, 'not_found', `There is no rubric "${key}"`)
  return rubric
}

function* mappingsOf({ db, tables }: Queries, rubricId: number) {
  const { attributeMappings, rubricAreas } = tables
  return yield* rows(
    db
      .select({
        source: attributeMappings.source,
        attribute: attributeMappings.attribute,
        area: rubricAreas.key,
      })
      .from(attributeMappings)
      .leftJoin(rubricAreas, eq(rubricAreas.id, attributeMappings.areaId))
      .where(eq(attributeMappings.rubricId, rubricId))
      .orderBy(asc(attributeMappings.source), asc(attributeMappings.attributeKey)),
  )
}

/** The rubric's saved mappings of attributes to areas (area null: ignored); 404 for no rubric. */
export const listMappings = (store: Store, rubricKey: string) =>
  store.run(function* (queries) {
    const rubric = yield* rubricOf(queries, rubricKey)
    return { rubric: rubric.key, mappings: yield* mappingsOf(queries, rubric.id) }
  })

/**
 * Saves mappings for a rubric, each replacing any for the same attribute, with its audit entry,
 * in one transaction; 404 for no rubric, 400 naming an area the rubric lacks (nothing saved).
 * The rubric's mappings as saved.
 */
export const saveMappings = (
  store: Store,
  rubricKey: string,
  mappings: readonly MappingInput[],
  actor: Actor,
  now: Date,
) =>
  store.transaction(function* (queries) {
    const { db, tables } = queries
    const { attributeMappings, rubricAreas } = tables
    const rubric = yield* rubricOf(queries, rubricKey)
    const areaRows = yield* rows(
      db.select().from(rubricAreas).where(eq(rubricAreas.rubricId, rubric.id)),
    )
    const areas = new Map(areaRows.map((area) => [area.key, area.id]))
    const unknown = mappings.flatMap((mapping) =>
      mapping.area !== null && !areas.has(mapping.area) ? [mapping.area] : [],
    )
    if (unknown.length > 0) {
      throw new ApiError(
        400,
        'invalid_request',
        `Invalid json: area "${unknown[0]}" is not in the ${rubric.name} rubric`,
        unknown.map((area) => ({ field: 'mappings.area', message: `"${area}" is not an area` })),
      )
    }
    for (const mapping of mappings) {
      const key = attributeKey(mapping.attribute)
      yield* write(
        db
          .delete(attributeMappings)
          .where(
            and(
              eq(attributeMappings.rubricId, rubric.id),
              eq(attributeMappings.source, mapping.source),
              eq(attributeMappings.attributeKey, key),
            ),
          ),
      )
      yield* write(
        db.insert(attributeMappings).values({
          rubricId: rubric.id,
          source: mapping.source,
          attribute: mapping.attribute.trim(),
          attributeKey: key,
          areaId: mapping.area === null ? null : areas.get(mapping.area)!,
        }),
      )
    }
    yield* auditEntry(
      queries,
      { actor, action: 'attribute_mapping_update', target: rubric.key, details: { mappings } },
      now,
    )
    return { rubric: rubric.key, mappings: yield* mappingsOf(queries, rubric.id) }
  })
