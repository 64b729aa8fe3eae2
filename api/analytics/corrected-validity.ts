import { z } from 'zod'
import { correctForRangeRestriction, correlationTest, intervalSchema } from './correlation'
import { sampleSd } from './descriptive'

export const correctedValiditySchema = z
  .object({
    n: z.number().int().meta({ description: 'Hires used: a known outcome and a score' }),
    n_pool: z.number().int().meta({ description: 'Applicants scored' }),
    r: z.number().meta({ description: 'Point-biserial correlation with staying twelve months' }),
    r_ci: intervalSchema,
    sd_pool: z.number(),
    sd_hires: z.number(),
    u: z.number().meta({ description: 'SD(pool) / SD(hires used)' }),
    r_corrected: z.number().meta({ description: 'Thorndike Case II corrected r' }),
    r_corrected_ci: intervalSchema,
  })
  .meta({ id: 'CorrectedValidity' })
export type CorrectedValidity = z.infer<typeof correctedValiditySchema>

/**
 * A score's validity observed among hires and corrected for direct range restriction
 * (Thorndike Case II, U = SD(pool) / SD(hires used)); the interval is the observed Fisher-z
 * interval carried through the correction, which is monotone in r. Null when r or U cannot be
 * computed (fewer than 4 hires, a constant score or outcome).
 */
export function correctedValidity(
  pool: ArrayLike<number>,
  hires: ArrayLike<number>,
  outcomes: ArrayLike<number>,
): CorrectedValidity | null {
  const test = correlationTest(hires, outcomes)
  const sdPool = sampleSd(pool)
  const sdHires = sampleSd(hires)
  if (!test || !(sdPool > 0) || !(sdHires > 0)) return null
  const u = sdPool / sdHires
  return {
    n: hires.length,
    n_pool: pool.length,
    r: test.r,
    r_ci: test.ci,
    sd_pool: sdPool,
    sd_hires: sdHires,
    u,
    r_corrected: correctForRangeRestriction(test.r, u),
    r_corrected_ci: [
      correctForRangeRestriction(test.ci[0], u),
      correctForRangeRestriction(test.ci[1], u),
    ],
  }
}
