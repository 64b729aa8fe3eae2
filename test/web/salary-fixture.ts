import type { LevelSalary, Salary, SalaryBand } from '../../web/src/features/salary/api/get-salary'

export const GLASSDOOR: SalaryBand = {
  id: 1,
  level: null,
  metro: null,
  low: 115_000,
  high: 191_000,
  value: 147_000,
  source: 'Glassdoor (Rust developer, US average and common range)',
  source_date: '2026',
}

export const ZIPRECRUITER: SalaryBand = {
  id: 2,
  level: null,
  metro: null,
  low: null,
  high: null,
  value: 110_000,
  source: 'ZipRecruiter (Rust developer, US average)',
  source_date: '2026',
}

/** The level's own band: the Glassdoor range written for one level. */
export const levelBand = (level: string): SalaryBand => ({ ...GLASSDOOR, id: 3, level })

export function levelSalary(
  level: string,
  n: number,
  band: SalaryBand | null = levelBand(level),
): LevelSalary {
  return {
    level,
    band,
    band_reason: band
      ? null
      : `No benchmark band for ${level}: a compa-ratio is held only against a band of the hire's own level.`,
    offers:
      n === 0
        ? { n, min: null, q1: null, median: null, q3: null, max: null, mean: null }
        : {
            n,
            min: 86_000,
            q1: 109_500,
            median: 118_000,
            q3: 125_000,
            max: 180_000,
            mean: 119_480,
          },
    below_band: band ? Math.floor(n / 3) : 0,
    within_band: band ? n - Math.floor(n / 3) : 0,
    above_band: 0,
  }
}

/** A salary answer shaped like the demo data's; override what the test is about. */
export function salary(overrides: Partial<Salary> = {}): Salary {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    bands: [GLASSDOOR, ZIPRECRUITER],
    by_level: [levelSalary('junior', 25), levelSalary('staff', 11)],
    hires: [
      {
        application_id: 'APP-000005',
        level: 'senior',
        salary: 155_000,
        band_midpoint: 153_000,
        compa_ratio: 1.0131,
        compa_ratio_reason: null,
      },
      {
        application_id: 'APP-000009',
        level: 'senior',
        salary: 210_000,
        band_midpoint: 153_000,
        compa_ratio: 1.3725,
        compa_ratio_reason: null,
      },
    ],
    compa_ratio: { n: 152, min: 0.56, q1: 0.84, median: 0.96, q3: 1.08, max: 1.42, mean: 0.97 },
    compa_histogram: [
      { from: 0.9, to: 0.95, count: 14 },
      { from: 0.95, to: 1, count: 12 },
      { from: 1, to: 1.05, count: 21 },
    ],
    retention_by_compa_ratio: [
      {
        key: 'below_0_9',
        label: 'below 0.9',
        n_outcome: 37,
        retained: 26,
        retention_rate: 0.7,
        retention_rate_ci: [0.54, 0.83],
        insufficient: false,
      },
      {
        key: '0_9_to_1_1',
        label: '0.9 to 1.1',
        n_outcome: 47,
        retained: 42,
        retention_rate: 0.89,
        retention_rate_ci: [0.77, 0.95],
        insufficient: false,
      },
      {
        key: 'above_1_1',
        label: 'above 1.1',
        n_outcome: 24,
        retained: 17,
        retention_rate: 0.71,
        retention_rate_ci: [0.51, 0.85],
        insufficient: true,
      },
    ],
    ...overrides,
  }
}
