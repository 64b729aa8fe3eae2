import { icc1ByArea } from '../analytics/icc'
import { spearmanBrown } from '../analytics/reliability'
import type { Cohort } from './cohort'

export interface AreaRaters {
  /** ICC(1) of the area's ratings over the cohort's applications; null when not defined. */
  icc1: number | null
  n_groups: number | null
  /** Mean number of interviewers per application rated in the area; null when none is. */
  raters_pool: number | null
  /** The same among hires with a known outcome and a score in the area. */
  raters_hires: number | null
  /** r_XXi: ICC(1) stepped up to raters_hires (Spearman–Brown). */
  reliability_hires: number | null
}

function meanRaters(column: Int32Array, rows: Iterable<number>): number | null {
  let total = 0
  let count = 0
  for (const row of rows) {
    if (column[row]! > 0) {
      total += column[row]!
      count++
    }
  }
  return count > 0 ? total / count : null
}

/** Each area's inter-rater reliability and how many interviewers rate it, over the cohort. */
export function areaRatersOf(cohort: Cohort): AreaRaters[] {
  const { dataset } = cohort
  const { interviewers, area, value } = dataset.ratings
  const { rows } = cohort
  // Read straight from the dataset's rating columns, without building a rating table.
  const reliabilities = icc1ByArea(dataset.areas.length, rows.length, (visit) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!
      for (let slot = interviewers.start[row]!; slot < interviewers.start[row + 1]!; slot++) {
        visit(area[slot]!, i, value[slot]!)
      }
    }
  })
  const knownHires = cohort.hires.flatMap(({ row, outcome }) => (outcome === null ? [] : [row]))
  return dataset.areaRatings.map((column, k) => {
    const icc1 = reliabilities[k]?.icc1 ?? null
    const n_groups = reliabilities[k]?.n_groups ?? null
    const hires = meanRaters(column, knownHires)
    return {
      icc1,
      n_groups,
      raters_pool: meanRaters(column, cohort.rows),
      raters_hires: hires,
      reliability_hires: icc1 !== null && hires !== null ? spearmanBrown(icc1, hires) : null,
    }
  })
}
