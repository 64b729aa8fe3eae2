import type { BenchmarkMetric, Level } from '../../../../../db/domain'
import type { Benchmark, BenchmarkInput } from '../api/benchmarks'

/** A benchmark as its form holds it: every field as typed, '' for empty. */
export interface BenchmarkDraft {
  metric: BenchmarkMetric
  level: Level | ''
  metro: string
  value: string
  low: string
  high: string
  unit: string
  source: string
  source_date: string
  note: string
}

export const METRIC_LABELS: Record<BenchmarkMetric, string> = {
  salary: 'Salary',
  time_to_hire_days: 'Time to hire',
  retention_12m: '12-month retention',
}

export const DEFAULT_UNITS: Record<BenchmarkMetric, string> = {
  salary: 'USD',
  time_to_hire_days: 'days',
  retention_12m: 'ratio',
}

export const blankBenchmark = (): BenchmarkDraft => ({
  metric: 'salary',
  level: '',
  metro: '',
  value: '',
  low: '',
  high: '',
  unit: DEFAULT_UNITS.salary,
  source: '',
  source_date: '',
  note: '',
})

const text = (value: string | number | null) => (value === null ? '' : String(value))

export function benchmarkDraft(benchmark: Benchmark): BenchmarkDraft {
  return {
    metric: benchmark.metric,
    level: benchmark.level ?? '',
    metro: text(benchmark.metro),
    value: text(benchmark.value),
    low: text(benchmark.low),
    high: text(benchmark.high),
    unit: benchmark.unit,
    source: benchmark.source,
    source_date: benchmark.source_date,
    note: text(benchmark.note),
  }
}

/** A new metric brings its usual unit, unless the unit was typed by hand. */
export function withMetric(draft: BenchmarkDraft, metric: BenchmarkMetric): BenchmarkDraft {
  const unitIsDefault = draft.unit === '' || draft.unit === DEFAULT_UNITS[draft.metric]
  return { ...draft, metric, unit: unitIsDefault ? DEFAULT_UNITS[metric] : draft.unit }
}

const optionalText = (value: string) => (value.trim() === '' ? null : value.trim())
const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value))

/** The body the server takes; it checks the rules (a band's low below its high) and names the field. */
export function benchmarkInput(draft: BenchmarkDraft): BenchmarkInput {
  const isSalary = draft.metric === 'salary'
  return {
    metric: draft.metric,
    level: draft.level === '' ? null : draft.level,
    metro: optionalText(draft.metro),
    value: optionalNumber(draft.value),
    low: isSalary ? optionalNumber(draft.low) : null,
    high: isSalary ? optionalNumber(draft.high) : null,
    unit: draft.unit.trim(),
    source: draft.source.trim(),
    source_date: draft.source_date.trim(),
    note: optionalText(draft.note),
  }
}

const amount = (value: number, unit: string) =>
  unit === 'ratio'
    ? `${Math.round(value * 1000) / 10}%`
    : `${value.toLocaleString('en-US')} ${unit}`

/** "147,000 USD, range 115,000–191,000 USD" or "17 days" or "92%". */
export function benchmarkFigure(benchmark: Benchmark): string {
  const parts: string[] = []
  if (benchmark.value !== null) parts.push(amount(benchmark.value, benchmark.unit))
  if (benchmark.low !== null && benchmark.high !== null) {
    parts.push(
      `range ${benchmark.low.toLocaleString('en-US')}–${amount(benchmark.high, benchmark.unit)}`,
    )
  }
  return parts.join(', ')
}
