import { toCsv } from '../../../../../common/csv'
import type { RetentionModel } from '../api/get-model'
import type { AreaNames } from './model-data'

const HEADER = [
  'term',
  'area',
  'coefficient',
  'se',
  'z',
  'p',
  'odds_ratio',
  'odds_ratio_ci_lower',
  'odds_ratio_ci_upper',
]

/** Every term of a fitted model, intercept first, as a CSV file's text. */
export function modelCsv(model: RetentionModel, names: AreaNames): string {
  return toCsv(
    HEADER,
    model.terms.map((term, index) => [
      term,
      names[term] ?? (index === 0 ? '' : term),
      model.coefficients?.[index],
      model.se?.[index],
      model.z?.[index],
      model.p_values?.[index],
      model.odds_ratios?.[index],
      model.odds_ratio_ci?.[index]?.[0],
      model.odds_ratio_ci?.[index]?.[1],
    ]),
  )
}
