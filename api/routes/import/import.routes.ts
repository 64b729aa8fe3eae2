import { createRoute, z } from '@hono/zod-openapi'
import { ATS_SOURCES } from '../../../db/domain'
import { IMPORT_FORMATS } from '../../import/import-files'
import { CHANGED_ENTITIES } from '../../import/import-session'
import { errorResponse, errorSchema, internalErrorResponse } from '../../lib/errors'

const changeCountSchema = z.object({
  insert: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  delete: z.number().int(),
})

export const importReportSchema = z
  .object({
    ok: z.boolean(),
    dry_run: z.boolean(),
    written: z.boolean(),
    files: z.array(
      z.object({
        file: z.string(),
        format: z.enum(IMPORT_FORMATS).nullable(),
        kind: z
          .enum([
            'applications',
            'scores',
            'jobs',
            'offers',
            'candidates',
            'scorecards',
            'feedback',
          ])
          .nullable(),
        rows: z.number().int(),
      }),
    ),
    problem_count: z.number().int(),
    problems: z.array(
      z.object({
        file: z.string(),
        line: z.number().int().nullable().openapi({ description: 'Line of a CSV file' }),
        path: z.string().nullable().openapi({ description: 'JSONPath into a JSON export' }),
        column: z.string().nullable(),
        message: z.string(),
      }),
    ),
    unmapped_attributes: z.array(
      z.object({
        source: z.enum(ATS_SOURCES),
        attribute: z.string(),
        ratings: z.number().int(),
        file: z.string(),
        path: z.string(),
      }),
    ),
    changes: z
      .object(
        Object.fromEntries(CHANGED_ENTITIES.map((entity) => [entity, changeCountSchema])) as Record<
          (typeof CHANGED_ENTITIES)[number],
          typeof changeCountSchema
        >,
      )
      .nullable(),
  })
  .openapi('ImportReport')

const importQuery = z.strictObject({
  dry_run: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .openapi({ description: 'Validate and report what would change, without writing' }),
  filename: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Name to report problems under, for a single-file body' }),
  format: z
    .enum(IMPORT_FORMATS)
    .optional()
    .openapi({ description: 'Skip detection: every file is of this format' }),
})

export const importFiles = createRoute({
  method: 'post',
  path: '/import',
  tags: ['Import'],
  summary: 'Import canonical CSV files, Greenhouse Harvest JSON or Lever feedback JSON',
  description:
    'Send one file as the body (text/csv or application/json) or several as multipart/form-data. ' +
    'The format of each is detected from its header or its first record. Nothing is written ' +
    'unless every row is valid.',
  request: { query: importQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: importReportSchema } },
      description: 'All rows were valid: what changed (or, in a dry run, what would change)',
    },
    400: errorResponse,
    413: errorResponse,
    415: errorResponse,
    422: {
      content: { 'application/json': { schema: errorSchema } },
      description: 'Some rows were invalid; nothing was written. details is the import report',
    },
    500: internalErrorResponse,
  },
})

export const importWithProgress = createRoute({
  method: 'post',
  path: '/import/stream',
  tags: ['Import'],
  summary: 'The same import, reporting progress as newline-delimited JSON',
  description:
    'Each line is {"progress": {file, rows, bytes, totalBytes}} until the last, which is ' +
    '{"result": {status, body}} with what POST /api/import would have answered.',
  request: { query: importQuery },
  responses: {
    200: {
      content: { 'application/x-ndjson': { schema: z.string() } },
      description: 'Progress lines, then the result',
    },
    400: errorResponse,
    413: errorResponse,
    415: errorResponse,
    500: internalErrorResponse,
  },
})
