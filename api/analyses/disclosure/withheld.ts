import type { Distribution } from '../../analytics/quantiles'
import { ApiError } from '../../lib/errors'
import type { Disclosure } from '../context'

/** A restricted answer that may not be given, with the reason in words. */
export const withheld = (reason: string) => new ApiError(403, 'forbidden', reason)

/** The answer, saying in words which of its figures were withheld and why. */
export function saying<Answer extends { disclosure: Disclosure }>(
  answer: Answer,
  withheldFigures: readonly Disclosure['withheld'][number][],
): Answer {
  if (withheldFigures.length === 0) return answer
  return {
    ...answer,
    disclosure: {
      ...answer.disclosure,
      withheld: [...answer.disclosure.withheld, ...withheldFigures],
    },
  }
}

/** A distribution without its smallest and largest values, each one person's. */
export const withoutExtremes = (distribution: Distribution): Distribution => ({
  ...distribution,
  min: null,
  max: null,
})
