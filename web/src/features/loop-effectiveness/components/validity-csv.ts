import { toCsv } from '../../../../../common/csv'
import type { AreaValidity } from '../api/get-validity'

const HEADER = [
  'area_key',
  'area',
  'hires',
  'pool',
  'r',
  'r_ci_lower',
  'r_ci_upper',
  'r_corrected',
  'r_corrected_ci_lower',
  'r_corrected_ci_upper',
  'r_xxi',
  'r_xxa',
  'r_corrected_indirect',
  'r_corrected_indirect_ci_lower',
  'r_corrected_indirect_ci_upper',
  'p',
  'q',
  'odds_ratio',
  'odds_ratio_ci_lower',
  'odds_ratio_ci_upper',
  'auc',
  'auc_ci_lower',
  'auc_ci_upper',
  'insufficient',
]

/** The validity numbers of every area, the forest plot's and the table's, as a CSV file's text. */
export function validityCsv(areas: readonly AreaValidity[]): string {
  return toCsv(
    HEADER,
    areas.map((area) => [
      area.key,
      area.name,
      area.n,
      area.n_pool,
      area.r,
      area.r_ci?.[0],
      area.r_ci?.[1],
      area.r_corrected,
      area.r_corrected_ci?.[0],
      area.r_corrected_ci?.[1],
      area.r_xxi,
      area.r_xxa,
      area.r_corrected_indirect,
      area.r_corrected_indirect_ci?.[0],
      area.r_corrected_indirect_ci?.[1],
      area.p,
      area.q,
      area.odds_ratio,
      area.odds_ratio_ci?.[0],
      area.odds_ratio_ci?.[1],
      area.auc,
      area.auc_ci?.[0],
      area.auc_ci?.[1],
      area.insufficient,
    ]),
  )
}
