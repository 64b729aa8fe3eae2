import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { attributeMappings, rubricAreas, rubrics } from '../../../db/schema'
import { atomically } from '../../../db/client'
import { recordAudit } from '../../auth/audit'
import { saveMappings } from '../../import/attribute-mapping'
import { signedIn } from '../../auth/scope'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import type { list as listRoute, save as saveRoute } from './attribute-mappings.routes'

function rubricOf(db: Db, key: string) {
  const rubric = db.select().from(rubrics).where(eq(rubrics.key, key)).get()
  if (!rubric) throw new ApiError(404, 'not_found', `There is no rubric "${key}"`)
  return rubric
}

function mappingsOf(db: Db, rubricId: number) {
  return db
    .select({
      source: attributeMappings.source,
      attribute: attributeMappings.attribute,
      area: rubricAreas.key,
    })
    .from(attributeMappings)
    .leftJoin(rubricAreas, eq(rubricAreas.id, attributeMappings.areaId))
    .where(eq(attributeMappings.rubricId, rubricId))
    .orderBy(asc(attributeMappings.source), asc(attributeMappings.attributeKey))
    .all()
}

export const list: AppRouteHandler<typeof listRoute> = (c) => {
  const rubric = rubricOf(c.var.db, c.req.valid('query').rubric)
  return c.json({ rubric: rubric.key, mappings: mappingsOf(c.var.db, rubric.id) }, 200)
}

export const save: AppRouteHandler<typeof saveRoute> = (c) => {
  const rubric = rubricOf(c.var.db, c.req.valid('query').rubric)
  const { mappings } = c.req.valid('json')
  const db = c.var.db
  const unknown = atomically(db, () => {
    const notAreas = saveMappings(db, rubric.id, mappings)
    if (notAreas.length === 0) {
      recordAudit(
        db,
        {
          actor: signedIn(c).viewer,
          action: 'attribute_mapping_update',
          target: rubric.key,
          details: { mappings },
        },
        c.var.now(),
      )
    }
    return notAreas
  })
  if (unknown.length > 0) {
    throw new ApiError(
      400,
      'invalid_request',
      `Invalid json: area "${unknown[0]}" is not in the ${rubric.name} rubric`,
      unknown.map((area) => ({ field: 'mappings.area', message: `"${area}" is not an area` })),
    )
  }
  return c.json({ rubric: rubric.key, mappings: mappingsOf(c.var.db, rubric.id) }, 200)
}
