import type {
  ComparedApplication,
  Comparison,
} from '../../web/src/features/compare/api/get-comparison'

/** As the rubric names it: every surface shows this name, never the key. */
export const UNWRAP = { key: 'unwrap_everywhere', name: 'unwrap() everywhere' }

/** ana.lee rates this much above colleagues, after shrinkage. */
export const ANA_LENIENCY = 0.25

const AREAS = [
  { key: 'ownership', name: 'Ownership & lifetimes', weight: 0.15 },
  { key: 'judgment', name: 'Judgment', weight: 0.25 },
]

export function compared(
  id: string,
  name: string | null,
  scores: (number | null)[],
  extra: Partial<ComparedApplication> = {},
): ComparedApplication {
  return {
    id,
    applied_at: '2026-01-10',
    decision: 'pending',
    candidate: { id: `C-${id}`, name, background: null, erased_at: null },
    areas: AREAS.map((area, k) => ({
      key: area.key,
      name: area.name,
      score: scores[k] ?? null,
      adjusted_score: scores[k] == null ? null : scores[k] - ANA_LENIENCY,
      ratings:
        scores[k] === null || scores[k] === undefined
          ? []
          : [
              {
                interviewer: 'ana.lee',
                rating: scores[k],
                interviewed_at: '2026-01-20',
                minutes: 30,
                red_flags: k === 0 ? [UNWRAP] : [],
                note: k === 1 ? 'Knew when to reach for Go' : null,
                leniency_shrunk: ANA_LENIENCY,
                adjusted_rating: scores[k] - ANA_LENIENCY,
              },
            ],
    })),
    composite: 3.1,
    adjusted_composite: 3.1 - ANA_LENIENCY,
    missing_areas: [],
    red_flags: [{ ...UNWRAP, count: 1 }],
    offer: null,
    predicted_retention: { probability: 0.81, ci: [0.7, 0.89] },
    prediction_note: null,
    ...extra,
  }
}

export function comparison(applications: ComparedApplication[]): Comparison {
  return {
    as_of: '2026-03-31',
    requisition: {
      id: 'REQ-0007',
      title: 'Senior Rust Engineer, Payments',
      level: 'senior',
      hire_type: 'direct',
    },
    areas: AREAS,
    salary_band: {
      level: 'senior',
      metro: null,
      low: 115000,
      high: 191000,
      source: 'Glassdoor',
      source_date: '2026-01-15',
    },
    model: { status: 'ok', message: null, n: 96, cv_auc: 0.68 },
    adjustment: {
      status: 'ok',
      as_of: '2026-03-31',
      note: null,
      shrinkage: {
        between_variance: 0.05,
        within_variance: 0.53,
        n_interviewers: 25,
        n_compared: 7353,
        note: null,
      },
      unadjusted_interviewers: [],
    },
    applications,
  }
}
