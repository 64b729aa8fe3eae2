import type {
  SpeedSummary,
  TimeToHire,
} from '../../web/src/features/time-to-hire/api/get-time-to-hire'

type Distribution = SpeedSummary['time_to_hire']

const EMPTY: Distribution = {
  n: 0,
  min: null,
  q1: null,
  median: null,
  q3: null,
  max: null,
  mean: null,
}

/** A distribution of days; n = 0 gives the empty one the API sends. */
export function days(n: number, min = 14, q1 = 20, median = 27, q3 = 36, max = 90): Distribution {
  return n === 0 ? EMPTY : { n, min, q1, median, q3, max, mean: (q1 + q3) / 2 }
}

export function speedSummary(
  key: string,
  hire: Distribution,
  fill: Distribution = hire.n === 0 ? EMPTY : days(hire.n, 15, 28, 36, 50, 129),
  withinBenchmark: number | null = hire.n === 0 ? null : 0.1,
): SpeedSummary {
  return { key, time_to_hire: hire, time_to_fill: fill, within_benchmark: withinBenchmark }
}

/** A time-to-hire answer shaped like the demo data's; override what the test is about. */
export function timeToHire(overrides: Partial<TimeToHire> = {}): TimeToHire {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    benchmark_days: 17,
    benchmark: {
      value: 17,
      low: null,
      high: null,
      unit: 'days',
      source: 'IT staffing firm, general IT search average',
      source_date: '2026',
    },
    overall: speedSummary('all', days(156)),
    by_level: [
      speedSummary('junior', days(25, 19, 22, 25, 38, 59)),
      speedSummary('senior', days(56, 14, 20.75, 27.5, 37.5, 75)),
      speedSummary('staff', days(11, 18, 20, 23, 33, 90)),
    ],
    by_hire_type: [
      speedSummary('contract_to_hire', days(31)),
      speedSummary('direct', days(113)),
      speedSummary('unknown', days(12)),
    ],
    histogram: [
      { from: 14, to: 21, count: 42 },
      { from: 21, to: 28, count: 41 },
      { from: 28, to: 35, count: 29 },
    ],
    retention: {
      n: 108,
      r: 0.03,
      r_ci: [-0.16, 0.21],
      p: 0.79,
      by_quartile: [
        {
          from: 14,
          to: 20,
          n_outcome: 32,
          retained: 25,
          retention_rate: 0.78,
          retention_rate_ci: [0.61, 0.89],
          insufficient: false,
        },
        {
          from: 21,
          to: 26,
          n_outcome: 24,
          retained: 17,
          retention_rate: 0.71,
          retention_rate_ci: [0.51, 0.85],
          insufficient: true,
        },
      ],
      too_few: null,
    },
    ...overrides,
  }
}
