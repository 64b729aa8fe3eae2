import { z } from '@hono/zod-openapi'
import { rows, type Queries } from '../../db/store'

/** A red-flag tag as every response shows it: the key it is imported by, and its one name. */
export const redFlagSchema = z
  .object({
    key: z
      .string()
      .openapi({ description: 'The tag key, as imported', example: 'clones_everything' }),
    name: z
      .string()
      .openapi({ description: "The rubric's name for the tag", example: 'Clones everything' }),
  })
  .openapi('RedFlag')
export type RedFlag = z.infer<typeof redFlagSchema>

/** Names red-flag keys by rubric (see redFlagNames). */
export type RedFlagNamer = (rubricId: number, keys: readonly string[]) => RedFlag[]

/**
 * Names red-flag keys from the rubrics' own lists, the one place a tag's name comes from, so
 * a tag reads the same on every screen and download. A key a rubric no longer lists keeps its
 * key as its name.
 */
export function* redFlagNames({ db, tables: { rubricRedFlags } }: Queries) {
  const byRubric = new Map<number, Map<string, string>>()
  for (const flag of yield* rows(db.select().from(rubricRedFlags))) {
    const names = byRubric.get(flag.rubricId) ?? new Map<string, string>()
    names.set(flag.key, flag.name)
    byRubric.set(flag.rubricId, names)
  }
  const namer: RedFlagNamer = (rubricId, keys) =>
    keys.map((key) => ({ key, name: byRubric.get(rubricId)?.get(key) ?? key }))
  return namer
}
