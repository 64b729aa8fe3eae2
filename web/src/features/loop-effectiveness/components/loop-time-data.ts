import { withheldReason } from '../../../components/disclosure-notice'
import { formatCorrelation, formatPercent } from '../../../lib/format'
import { niceScale } from '../../../lib/nice-scale'
import type { AreaLoopTime, LoopTime } from '../api/get-loop-time'

/** DESIGN's figure: typical loops spend 40–60% of technical time on ownership and lifetimes. */
export const TYPICAL_OWNERSHIP_SHARE: [number, number] = [0.4, 0.6]
/** The one area the typical share is about; the band is drawn on its row only. */
export const OWNERSHIP = 'ownership'

export interface LoopTimeBar {
  key: string
  name: string
  /** Share of interview minutes; 0 where none are recorded or it is withheld (see below). */
  share: number
  hasMinutes: boolean
  /** Whether disclosure control withholds the share (the answer says why). */
  shareWithheld: boolean
  /** The range-corrected r, else the observed one; 0 where neither is known (see `validityKnown`). */
  validity: number
  validityKnown: boolean
  /** The 95% interval of the validity shown: the corrected one's, else the observed one's. */
  validityCi: [number, number] | null
  /** Whether `validity` is corrected for range restriction (else it is the observed r). */
  corrected: boolean
  insufficient: boolean
  /** Where typical loops spend their time, for the one area that figure is about. */
  typicalShare: [number, number] | null
}

export interface LoopTimeChartData {
  bars: LoopTimeBar[]
  shareDomain: [number, number]
  shareTicks: number[]
  validityDomain: [number, number]
  validityTicks: number[]
}

export const validityOf = (area: AreaLoopTime) => area.r_corrected ?? area.r

const validityCiOf = (area: AreaLoopTime): [number, number] | null =>
  area.r_corrected !== null ? area.r_corrected_ci : area.r !== null ? area.r_ci : null

/**
 * Per area, the share of minutes (left panel) and the validity with its interval (right panel),
 * on the same rows; each panel has its own axis.
 */
export function loopTimeChartData(areas: readonly AreaLoopTime[]): LoopTimeChartData {
  const bars = areas.map((area) => ({
    key: area.key,
    name: area.name,
    share: area.share ?? 0,
    hasMinutes: area.share !== null && area.minutes !== null && area.minutes > 0,
    // A share is null for want of minutes, or withheld where the area's minutes are not 0.
    shareWithheld: area.share === null && area.minutes !== 0,
    validity: validityOf(area) ?? 0,
    validityKnown: validityOf(area) !== null,
    validityCi: validityCiOf(area),
    corrected: area.r_corrected !== null,
    insufficient: area.insufficient,
    typicalShare: area.key === OWNERSHIP ? TYPICAL_OWNERSHIP_SHARE : null,
  }))
  const share = niceScale(
    0,
    Math.max(TYPICAL_OWNERSHIP_SHARE[1], ...bars.map((bar) => bar.share)),
    5,
  )
  const values = bars.flatMap((bar) => [bar.validity, ...(bar.validityCi ?? [])])
  const validity = niceScale(Math.min(0, ...values), Math.max(0, ...values), 5)
  return {
    bars,
    shareDomain: [0, Math.min(1, share.domain[1])],
    shareTicks: share.ticks.filter((tick) => tick <= 1),
    validityDomain: validity.domain,
    validityTicks: validity.ticks,
  }
}

const validityWords = (area: AreaLoopTime) => {
  const value = validityOf(area)
  if (value === null) return 'its validity could not be computed'
  if (area.insufficient) return 'it has too few hires with a known outcome to judge its validity'
  return `its correlation with staying, corrected for range restriction, is ${formatCorrelation(value)}`
}

/** Where the loop's time goes beside what each area predicts, in plain words. */
export function loopTimeSentence(loopTime: LoopTime): string {
  if (loopTime.total_minutes === null) {
    return (
      withheldReason(loopTime.disclosure, 'total_minutes') ??
      'The shares of interview minutes are withheld.'
    )
  }
  const timed = loopTime.areas.filter(
    (area) => area.share !== null && area.minutes !== null && area.minutes > 0,
  )
  if (loopTime.total_minutes === 0 || timed.length === 0) {
    return 'No interview minutes are recorded for this selection, so time spent cannot be set beside validity.'
  }
  const ownership = loopTime.areas.find((area) => area.key === OWNERSHIP)
  const [low, high] = TYPICAL_OWNERSHIP_SHARE
  const ownershipPart =
    ownership && ownership.share !== null
      ? `${ownership.name} takes ${formatPercent(ownership.share)} of interview minutes (typical loops spend ${formatPercent(low)}–${formatPercent(high)} there); ${validityWords(ownership)}.`
      : `Typical loops spend ${formatPercent(low)}–${formatPercent(high)} of their time on ownership; this rubric records none.`
  const judged = loopTime.areas.filter((area) => !area.insufficient && validityOf(area) !== null)
  const best = [...judged].sort((a, b) => validityOf(b)! - validityOf(a)!)[0]
  if (!best || best.key === OWNERSHIP) return ownershipPart
  return `${ownershipPart} The highest corrected correlation is ${best.name}'s (${formatCorrelation(validityOf(best))}), which ${best.share === null ? 'has no minutes recorded' : `takes ${formatPercent(best.share)} of the minutes`}; the validity table says whether it is more than chance.`
}
