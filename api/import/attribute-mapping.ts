import type { Db } from '../../db/client'
import type { AtsSource } from '../../db/domain'
import { attributeMappings, rubricAreas } from '../../db/schema'

/** How attribute names are compared: case, spacing and "&" versus "and" do not matter. */
export function attributeKey(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, 'and').replace(/\s+/g, ' ')
}

/**
 * Where an attribute's ratings go. `question` is the attribute's own name when it is mapped to
 * an area it is not named like (one of several questions of the area), null when it is the area.
 */
export type AttributeTarget = { area: string; question: string | null } | { ignored: true } | null

/**
 * Resolves an applicant-tracking system's attribute to a rubric area: a saved mapping first,
 * else an attribute named like an area's key or name; null when neither matches.
 */
export class AttributeMapper {
  private readonly saved = new Map<string, string | null>()
  private readonly byName = new Map<string, string>()

  constructor(db: Db) {
    const areas = db.select().from(rubricAreas).all()
    const keyOfArea = new Map(areas.map((area) => [area.id, area.key]))
    for (const area of areas) {
      this.byName.set(`${area.rubricId}|${attributeKey(area.key)}`, area.key)
      this.byName.set(`${area.rubricId}|${attributeKey(area.name)}`, area.key)
      this.byName.set(`${area.rubricId}|${attributeKey(area.key.replace(/_/g, ' '))}`, area.key)
    }
    for (const mapping of db.select().from(attributeMappings).all()) {
      this.saved.set(
        `${mapping.rubricId}|${mapping.source}|${mapping.attributeKey}`,
        mapping.areaId === null ? null : (keyOfArea.get(mapping.areaId) ?? null),
      )
    }
  }

  resolve(rubricId: number, source: AtsSource, attribute: string): AttributeTarget {
    const key = attributeKey(attribute)
    const savedKey = `${rubricId}|${source}|${key}`
    if (this.saved.has(savedKey)) {
      const area = this.saved.get(savedKey)
      if (area === null || area === undefined) return { ignored: true }
      const namedLikeArea = this.byName.get(`${rubricId}|${key}`) === area
      return { area, question: namedLikeArea ? null : attribute.trim() }
    }
    const area = this.byName.get(`${rubricId}|${key}`)
    return area === undefined ? null : { area, question: null }
  }
}

export interface MappingInput {
  source: AtsSource
  attribute: string
  /** The rubric area key, or null to ignore the attribute. */
  area: string | null
}
