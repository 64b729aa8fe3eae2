import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { CHANGED_ENTITIES } from '../../import/import-session'
import { ApiError, errorResponse, errorSchema, internalErrorResponse } from '../../lib/errors'

/** Largest upload accepted in one request. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024

const importBodyLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new ApiError(
      413,
      'payload_too_large',
      `An import may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB per request`,
    )
  },
})

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
        kind: z.enum(['applications', 'scores']).nullable(),
        rows: z.number().int(),
      }),
    ),
    problem_count: z.number().int(),
    problems: z.array(
      z.object({
        file: z.string(),
        line: z.number().int().nullable(),
        column: z.string().nullable(),
        message: z.string(),
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

export const importFiles = createRoute({
  method: 'post',
  path: '/import',
  tags: ['Import'],
  summary: 'Import the canonical CSV files (applications.csv, scores.csv)',
  description:
    'Send one CSV as the body (Content-Type text/csv) or several as multipart/form-data. ' +
    'Every row is validated first; nothing is written unless all rows are valid.',
  middleware: [importBodyLimit] as const,
  request: {
    query: z.strictObject({
      dry_run: z
        .enum(['0', '1', 'true', 'false'])
        .optional()
        .openapi({ description: 'Validate and report what would change, without writing' }),
      filename: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'Name to report problems under, for a text/csv body' }),
    }),
  },
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
