import { toCsv } from '../../../../../common/csv'
import { withheldReason } from '../../../components/disclosure-notice'
import { formatMoney, formatPercent } from '../../../lib/format'
import type { Expectancy, ExpectancyBand } from '../api/get-expectancy'
import type { Utility, UtilityScenario } from '../api/get-utility'

/** One band of the expectancy chart: what the bars and the error bar are drawn from. */
export interface ExpectancyRow {
  key: string
  label: string
  n: number
  observed: number | null
  /** Distances from the observed share to its Wilson interval's ends, as the error bar wants them. */
  errorY: [number, number]
  expected: number | null
  curve: number | null
}

export function expectancyRows(bands: readonly ExpectancyBand[]): ExpectancyRow[] {
  return bands.map((band) => ({
    key: band.key,
    label: band.label,
    n: band.n,
    observed: band.share_stayed,
    errorY:
      band.share_stayed !== null && band.share_ci
        ? [band.share_stayed - band.share_ci[0], band.share_ci[1] - band.share_stayed]
        : [0, 0],
    expected: band.expected,
    curve: band.curve,
  }))
}

/** Whether any band has a share to draw, or only the composite's curve is left. */
export const hasObservedShares = (bands: readonly ExpectancyBand[]) =>
  bands.some((band) => band.share_stayed !== null)

/** The Taylor–Russell comparison as a headline, or why there is none. */
export function taylorRussellSentence(expectancy: Expectancy): string {
  if (expectancy.too_few) return expectancy.too_few
  return (
    expectancy.taylor_russell?.sentence ??
    expectancy.taylor_russell_note ??
    'The comparison with random hiring cannot be made here.'
  )
}

export function expectancyCsv(bands: readonly ExpectancyBand[]): string {
  return toCsv(
    [
      'band',
      'hires_with_outcome',
      'stayed',
      'share_stayed',
      'ci_lower',
      'ci_upper',
      'model_expected',
      'composite_curve',
      'curve_ci_lower',
      'curve_ci_upper',
    ],
    bands.map((band) => [
      band.label,
      band.n,
      band.stayed,
      band.share_stayed,
      band.share_ci?.[0] ?? null,
      band.share_ci?.[1] ?? null,
      band.expected,
      band.curve,
      band.curve_ci?.[0] ?? null,
      band.curve_ci?.[1] ?? null,
    ]),
  )
}

const years = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} years`)
const perYear = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)} a year`)
const decimal = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits))

/** Why the interview cost, and the dollar gains resting on it, are withheld; null if not. */
export const costWithheld = (utility: Utility) =>
  withheldReason(utility.disclosure, 'inputs.cost_per_applicant')

/** Every input of the dollar figure, as label, value and where it comes from. */
export function utilityInputRows(utility: Utility): [string, string, string][] {
  const { inputs } = utility
  const costReason = costWithheld(utility)
  return [
    [
      'SD_y, value spread of a year of work',
      formatMoney(inputs.sdy),
      `${formatPercent(inputs.sdy_share)} of the band midpoint ${formatMoney(inputs.band_midpoint)}. ${inputs.band_note}`,
    ],
    [
      'C, interview cost per applicant',
      costReason === null ? formatMoney(inputs.cost_per_applicant) : 'withheld',
      costReason ??
        `${decimal(inputs.minutes_per_loop, 0)} interviewer minutes per loop at ${formatMoney(inputs.hourly_cost)} an hour`,
    ],
    [
      'T, expected tenure',
      years(inputs.tenure_years),
      `Kaplan–Meier mean time employed within ${String(inputs.horizon_days)} days: ${decimal(inputs.tenure_days, 0)} days`,
    ],
    [
      'N_a, applicants scored',
      perYear(inputs.applicants_per_year),
      `${String(inputs.n_pool)} applicants scored in every area over ${String(inputs.span_days ?? '–')} days`,
    ],
    [
      'N_s, hires',
      perYear(inputs.hires_per_year),
      `${String(inputs.n_hires)} hires with a known twelve-month outcome, scored in every area`,
    ],
    [
      'SR, selection ratio',
      formatPercent(inputs.selection_ratio),
      `φ(x_c) / SR = ${decimal(inputs.selected_mean_score)}, the mean standard score of those hired`,
    ],
  ]
}

export const SCENARIO_NAMES = {
  current: 'Current weights',
  suggested: 'Suggested weights',
  what_if: 'What-if weights',
} as const

export type ScenarioName = keyof typeof SCENARIO_NAMES

/** The scenarios the answer has, in order, with their names. */
export function scenariosOf(utility: Utility): { name: ScenarioName; scenario: UtilityScenario }[] {
  return (['current', 'suggested', 'what_if'] as const).flatMap((name) => {
    const scenario = utility[name]
    return scenario ? [{ name, scenario }] : []
  })
}

export function utilityCsv(utility: Utility): string {
  return toCsv(
    [
      'weights',
      'r',
      'r_corrected',
      'r_corrected_ci_lower',
      'r_corrected_ci_upper',
      'gain_per_year',
      'gain_ci_lower',
      'gain_ci_upper',
      'r_difference_from_current',
      'gain_difference_from_current',
    ],
    scenariosOf(utility).map(({ name, scenario }) => [
      SCENARIO_NAMES[name],
      scenario.validity?.r ?? null,
      scenario.validity?.r_corrected ?? null,
      scenario.validity?.r_corrected_ci[0] ?? null,
      scenario.validity?.r_corrected_ci[1] ?? null,
      scenario.gain,
      scenario.gain_ci?.[0] ?? null,
      scenario.gain_ci?.[1] ?? null,
      scenario.versus_current?.r_difference ?? null,
      scenario.versus_current?.gain_difference ?? null,
    ]),
  )
}
