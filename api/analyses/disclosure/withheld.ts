import type { Distribution } from '../../analytics/quantiles'
import { ApiError } from '../../lib/errors'

/** A restricted answer that may not be given, with the reason in words. */
export const withheld = (reason: string) => new ApiError(403, 'forbidden', reason)

/** A distribution without its smallest and largest values, each one person's. */
export const withoutExtremes = (distribution: Distribution): Distribution => ({
  ...distribution,
  min: null,
  max: null,
})
