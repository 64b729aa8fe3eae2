import { createRoute, z } from '@hono/zod-openapi'
import { BENCHMARK_METRICS, LEVELS } from '../../../db/domain'
import { selectBenchmarkSchema } from '../../../db/schema'
import { errorResponse, signedInErrors } from '../../lib/errors'
import { partialDateField, textField } from '../../lib/field-schemas'

const benchmarkSchema = z
  .object({
    id: selectBenchmarkSchema.shape.id,
    metric: selectBenchmarkSchema.shape.metric,
    level: selectBenchmarkSchema.shape.level,
    metro: selectBenchmarkSchema.shape.metro,
    value: selectBenchmarkSchema.shape.value,
    low: selectBenchmarkSchema.shape.low,
    high: selectBenchmarkSchema.shape.high,
    unit: selectBenchmarkSchema.shape.unit,
    source: selectBenchmarkSchema.shape.source,
    source_date: selectBenchmarkSchema.shape.sourceDate,
    note: selectBenchmarkSchema.shape.note,
  })
  .openapi('Benchmark')

const positive = z.number().positive().max(1e9)

/** A benchmark as a user enters it: salary bands need low < high, a rate lies in (0, 1]. */
export const benchmarkInputSchema = z
  .strictObject({
    metric: z.enum(BENCHMARK_METRICS),
    level: z.enum(LEVELS).nullable().default(null),
    metro: textField({ max: 100 }).nullable().default(null),
    value: positive.nullable().default(null),
    low: positive.nullable().default(null),
    high: positive.nullable().default(null),
    unit: textField({ max: 20 }),
    source: textField({ max: 300 }),
    source_date: partialDateField,
    note: textField({ min: 0, max: 1000 }).nullable().default(null),
  })
  .superRefine((input, context) => {
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message })
    if (input.metric === 'salary') {
      if (input.low === null || input.high === null) {
        problem(input.low === null ? 'low' : 'high', 'is required for a salary band')
      } else if (input.low >= input.high) problem('high', 'must be above low')
    } else if (input.value === null) {
      problem('value', `is required for ${input.metric}`)
    } else if (input.metric === 'retention_12m' && input.value > 1) {
      problem('value', 'is a rate: between 0 and 1')
    }
  })

export type BenchmarkInput = z.infer<typeof benchmarkInputSchema>

const listSchema = z.object({ benchmarks: z.array(benchmarkSchema) })
const idParams = z.object({ id: z.coerce.number().int().positive() })
const body = {
  content: { 'application/json': { schema: benchmarkInputSchema } },
  required: true,
}
export const list = createRoute({
  method: 'get',
  path: '/benchmarks',
  tags: ['Settings'],
  summary: 'Salary bands and time-to-hire and retention benchmarks, each with its source',
  responses: {
    200: { content: { 'application/json': { schema: listSchema } }, description: 'The benchmarks' },
    ...signedInErrors,
  },
})

export const create = createRoute({
  method: 'post',
  path: '/benchmarks',
  tags: ['Settings'],
  summary: 'Add a benchmark (a band per level and metro, with its source and date)',
  request: { body },
  responses: {
    201: { content: { 'application/json': { schema: benchmarkSchema } }, description: 'Added' },
    ...signedInErrors,
  },
})

export const replace = createRoute({
  method: 'put',
  path: '/benchmarks/{id}',
  tags: ['Settings'],
  summary: 'Replace a benchmark',
  request: { params: idParams, body },
  responses: {
    200: { content: { 'application/json': { schema: benchmarkSchema } }, description: 'Saved' },
    ...signedInErrors,
    404: errorResponse,
  },
})

export const remove = createRoute({
  method: 'delete',
  path: '/benchmarks/{id}',
  tags: ['Settings'],
  summary: 'Delete a benchmark',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...signedInErrors, 404: errorResponse },
})
