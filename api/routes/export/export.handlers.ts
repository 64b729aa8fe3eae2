import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { auditEntry, recordAudit } from '../../auth/audit'
import { ApiError } from '../../lib/errors'
import { backupDatabase } from '../../export/backup'
import { exportJson, exportZip } from '../../export/write-export'
import type { AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type { backup as backupRoute, exportData as exportRoute } from './export.routes'

/** A Node stream as a web body; what fails while it is written ends the download. */
function body(run: (out: PassThrough) => Promise<void>): ReadableStream {
  const out = new PassThrough()
  run(out).catch((error: unknown) => {
    console.error('Export failed', error)
    out.destroy(error as Error)
  })
  return Readable.toWeb(out) as ReadableStream
}

export const exportData: AppRouteHandler<typeof exportRoute> = async (c) => {
  const { format } = c.req.valid('query')
  const now = new Date().toISOString()
  const name = `loopscope-export-${now.slice(0, 10)}`
  const { store } = c.var
  await store.run((queries) =>
    auditEntry(
      queries,
      { actor: signedIn(c).viewer, action: 'export', details: { format } },
      c.var.now(),
    ),
  )
  const response =
    format === 'json'
      ? c.body(
          body((out) => exportJson(store, out, now)),
          200,
          {
            'content-type': 'application/json',
            'content-disposition': `attachment; filename="${name}.json"`,
          },
        )
      : c.body(
          body((out) => exportZip(store, out)),
          200,
          {
            'content-type': 'application/zip',
            'content-disposition': `attachment; filename="${name}.zip"`,
          },
        )
  // A streamed file is outside the typed JSON responses; the route documents it.
  return response as never
}

export const backup: AppRouteHandler<typeof backupRoute> = async (c) => {
  const { db } = c.var
  if (!db) {
    throw new ApiError(
      409,
      'conflict',
      'The data is in PostgreSQL, which this server does not copy into a file: back it up with pg_dump (see the README), or download an export',
    )
  }
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-backup-'))
  const file = join(directory, 'loopscope.db')
  recordAudit(db, { actor: signedIn(c).viewer, action: 'backup' }, c.var.now())
  await backupDatabase(db, file)
  const stream = createReadStream(file)
  stream.on('close', () => rmSync(directory, { recursive: true, force: true }))
  const name = `loopscope-backup-${new Date().toISOString().slice(0, 10)}.db`
  return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
    'content-type': 'application/vnd.sqlite3',
    'content-disposition': `attachment; filename="${name}"`,
  }) as never
}
