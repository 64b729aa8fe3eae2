import { z } from 'zod'
import { MIN_HIRES } from './power'
import { wilsonInterval } from './proportions'
import { sortByOrder } from './descriptive'
import { binsSchema, describeDistribution, distributionSchema, histogram } from './quantiles'
import { hireAsOf, outcomeAsOf, retentionRateShape, type HireFacts } from './retention'

export const salaryBandSchema = z
  .object({
    id: z.number().int(),
    level: z.string().nullable(),
    metro: z.string().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    value: z.number().nullable(),
    source: z.string(),
    source_date: z.string(),
  })
  .meta({ id: 'SalaryBand' })
export type SalaryBand = z.infer<typeof salaryBandSchema>

export interface SalaryFacts extends HireFacts {
  id: string
  level: string
  metro: string | null
  offerSalary: number | null
}

/** Compa-ratio bands of the retention comparison: below 0.9, 0.9–1.1, above 1.1. */
export const COMPA_BANDS = [
  { key: 'below_0_9', label: 'below 0.9', from: Number.NEGATIVE_INFINITY, to: 0.9 },
  { key: '0_9_to_1_1', label: '0.9 to 1.1', from: 0.9, to: 1.1 },
  { key: 'above_1_1', label: 'above 1.1', from: 1.1, to: Number.POSITIVE_INFINITY },
] as const

const midpoint = (band: SalaryBand) => (band.low! + band.high!) / 2

/**
 * The benchmark band an offer is held against: a band with a range for the offer's own level
 * (its metro's band before the nationwide one), newest first. A band for every level is market
 * context only: holding a junior offer against it would measure the level, not the offer.
 */
export function matchingBand(
  bands: readonly SalaryBand[],
  level: string,
  metro: string | null,
): SalaryBand | null {
  const candidates = bands
    .filter(
      (band) =>
        band.level === level &&
        (band.metro === null || band.metro === metro) &&
        band.low !== null &&
        band.high !== null &&
        band.low + band.high > 0,
    )
    .sort(
      (a, b) =>
        Number(b.metro !== null) - Number(a.metro !== null) ||
        b.source_date.localeCompare(a.source_date) ||
        a.id - b.id,
    )
  return candidates[0] ?? null
}

/** Why an offer of this level has no band to be held against, in the words the dashboard shows. */
export const noBandReason = (level: string) =>
  `No benchmark band for ${level}: a compa-ratio is held only against a band of the hire's own level.`

const hireCompaRatioSchema = z.object({
  application_id: z.string(),
  level: z.string(),
  salary: z.number(),
  band_midpoint: z.number().nullable(),
  compa_ratio: z.number().nullable(),
  compa_ratio_reason: z
    .string()
    .nullable()
    .meta({ description: 'Why compa_ratio is null (no band for the level); null when it is set' }),
})
type HireCompaRatio = z.infer<typeof hireCompaRatioSchema>

export const salaryReportSchema = z.object({
  by_level: z.array(
    z.object({
      level: z.string(),
      band: salaryBandSchema.nullable(),
      band_reason: z
        .string()
        .nullable()
        .meta({ description: 'Why band is null (no band for the level); null when it is set' }),
      offers: distributionSchema,
      below_band: z.number().int(),
      within_band: z.number().int(),
      above_band: z.number().int(),
    }),
  ),
  hires: z.array(hireCompaRatioSchema),
  compa_ratio: distributionSchema,
  compa_histogram: binsSchema,
  retention_by_compa_ratio: z.array(
    z.object({ key: z.string(), label: z.string(), ...retentionRateShape }),
  ),
})
export type SalaryReport = z.infer<typeof salaryReportSchema>

/**
 * Offers against the benchmark band of their level (and metro), the compa-ratio of every hire
 * (salary / band midpoint; null with the reason for a level without a band), and twelve-month
 * retention by compa-ratio band over the hires with a band of their level.
 */
export function salaryReport(
  applications: readonly SalaryFacts[],
  bands: readonly SalaryBand[],
  asOf: string,
  levelOrder: readonly string[],
): SalaryReport {
  const offered = applications.filter(
    (application): application is SalaryFacts & { offerSalary: number } =>
      application.offerSalary !== null,
  )
  const levels = sortByOrder(
    [...new Set(offered.map((application) => application.level))],
    levelOrder,
  )
  const byLevel = levels.map((level) => {
    const salaries = offered.filter((application) => application.level === level)
    const band = matchingBand(bands, level, null)
    const count = (test: (salary: number) => boolean) =>
      band ? salaries.filter((application) => test(application.offerSalary)).length : 0
    return {
      level,
      band,
      band_reason: band ? null : noBandReason(level),
      offers: describeDistribution(salaries.map((application) => application.offerSalary)),
      below_band: count((salary) => salary < band!.low!),
      within_band: count((salary) => salary >= band!.low! && salary <= band!.high!),
      above_band: count((salary) => salary > band!.high!),
    }
  })
  const hires: (HireCompaRatio & { outcome: 0 | 1 | null })[] = offered.flatMap((application) => {
    if (!hireAsOf(application, asOf)) return []
    const band = matchingBand(bands, application.level, application.metro)
    const bandMidpoint = band ? midpoint(band) : null
    return [
      {
        application_id: application.id,
        level: application.level,
        salary: application.offerSalary,
        band_midpoint: bandMidpoint,
        compa_ratio: bandMidpoint === null ? null : application.offerSalary / bandMidpoint,
        compa_ratio_reason: band ? null : noBandReason(application.level),
        outcome: outcomeAsOf(application, asOf),
      },
    ]
  })
  const banded = hires.filter(
    (hire): hire is typeof hire & { compa_ratio: number } => hire.compa_ratio !== null,
  )
  const ratios = banded.map((hire) => hire.compa_ratio)
  return {
    by_level: byLevel,
    hires: hires.map(({ outcome: _outcome, ...hire }) => hire),
    compa_ratio: describeDistribution(ratios),
    compa_histogram: histogram(ratios, 0.05, 0),
    retention_by_compa_ratio: COMPA_BANDS.map((band) => {
      const members = banded.filter(
        (hire) =>
          hire.outcome !== null && hire.compa_ratio >= band.from && hire.compa_ratio < band.to,
      )
      const retained = members.filter((hire) => hire.outcome === 1).length
      return {
        key: band.key,
        label: band.label,
        n_outcome: members.length,
        retained,
        retention_rate: members.length > 0 ? retained / members.length : null,
        retention_rate_ci: wilsonInterval(retained, members.length),
        insufficient: members.length < MIN_HIRES,
      }
    }),
  }
}
