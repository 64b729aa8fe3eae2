// Closed vocabularies of the hiring domain. Dependency-free so the dashboard can import them too.

export const LEVELS = ['junior', 'mid', 'senior', 'staff', 'principal'] as const
export type Level = (typeof LEVELS)[number]

export const HIRE_TYPES = ['direct', 'contract', 'contract_to_hire'] as const
export type HireType = (typeof HIRE_TYPES)[number]

export const DECISIONS = ['hired', 'rejected', 'withdrew', 'pending'] as const
export type Decision = (typeof DECISIONS)[number]

export const DEPARTURES = ['voluntary', 'involuntary'] as const
export type Departure = (typeof DEPARTURES)[number]

export const BACKGROUNDS = [
  'cpp',
  'go',
  'python',
  'haskell',
  'embedded_c',
  'self_taught',
  'other',
] as const
export type Background = (typeof BACKGROUNDS)[number]

export const USER_ROLES = ['admin', 'talent_lead', 'hiring_manager'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** The shortest password a user may choose; generated ones are longer. */
export const MIN_PASSWORD_LENGTH = 12

export const BENCHMARK_METRICS = ['salary', 'time_to_hire_days', 'retention_12m'] as const
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number]

/** Ratings live on the 1–4 scale: 1 strong no · 2 no · 3 yes · 4 strong yes. */
export const RATING_MIN = 1
export const RATING_MAX = 4

/** Applicant-tracking systems whose exports Loopscope reads besides its own CSV files. */
export const ATS_SOURCES = ['greenhouse', 'lever'] as const
export type AtsSource = (typeof ATS_SOURCES)[number]
