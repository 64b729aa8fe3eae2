import type { Distribution } from '../../analytics/quantiles'
import { ApiError } from '../../lib/errors'
import type { Disclosure } from '../context'
import type { ShownBox } from './release'

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

/**
 * The withheld entry of an area's interviewer minutes, or null where they may be shown. They
 * rest on the loops that recorded minutes in the area, so they need that partition released;
 * or none of other managers' loops recorded any, and the minutes are the viewer's own.
 */
export function minutesWithheld(
  release: ShownBox,
  area: { key: string; name: string },
): Disclosure['withheld'][number] | null {
  if (release.visible(`timed ${area.key}`) || release.count(`timed:${area.key}`) === 0) {
    return null
  }
  return {
    figure: `areas.${area.key}.minutes`,
    reason: `${area.name}: interviewer minutes and every figure made of them withheld, as fewer than ${release.floor} loops of other managers' requisitions recorded minutes in it, or 1 to ${release.floor - 1} more or fewer than in another answer you can get.`,
  }
}
