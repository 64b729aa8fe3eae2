import { normalQuantile } from './distributions'

/** What a Brogden–Cronbach–Gleser utility estimate rests on, every one shown beside it. */
export interface UtilityInputs {
  /** Hires a year, N_s. */
  hiresPerYear: number
  /** Applicants interviewed a year, N_a. */
  applicantsPerYear: number
  /** Expected tenure in years, T. */
  tenureYears: number
  /** SD of the yearly value of a hire's performance in dollars, SD_y. */
  sdy: number
  /** Interview cost per applicant in dollars, C. */
  costPerApplicant: number
}

const normalDensity = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)

/**
 * The mean standard score of those selected when the top SR of a normal pool is taken,
 * φ(x_c) / SR with x_c = Φ⁻¹(1 − SR).
 */
export function selectedMeanScore(selectionRatio: number): number {
  if (!(selectionRatio > 0 && selectionRatio < 1)) {
    throw new RangeError('selectedMeanScore: selectionRatio must lie strictly between 0 and 1')
  }
  return normalDensity(normalQuantile(1 - selectionRatio)) / selectionRatio
}

/**
 * Brogden–Cronbach–Gleser gain per year of selecting with a predictor of validity ρ over
 * selecting at random: ΔU = N_s · T · ρ · SD_y · φ(x_c) / SR − N_a · C, SR = N_s / N_a.
 * Linear in ρ, so the ends of ρ's interval give the ends of ΔU's.
 */
export function utilityGain(inputs: UtilityInputs, rho: number): number {
  const selectionRatio = inputs.hiresPerYear / inputs.applicantsPerYear
  return (
    inputs.hiresPerYear *
      inputs.tenureYears *
      rho *
      inputs.sdy *
      selectedMeanScore(selectionRatio) -
    inputs.applicantsPerYear * inputs.costPerApplicant
  )
}

/**
 * What one more unit of validity is worth a year: the gain of a validity difference Δρ is this
 * times Δρ (the interview cost is the same for both weightings and cancels).
 */
export function utilityPerValidity(inputs: UtilityInputs): number {
  return utilityGain(inputs, 1) - utilityGain(inputs, 0)
}
