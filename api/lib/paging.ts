import { z } from '@hono/zod-openapi'

export const pagingSchema = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}

export const searchSchema = z
  .string()
  .max(100)
  .optional()
  .openapi({ description: 'Case-insensitive text to look for in ids, names and titles' })

/** `%text%` for LIKE, with LIKE's wildcards taken literally (use with ESCAPE '\\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
}

export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  })
