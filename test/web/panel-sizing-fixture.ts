import type { IncrementalValidity } from '../../web/src/features/loop-effectiveness/api/get-incremental-validity'
import type { PanelSizing } from '../../web/src/features/loop-effectiveness/api/get-panel-sizing'

const context = {
  as_of: '2026-03-31',
  rubric: { key: 'rust', name: 'Rust engineer' },
  filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
  disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
}

type IncrementArea = IncrementalValidity['areas'][number]

const increment = (overrides: Partial<IncrementArea> & Pick<IncrementArea, 'key' | 'name'>) => ({
  lr_chisq: 1.9,
  df: 1,
  p: 0.17,
  cv_auc_with: 0.62,
  cv_auc_without: 0.59,
  cv_auc_difference: 0.03,
  not_computable: null,
  minutes_per_loop: 25,
  adds: 'nothing_detectable' as const,
  finding: `${overrides.name} adds nothing detectable beyond the other areas (LR p = .170); that is not proof that it adds nothing.`,
  ...overrides,
})

/** Judgment adds to the others; ownership, the costly area, adds nothing detectable. */
export function incrementalValidity(
  overrides: Partial<IncrementalValidity> = {},
): IncrementalValidity {
  return {
    ...context,
    n: 60,
    n_retained: 49,
    n_left: 11,
    full_cv_auc: 0.62,
    insufficient: false,
    message: null,
    areas: [
      increment({ key: 'ownership', name: 'Ownership & lifetimes', minutes_per_loop: 97 }),
      increment({
        key: 'judgment',
        name: 'Judgment',
        lr_chisq: 5.51,
        p: 0.019,
        cv_auc_without: 0.57,
        cv_auc_difference: 0.05,
        adds: 'adds',
        finding:
          'Judgment adds to the prediction of twelve-month retention beyond the other areas (LR p = .019).',
      }),
    ],
    ...overrides,
  }
}

type SizingArea = PanelSizing['areas'][number]

const sizing = (
  key: string,
  name: string,
  icc1: number,
  needed: [number, number, number, number],
  overrides: Partial<SizingArea> = {},
): SizingArea => ({
  key,
  name,
  icc1,
  n_groups: 500,
  reliability_by_raters: [1, 2, 3, 4, 5].map((raters) => ({
    raters,
    reliability: (raters * icc1) / (1 + (raters - 1) * icc1),
  })),
  raters_today: 2.9,
  reliability_today: (2.9 * icc1) / (1 + 1.9 * icc1),
  raters_needed: [
    { target: 0.7, raters: needed[0], whole_raters: needed[1] },
    { target: 0.8, raters: needed[2], whole_raters: needed[3] },
  ],
  minutes_per_loop: 25,
  hours_per_quarter: 18,
  lr_p: null,
  note: null,
  not_computable: null,
  ...overrides,
})

export function panelSizing(overrides: Partial<PanelSizing> = {}): PanelSizing {
  return {
    ...context,
    quarters: 12,
    areas: [
      sizing('ownership', 'Ownership & lifetimes', 0.6, [1.53, 2, 2.62, 3], {
        minutes_per_loop: 97,
        hours_per_quarter: 67.5,
        lr_p: 0.168,
        note: 'You spend about 68 interviewer-hours a quarter on Ownership & lifetimes, an area that adds nothing detectable beyond the other areas (LR p = .168). Not detecting it is not proof it adds nothing; more hires would tell.',
      }),
      sizing('judgment', 'Judgment', 0.47, [2.6, 3, 4.46, 5], {
        lr_p: 0.019,
        note: 'You spend about 18 interviewer-hours a quarter on Judgment; it adds to what the other areas predict.',
      }),
    ],
    ...overrides,
  }
}
