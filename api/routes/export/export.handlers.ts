import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { recordAudit } from '../../auth/audit'
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

export const exportData: AppRouteHandler<typeof exportRoute> = (c) => {
  const { format } = c.req.valid('query')
  const now = new Date().toISOString()
  const name = `loopscope-export-${now.slice(0, 10)}`
  const db = c.var.db
  recordAudit(db, { actor: signedIn(c).viewer, action: 'export', details: { format } }, c.var.now())
  const response =
    format === 'json'
      ? c.body(
          body((out) => exportJson(db, out, now)),
          200,
          {
            'content-type': 'application/json',
            'content-disposition': `attachment; filename="${name}.json"`,
          },
        )
      : c.body(
          body((out) => exportZip(db, out)),
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
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-backup-'))
  const file = join(directory, 'loopscope.db')
  recordAudit(c.var.db, { actor: signedIn(c).viewer, action: 'backup' }, c.var.now())
  await backupDatabase(c.var.db, file)
  const stream = createReadStream(file)
  stream.on('close', () => rmSync(directory, { recursive: true, force: true }))
  const name = `loopscope-backup-${new Date().toISOString().slice(0, 10)}.db`
  return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
    'content-type': 'application/vnd.sqlite3',
    'content-disposition': `attachment; filename="${name}"`,
  }) as never
}
