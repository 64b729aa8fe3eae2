import { APPLICATION_COLUMNS, SCORE_COLUMNS } from '../../api/import/canonical-format'

export const APPLICATION_HEADER = Object.keys(APPLICATION_COLUMNS)
export const SCORE_HEADER = Object.keys(SCORE_COLUMNS)

type Row = Record<string, string | number>

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A CSV text with the given header and rows (missing fields empty), LF line ends. */
export function csv(header: readonly string[], rows: readonly Row[]): string {
  const lines = [header.join(',')]
  for (const row of rows) lines.push(header.map((name) => quote(String(row[name] ?? ''))).join(','))
  return `${lines.join('\n')}\n`
}

/** A valid application row; override any field. */
export function applicationRow(overrides: Row = {}): Row {
  return {
    application_id: 'APP-1',
    candidate_id: 'CAND-1',
    candidate_name: 'Ada Lovelace',
    requisition_id: 'REQ-1',
    requisition_title: 'Rust Engineer, Payments',
    level: 'mid',
    hire_type: 'direct',
    opened_at: '2024-01-02',
    applied_at: '2024-01-10',
    decision: 'rejected',
    ...overrides,
  }
}

/** A valid score row; override any field. */
export function scoreRow(overrides: Row = {}): Row {
  return {
    application_id: 'APP-1',
    interviewer: 'grace.hopper',
    area: 'ownership',
    rating: 3,
    interviewed_at: '2024-01-20',
    minutes: 25,
    red_flags: '',
    note: '',
    ...overrides,
  }
}
