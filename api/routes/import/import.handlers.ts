import type { Context } from 'hono'
import { stream } from 'hono/streaming'
import { importInto, type ImportAudit, type ImportReport } from '../../import/import-files'
import { spoolUpload, type SpooledUpload } from '../../import/upload-spool'
import { ApiError, busyDatabase } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type {
  importFiles as importRoute,
  importWithProgress as importStreamRoute,
} from './import.routes'

const SINGLE_FILE_TYPES = [
  'text/csv',
  'application/csv',
  'text/plain',
  'application/json',
  'application/octet-stream',
]

/**
 * The upload, written to temporary files before the import starts: the import (and its write
 * lock) waits for nothing from the client. The caller removes the files.
 */
async function receiveUpload(
  c: Context<AppBindings>,
  filename: string | undefined,
): Promise<SpooledUpload> {
  const request = c.req
  const header = request.header('content-type') ?? ''
  const contentType = header.split(';')[0]!.trim().toLowerCase()
  const multipart = contentType === 'multipart/form-data'
  if (!multipart && !SINGLE_FILE_TYPES.includes(contentType)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Content-Type "${contentType || 'none'}" is not accepted: send text/csv, application/json or multipart/form-data`,
    )
  }
  const body = request.raw.body
  if (!body) throw new ApiError(400, 'invalid_request', 'The request has no body: send a file')
  const name = filename ?? (contentType === 'application/json' ? 'upload.json' : 'upload.csv')
  return spoolUpload(body, header, multipart ? null : name, c.var.uploadDirectory)
}

/** The error a report with problems answers with: 422, naming the first problem. */
function invalidImport(report: ImportReport): ApiError {
  const first = report.problems[0]
  const where = first
    ? ` First: ${first.file}${first.line !== null ? ` line ${first.line}` : ''}${first.path !== null ? ` ${first.path}` : ''}: ${first.message}.`
    : ''
  return new ApiError(
    422,
    'import_invalid',
    `${report.problem_count} problem${report.problem_count === 1 ? '' : 's'} found; nothing was written.${where}`,
    report,
  )
}

/** Where the import writes: the SQLite file, or PostgreSQL. */
const databaseOf = (c: Context<AppBindings>) => c.var.db ?? { postgres: c.var.postgresUrl! }

const isTrue = (flag: string | undefined) => flag === '1' || flag === 'true'

/** Who imports, for the audit entry a committed import writes. */
function auditOf(c: Context<AppBindings>): ImportAudit {
  const { id, email } = signedIn(c).viewer
  return { actor: { id, email }, at: c.var.now() }
}

export const importFiles: AppRouteHandler<typeof importRoute> = async (c) => {
  const { dry_run, filename, format } = c.req.valid('query')
  const upload = await receiveUpload(c, filename)
  try {
    const sources = upload.sources()
    const report = await importInto(databaseOf(c), sources, {
      dryRun: isTrue(dry_run),
      ...(format ? { format } : {}),
      audit: auditOf(c),
    })
    if (!report.ok) throw invalidImport(report)
    return c.json(report, 200)
  } finally {
    await upload.remove()
  }
}

/**
 * The same import, answering as it goes: one JSON line per progress step, then one line with
 * the status and body the plain endpoint would have answered.
 */
export const importWithProgress: AppRouteHandler<typeof importStreamRoute> = async (c) => {
  const { dry_run, filename, format } = c.req.valid('query')
  const upload = await receiveUpload(c, filename)
  const response = stream(c, async (output) => {
    c.header('content-type', 'application/x-ndjson')
    try {
      const sources = upload.sources()
      let last = 0
      const report = await importInto(databaseOf(c), sources, {
        dryRun: isTrue(dry_run),
        ...(format ? { format } : {}),
        audit: auditOf(c),
        onProgress: (progress) => {
          const now = Date.now()
          if (now - last < 200) return
          last = now
          void output.write(`${JSON.stringify({ progress })}\n`)
        },
      }).catch((error: unknown) => {
        // The response has begun: a busy database is told in the last line, as any result.
        const busy = busyDatabase(error)
        if (busy) return busy
        throw error
      })
      const result =
        report instanceof ApiError
          ? { status: report.status, body: report.body() }
          : report.ok
            ? { status: 200, body: report }
            : { status: 422, body: invalidImport(report).body() }
      await output.write(`${JSON.stringify({ result })}\n`)
    } finally {
      await upload.remove()
    }
  })
  // A streamed body is outside the typed JSON responses; the route documents its lines.
  return response as never
}
