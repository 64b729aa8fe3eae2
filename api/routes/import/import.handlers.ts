import { Readable } from 'node:stream'
import type { HonoRequest } from 'hono'
import { importFiles as runImport } from '../../import/import-files'
import type { ImportSource } from '../../import/row-checks'
import { ApiError } from '../../lib/errors'
import type { AppRouteHandler } from '../../lib/types'
import type { importFiles as importRoute } from './import.routes'

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream']

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
        'The form has no file: attach applications.csv and/or scores.csv',
      )
    }
    return files.map((file) => ({
      name: file.name || 'upload.csv',
      stream: Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream),
    }))
  }
  if (CSV_TYPES.includes(contentType)) {
    const body = request.raw.body
    if (!body)
      throw new ApiError(400, 'invalid_request', 'The request has no body: send a CSV file')
    return [
      {
        name: filename ?? 'upload.csv',
        stream: Readable.fromWeb(body as import('node:stream/web').ReadableStream),
      },
    ]
  }
  throw new ApiError(
    415,
    'unsupported_media_type',
    `Content-Type "${contentType || 'none'}" is not accepted: send text/csv or multipart/form-data`,
  )
}

export const importFiles: AppRouteHandler<typeof importRoute> = async (c) => {
  const { dry_run, filename } = c.req.valid('query')
  const sources = await sourcesOf(c.req, filename)
  const report = await runImport(c.var.db, sources, {
    dryRun: dry_run === '1' || dry_run === 'true',
  })
  if (!report.ok) {
    const first = report.problems[0]
    const where = first
      ? ` First: ${first.file}${first.line ? ` line ${first.line}` : ''}: ${first.message}.`
      : ''
    throw new ApiError(
      422,
      'import_invalid',
      `${report.problem_count} problem${report.problem_count === 1 ? '' : 's'} found; nothing was written.${where}`,
      report,
    )
  }
  return c.json(report, 200)
}
