import type { Session } from '../../web/src/lib/session'
import type { Benchmark } from '../../web/src/features/settings/api/benchmarks'
import type { Rubric } from '../../web/src/features/settings/api/rubrics'
import type { User } from '../../web/src/features/settings/api/users'

const even = { junior: 0.5, mid: 0.5, senior: 0.5, staff: 0.5, principal: 0.5 }

export const RUBRIC: Rubric = {
  key: 'rust',
  name: 'Rust engineer',
  areas: [
    { key: 'ownership', name: 'Ownership & lifetimes', weights: even },
    { key: 'judgment', name: 'Judgment', weights: even },
  ],
  red_flags: [{ key: 'unwrap_everywhere', name: 'unwrap everywhere' }],
}

export const GLASSDOOR: Benchmark = {
  id: 1,
  metric: 'salary',
  level: null,
  metro: null,
  value: 147_000,
  low: 115_000,
  high: 191_000,
  unit: 'USD',
  source: 'Glassdoor',
  source_date: '2026',
  note: null,
}

export const ADMIN_SESSION: Session = {
  user: { id: 1, email: 'admin@demo.test', name: 'Ada Admin', role: 'admin' },
  via: 'session',
  csrf_token: 'csrf-token-of-the-admin',
  expires_at: '2026-03-02T20:00:00.000Z',
  must_change_password: false,
}

export const ADMIN: User = {
  ...ADMIN_SESSION.user,
  created_at: '2026-01-01T00:00:00.000Z',
  disabled_at: null,
}
