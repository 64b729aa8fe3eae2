import { Readable } from 'node:stream'
import type { Context, HonoRequest } from 'hono'
import type { Db } from '../../../db/client'
import { recordAudit } from '../../auth/audit'
import { stream } from 'hono/streaming'
import { importFiles as runImport, type ImportReport } from '../../import/import-files'
import type { ImportSource } from '../../import/row-checks'
import type { ChangeSummary } from '../../import/import-session'
import { ApiError } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import { signedIn } from '../auth/auth.handlers'
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

async function sourcesOf(
  request: HonoRequest,
  filename: string | undefined,
): Promise<ImportSource[]> {
  const contentType = (request.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (contentType === 'multipart/form-data') {
    const form = await request.parseBody({ all: true })
    const files = Object.values(form)
      .flat()
      .filter((value): value is File => typeof value !== 'string')
    if (files.length === 0) {
      throw new ApiError(
        400,
        'invalid_request',
        'The form has no file: attach the CSV or JSON files to import',
      )
    }
    return files.map((file) => ({
      name: file.name || 'upload',
      size: file.size,
      stream: Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream),
    }))
  }
  if (SINGLE_FILE_TYPES.includes(contentType)) {
    const body = request.raw.body
    if (!body) throw new ApiError(400, 'invalid_request', 'The request has no body: send a file')
    const length = Number(request.header('content-length'))
    return [
      {
        name: filename ?? (contentType === 'application/json' ? 'upload.json' : 'upload.csv'),
        ...(Number.isFinite(length) && length > 0 ? { size: length } : {}),
        stream: Readable.fromWeb(body as import('node:stream/web').ReadableStream),
      },
    ]
  }
  throw new ApiError(
    415,
    'unsupported_media_type',
    `Content-Type "${contentType || 'none'}" is not accepted: send text/csv, application/json or multipart/form-data`,
  )
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

const isTrue = (flag: string | undefined) => flag === '1' || flag === 'true'

/** The audit entry of a committed import, written in its transaction. */
const auditImport =
  (c: Context<AppBindings>, sources: readonly ImportSource[]) =>
  (connection: Db, changes: ChangeSummary) =>
    recordAudit(
      connection,
      {
        actor: signedIn(c).viewer,
        action: 'import',
        target: sources.map((source) => source.name).join(', '),
        details: { changes },
      },
      c.var.now(),
    )

export const importFiles: AppRouteHandler<typeof importRoute> = async (c) => {
  const { dry_run, filename, format } = c.req.valid('query')
  const sources = await sourcesOf(c.req, filename)
  const report = await runImport(c.var.db, sources, {
    dryRun: isTrue(dry_run),
    ...(format ? { format } : {}),
    beforeCommit: auditImport(c, sources),
  })
  if (!report.ok) throw invalidImport(report)
  return c.json(report, 200)
}

/**
 * The same import, answering as it goes: one JSON line per progress step, then one line with
 * the status and body the plain endpoint would have answered.
 */
export const importWithProgress: AppRouteHandler<typeof importStreamRoute> = async (c) => {
  const { dry_run, filename, format } = c.req.valid('query')
  const sources = await sourcesOf(c.req, filename)
  const response = stream(c, async (output) => {
    c.header('content-type', 'application/x-ndjson')
    let last = 0
    const report = await runImport(c.var.db, sources, {
      dryRun: isTrue(dry_run),
      ...(format ? { format } : {}),
      beforeCommit: auditImport(c, sources),
      onProgress: (progress) => {
        const now = Date.now()
        if (now - last < 200) return
        last = now
        void output.write(`${JSON.stringify({ progress })}\n`)
      },
    })
    const result = report.ok
      ? { status: 200, body: report }
      : { status: 422, body: invalidImport(report).body() }
    await output.write(`${JSON.stringify({ result })}\n`)
  })
  // A streamed body is outside the typed JSON responses; the route documents its lines.
  return response as never
}
