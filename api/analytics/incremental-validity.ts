import { z } from 'zod'
import { chiSquareUpperP } from './distributions'
import { fitLogistic } from './logistic-regression'
import {
  crossValidatedAuc,
  designOf,
  projected,
  usableColumns,
  type CompleteCase,
} from './retention-model'

export const areaIncrementSchema = z
  .object({
    key: z.string(),
    lr_chisq: z.number().nullable().meta({
      description:
        'Likelihood-ratio χ²(1): deviance of the model without the area minus that of the model of all areas',
    }),
    df: z.number().int(),
    p: z.number().nullable().meta({ description: 'Upper-tail p of the χ²(1)' }),
    cv_auc_with: z.number().nullable().meta({
      description: 'Cross-validated AUC of the model of all areas (stratified 5 folds)',
    }),
    cv_auc_without: z.number().nullable().meta({
      description: 'Cross-validated AUC of the model without the area, on the same folds',
    }),
    cv_auc_difference: z.number().nullable().meta({ description: 'cv_auc_with − cv_auc_without' }),
    not_computable: z.string().nullable(),
  })
  .meta({ id: 'AreaIncrement' })
export type AreaIncrement = z.infer<typeof areaIncrementSchema>

export const incrementalValiditySchema = z.object({
  n: z.number().int(),
  n_retained: z.number().int(),
  n_left: z.number().int(),
  full_deviance: z.number().nullable(),
  full_cv_auc: z.number().nullable(),
  message: z.string().nullable(),
  areas: z.array(areaIncrementSchema),
})
export type IncrementalValidity = z.infer<typeof incrementalValiditySchema>

/** An area's increment left uncomputed, saying why. */
export const noIncrement = (key: string, reason: string): AreaIncrement => ({
  key,
  lr_chisq: null,
  df: 1,
  p: null,
  cv_auc_with: null,
  cv_auc_without: null,
  cv_auc_difference: null,
  not_computable: reason,
})

/**
 * What each area adds beyond the others in the logistic model of twelve-month retention on
 * every area: the likelihood-ratio χ²(1) between the model with and without it (R's
 * anova(glm_without, glm_with, test = "Chisq")), and the cross-validated AUC of both models on
 * the same folds. Cases are hires scored in every area with a known outcome.
 */
export function incrementalValidity(
  areaKeys: readonly string[],
  cases: readonly CompleteCase[],
): IncrementalValidity {
  const retained = cases.filter((entry) => entry.outcome === 1).length
  const base = {
    n: cases.length,
    n_retained: retained,
    n_left: cases.length - retained,
    full_deviance: null,
    full_cv_auc: null,
  }
  const nothing = (message: string): IncrementalValidity => ({
    ...base,
    message,
    areas: areaKeys.map((key) => noIncrement(key, message)),
  })
  if (cases.length < areaKeys.length + 2 || retained === 0 || retained === cases.length) {
    return nothing(
      'Too few hires scored in every area, or all with the same outcome: no model to compare.',
    )
  }
  const { columns, dropped } = usableColumns(areaKeys, cases)
  const fitOf = (kept: readonly number[]) => {
    const subset = projected(cases, kept)
    return {
      fit: fitLogistic(
        designOf(subset),
        subset.map((entry) => entry.outcome),
      ),
      cases: subset,
    }
  }
  const full = fitOf(columns)
  if (full.fit.status !== 'ok') return nothing(full.fit.message ?? 'The model could not be fitted.')
  const fullCv = crossValidatedAuc(full.cases).auc
  const areas = areaKeys.map((key, k) => {
    const left = dropped.find((entry) => entry.term === key)
    if (left) return noIncrement(key, `Not in the model: ${left.reason}.`)
    const without = fitOf(columns.filter((column) => column !== k))
    if (without.fit.status !== 'ok') {
      return noIncrement(key, without.fit.message ?? 'The model without it could not be fitted.')
    }
    // Both deviances are minima of the same likelihood over nested models: never negative.
    const chisq = Math.max(0, without.fit.deviance - full.fit.deviance)
    const withoutCv = crossValidatedAuc(without.cases).auc
    return {
      key,
      lr_chisq: chisq,
      df: 1,
      p: chiSquareUpperP(chisq, 1),
      cv_auc_with: fullCv,
      cv_auc_without: withoutCv,
      cv_auc_difference: fullCv !== null && withoutCv !== null ? fullCv - withoutCv : null,
      not_computable: null,
    }
  })
  return {
    ...base,
    full_deviance: full.fit.deviance,
    full_cv_auc: fullCv,
    message: null,
    areas,
  }
}
