import { z } from 'zod'
import { intervalSchema } from './correlation'
import { mean } from './descriptive'
import { wilsonInterval } from './proportions'

/**
 * Fixed bands of the composite (a weighted mean of 1–4 ratings), the same for every cohort so
 * that two answers never cut hires differently: 2 is "no", 3 "yes", halves between.
 */
export const COMPOSITE_BANDS = [
  { key: 'below_2_5', label: 'below 2.5', from: Number.NEGATIVE_INFINITY, to: 2.5 },
  { key: '2_5_to_3', label: '2.5 to 3', from: 2.5, to: 3 },
  { key: '3_to_3_5', label: '3 to 3.5', from: 3, to: 3.5 },
  { key: '3_5_up', label: '3.5 and above', from: 3.5, to: Number.POSITIVE_INFINITY },
] as const

/** The band a composite falls in: each band holds its lower end. */
export const compositeBandOf = (composite: number) =>
  COMPOSITE_BANDS.find((band) => composite >= band.from && composite < band.to)!

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
export function expectancyTable(cases: readonly ExpectancyCase[]): ExpectancyBand[] {
  return COMPOSITE_BANDS.map((band) => {
    const inBand = cases.filter((entry) => compositeBandOf(entry.composite).key === band.key)
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
      withheld: null,
    }
  })
}
