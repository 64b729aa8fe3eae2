import { z } from '@hono/zod-openapi'
import { HIRE_TYPES, LEVELS } from '../../db/domain'
import type { SalaryBand } from '../analytics/salary'
import type { AnalyticsDataset } from '../dataset/dataset'
import type { Cohort } from './cohort'

/** What every analytics response says about the question it answers. */
export const contextShape = {
  as_of: z.string(),
  rubric: z.object({ key: z.string(), name: z.string() }),
  filters: z.object({
    level: z.enum(LEVELS).nullable(),
    requisition_id: z.string().nullable(),
    hire_type: z.enum(HIRE_TYPES).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  disclosure: z
    .object({
      restricted: z.boolean(),
      floor: z.number().int().nullable(),
      notes: z.array(z.string()),
      withheld: z.array(
        z.object({
          figure: z.string().openapi({
            description: 'The field withheld, as a path: by_level, areas.ownership.bands, …',
          }),
          reason: z.string(),
        }),
      ),
    })
    .openapi({
      description:
        'Whether disclosure control shaped this answer (organisation-wide figures for a hiring manager, self-ID figures for everyone), its floor, what it changed and which figures it withheld, each in words',
    }),
}

export type Disclosure = z.infer<(typeof contextShape)['disclosure']>

export const UNRESTRICTED: Disclosure = { restricted: false, floor: null, notes: [], withheld: [] }

export function contextOf({ asOf, dataset, filters }: Cohort) {
  return {
    as_of: asOf,
    rubric: { key: dataset.rubric.key, name: dataset.rubric.name },
    filters: {
      level: filters.level ?? null,
      requisition_id: filters.requisition_id ?? null,
      hire_type: filters.hire_type ?? null,
      from: filters.from ?? null,
      to: filters.to ?? null,
    },
    disclosure: UNRESTRICTED,
  }
}

export const benchmarkFigureSchema = z
  .object({
    value: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    unit: z.string(),
    source: z.string(),
    source_date: z.string(),
  })
  .openapi('BenchmarkFigure')

/** The newest benchmark of a metric that applies to every level and metro. */
export function generalBenchmark(
  dataset: AnalyticsDataset,
  metric: string,
): z.infer<typeof benchmarkFigureSchema> | null {
  const figure = dataset.benchmarks
    .filter((benchmark) => benchmark.metric === metric && !benchmark.level && !benchmark.metro)
    .sort((a, b) => (a.sourceDate < b.sourceDate ? 1 : -1))[0]
  return figure
    ? {
        value: figure.value,
        low: figure.low,
        high: figure.high,
        unit: figure.unit,
        source: figure.source,
        source_date: figure.sourceDate,
      }
    : null
}

/** The salary benchmark bands of the dataset, as the salary analyses take them. */
export const salaryBandsOf = (dataset: AnalyticsDataset): SalaryBand[] =>
  dataset.benchmarks
    .filter((benchmark) => benchmark.metric === 'salary')
    .map((benchmark) => ({
      id: benchmark.id,
      level: benchmark.level,
      metro: benchmark.metro,
      low: benchmark.low,
      high: benchmark.high,
      value: benchmark.value,
      source: benchmark.source,
      source_date: benchmark.sourceDate,
    }))
