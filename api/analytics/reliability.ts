/**
 * Spearman–Brown: the reliability of the mean of k raters whose single ratings have
 * reliability ρ₁ (an ICC(1)): ρ_k = kρ₁ / (1 + (k − 1)ρ₁).
 */
export function spearmanBrown(singleRater: number, raters: number): number {
  return (raters * singleRater) / (1 + (raters - 1) * singleRater)
}

/**
 * Raters whose mean reaches reliability `target` (Spearman–Brown solved for k):
 * k = R(1 − ρ₁) / (ρ₁(1 − R)). Null when ρ₁ ≤ 0: no number of raters gets there.
 */
export function ratersNeeded(singleRater: number, target: number): number | null {
  if (!(singleRater > 0)) return null
  return (target * (1 - singleRater)) / (singleRater * (1 - target))
}

/** The whole number of raters that reaches the target: at least one. */
export function wholeRatersNeeded(singleRater: number, target: number): number | null {
  const raters = ratersNeeded(singleRater, target)
  // A tolerance so that a k of exactly 3 computed as 3.0000000000000004 stays 3.
  return raters === null ? null : Math.max(1, Math.ceil(raters - 1e-9))
}

export type IndirectCorrection =
  { defined: true; r_xxa: number; u_t: number; rho: number } | { defined: false; reason: string }

/**
 * Case IV correction for indirect range restriction (Hunter, Schmidt & Le 2006), as psychmeta's
 * correct_r(correction = "uvirr_x") with a perfectly reliable criterion: u_X = SD(hires) /
 * SD(pool), r_XXi the predictor's reliability among hires. r_XXa = 1 − u_X²(1 − r_XXi);
 * u_T = √((u_X² − (1 − r_XXa)) / r_XXa); ρ_i = r / √r_XXi; ρ_a = ρ_i / √(u_T² + ρ_i²(1 − u_T²));
 * the operational validity is ρ_a·√r_XXa. Says why when it is not defined.
 */
export function correctForIndirectRangeRestriction(
  r: number,
  uX: number,
  reliabilityHires: number,
): IndirectCorrection {
  if (!(reliabilityHires > 0)) {
    return {
      defined: false,
      reason:
        'The ratings in this area agree no better than chance (reliability ≤ 0), so the true-score correction is not defined.',
    }
  }
  if (!(uX > 0)) {
    return { defined: false, reason: 'The hires used all have the same score in this area.' }
  }
  const uX2 = uX * uX
  const reliabilityPool = 1 - uX2 * (1 - reliabilityHires)
  if (!(reliabilityPool > 0) || uX2 < 1 - reliabilityPool) {
    return {
      defined: false,
      reason:
        "The hires' scores spread so much more than the pool's that the pool's reliability would be ≤ 0: the indirect correction is not defined.",
    }
  }
  const uT = Math.sqrt((uX2 - (1 - reliabilityPool)) / reliabilityPool)
  const rhoHires = r / Math.sqrt(reliabilityHires)
  const rhoPool = rhoHires / Math.sqrt(uT * uT + rhoHires * rhoHires * (1 - uT * uT))
  return {
    defined: true,
    r_xxa: reliabilityPool,
    u_t: uT,
    rho: rhoPool * Math.sqrt(reliabilityPool),
  }
}
