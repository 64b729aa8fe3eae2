import { z } from '@hono/zod-openapi'
import { sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

export const pagingSchema = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}

export const searchSchema = z
  .string()
  .max(100)
  .optional()
  .openapi({ description: 'Case-insensitive text to look for in ids, names and titles' })

/**
 * True where any of the columns contains the text, case-insensitively (LIKE's wildcards
 * literal). SQLite's LIKE ignores the case of ASCII letters only, PostgreSQL's ILIKE that of
 * every letter.
 */
export function containsText(
  dialect: 'sqlite' | 'postgres',
  text: string,
  columns: readonly SQLiteColumn[],
): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`
  const like = dialect === 'sqlite' ? sql`LIKE` : sql`ILIKE`
  const matches = columns.map((column) => sql`${column} ${like} ${pattern} ESCAPE '\\'`)
  return sql`(${sql.join(matches, sql` OR `)})`
}

export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  })

/**
 * Descending, rows without a value last on both databases: SQLite puts nulls last in
 * descending order by itself, PostgreSQL first unless told.
 */
export const descNullsLast = (column: SQLiteColumn): SQL => sql`${column} DESC NULLS LAST`

/**
 * Ascending in byte order on both databases: SQLite compares text bytewise, PostgreSQL by the
 * database's collation unless told. Where row order shows (exports) or matters (first
 * appearance, seeded resamples), both stores give the same.
 */
export const inByteOrder = (dialect: 'sqlite' | 'postgres', column: SQLiteColumn): SQL =>
  dialect === 'postgres' ? sql`${column} COLLATE "C"` : sql`${column}`
