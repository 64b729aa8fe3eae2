import type { Db } from '../../db/client'

/**
 * A consistent copy of the whole database, made with SQLite's online backup: pages are copied
 * a few at a time between other work, so the server keeps answering while it runs.
 */
export async function backupDatabase(db: Db, destination: string): Promise<{ pages: number }> {
  const result = await db.$client.backup(destination)
  return { pages: result.totalPages }
}
