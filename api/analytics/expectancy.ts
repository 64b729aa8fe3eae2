import { z } from 'zod'
import { intervalSchema } from './correlation'
import { mean } from './descriptive'
import { fitLogistic } from './logistic-regression'
import { wilsonInterval } from './proportions'
import { predictRetention, type PredictedRetention } from './retention-model'

/**
 * Fixed bands of the composite (a weighted mean of 1–4 ratings), the same for every cohort so
 * that two answers never cut hires differently: 2 is "no", 3 "yes", halves between.
 */
export const COMPOSITE_BANDS = [
  { key: 'below_2_5', label: 'below 2.5', from: Number.NEGATIVE_INFINITY, to: 2.5, centre: 2.25 },
  { key: '2_5_to_3', label: '2.5 to 3', from: 2.5, to: 3, centre: 2.75 },
  { key: '3_to_3_5', label: '3 to 3.5', from: 3, to: 3.5, centre: 3.25 },
  { key: '3_5_up', label: '3.5 and above', from: 3.5, to: Number.POSITIVE_INFINITY, centre: 3.75 },
] as const

/** Two bands, split at "yes": what is shown where the finer bands would rest on too few hires. */
export const COARSE_COMPOSITE_BANDS = [
  { key: 'below_3', label: 'below 3', from: Number.NEGATIVE_INFINITY, to: 3, centre: 2.5 },
  { key: '3_up', label: '3 and above', from: 3, to: Number.POSITIVE_INFINITY, centre: 3.5 },
] as const

interface CompositeBand {
  key: string
  label: string
  from: number
  to: number
  /** Where the composite's own curve is read for the band. */
  centre: number
}

/** The band a composite falls in: each band holds its lower end. */
export const compositeBandOf = (
  composite: number,
  bands: readonly CompositeBand[] = COMPOSITE_BANDS,
) => bands.find((band) => composite >= band.from && composite < band.to)!

export const expectancyBandSchema = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number().int(),
  stayed: z.number().int(),
  share_stayed: z.number().nullable(),
  share_ci: intervalSchema.nullable().meta({ description: 'Wilson 95% interval of share_stayed' }),
  expected: z
    .number()
    .nullable()
    .meta({ description: "The model's mean predicted probability of staying in the band" }),
  curve: z.number().nullable().meta({
    description:
      "Probability of staying at the band's centre, from a logistic regression of retention on the composite; null for a band without hires",
  }),
  curve_ci: intervalSchema.nullable(),
  withheld: z.string().nullable(),
})
export type ExpectancyBand = z.infer<typeof expectancyBandSchema>

/** A hire with a known outcome: its composite and the model's probability of its staying. */
export interface ExpectancyCase {
  composite: number
  outcome: 0 | 1
  predicted: number | null
}

/**
 * Share of hires who stayed twelve months in each composite band, with a Wilson interval,
 * beside the model's mean predicted probability over the same hires (null when any of them
 * has no prediction).
 */
export function expectancyTable(
  cases: readonly ExpectancyCase[],
  bands: readonly CompositeBand[] = COMPOSITE_BANDS,
): ExpectancyBand[] {
  const curve = compositeCurve(cases)
  return bands.map((band) => {
    const inBand = cases.filter((entry) => compositeBandOf(entry.composite, bands).key === band.key)
    const stayed = inBand.filter((entry) => entry.outcome === 1).length
    const predicted = inBand.map((entry) => entry.predicted)
    const known = predicted.filter((value): value is number => value !== null)
    return {
      key: band.key,
      label: band.label,
      n: inBand.length,
      stayed,
      share_stayed: inBand.length > 0 ? stayed / inBand.length : null,
      share_ci: wilsonInterval(stayed, inBand.length),
      expected: known.length > 0 && known.length === inBand.length ? mean(known) : null,
      // Read only where the band has hires: beyond them the curve would be extrapolation.
      curve: inBand.length > 0 ? (curve?.(band.centre).probability ?? null) : null,
      curve_ci: inBand.length > 0 ? (curve?.(band.centre).ci ?? null) : null,
      withheld: null,
    }
  })
}

/**
 * Logistic regression of retention on the composite alone, read at any composite with a 95%
 * interval made on the log-odds scale (as R's predict with se.fit); null when it cannot be
 * fitted (too few cases, one outcome only, separation).
 */
export function compositeCurve(
  cases: readonly ExpectancyCase[],
): ((composite: number) => PredictedRetention) | null {
  const stayed = cases.filter((entry) => entry.outcome === 1).length
  if (cases.length < 3 || stayed === 0 || stayed === cases.length) return null
  const fit = fitLogistic(
    cases.map((entry) => [1, entry.composite]),
    cases.map((entry) => entry.outcome),
  )
  if (fit.status !== 'ok') return null
  const model = { ...fit, status: 'ok' as const, columns: [0], dropped: [] }
  return (composite) => predictRetention(model, [composite])!
}
