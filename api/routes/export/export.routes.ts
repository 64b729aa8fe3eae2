import { createRoute, z } from '@hono/zod-openapi'
import { EXPORT_FORMATS } from '../../export/write-export'
import { errorResponse, internalErrorResponse } from '../../lib/errors'

export const exportData = createRoute({
  method: 'get',
  path: '/export',
  tags: ['Export'],
  summary: 'Everything, as the canonical CSV files (zip) or one JSON document',
  description:
    'format=csv gives a zip of applications.csv and scores.csv that import back unchanged; ' +
    'format=json one document {format, version, exported_at, applications, scores}. Cells that ' +
    'a spreadsheet would run as formulas are written with a leading apostrophe.',
  request: {
    query: z.strictObject({ format: z.enum(EXPORT_FORMATS).default('csv') }),
  },
  responses: {
    200: {
      content: {
        'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
        'application/json': { schema: z.string() },
      },
      description: 'The export, streamed',
    },
    400: errorResponse,
    500: internalErrorResponse,
  },
})

export const backup = createRoute({
  method: 'get',
  path: '/admin/backup',
  tags: ['Admin'],
  summary: 'A consistent snapshot of the whole SQLite database',
  description:
    "Made with SQLite's online backup while the server keeps serving; open it with sqlite3 or point DATABASE_PATH at it. A server on PostgreSQL answers 409: back that up with pg_dump.",
  responses: {
    200: {
      content: { 'application/vnd.sqlite3': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'The database file',
    },
    409: errorResponse,
    500: internalErrorResponse,
  },
})
