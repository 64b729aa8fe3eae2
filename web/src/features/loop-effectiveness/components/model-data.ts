import { formatNumber, formatP } from '../../../lib/format'
import type { Axis } from '../../../lib/axis'
import { logAxis } from '../../../lib/log-axis'
import type { RetentionModel } from '../api/get-model'

const SIGNIFICANCE = 0.05
/** Below this many hires a result is called insufficient everywhere on the dashboard. */
const MIN_HIRES = 30
/** The usual rule of thumb for a stable logistic fit: ten of the rarer outcome per predictor. */
const EVENTS_PER_AREA = 10

export interface OddsRatioPoint {
  key: string
  name: string
  oddsRatio: number
  ci: [number, number]
  p: number
  significant: boolean
}

export interface OddsRatioChartData {
  points: OddsRatioPoint[]
  /** A log axis on round values taking in every interval and 1. */
  axis: Axis
}

/** An area's display name by its key; the key itself when the name is not known. */
export type AreaNames = Readonly<Record<string, string>>

/** The model's estimates can be read as findings only when it was fitted without trouble. */
export const hasEstimates = (model: RetentionModel) =>
  model.status === 'ok' && model.converged && model.odds_ratios !== null

/** The odds ratio of each area (the intercept left out), or null when there is nothing to plot. */
export function oddsRatioChartData(
  model: RetentionModel,
  names: AreaNames,
): OddsRatioChartData | null {
  if (!hasEstimates(model)) return null
  const points = model.terms.slice(1).map((key, index): OddsRatioPoint => {
    const oddsRatio = model.odds_ratios![index + 1]!
    const ci = model.odds_ratio_ci![index + 1]!
    const p = model.p_values![index + 1]!
    return {
      key,
      name: names[key] ?? key,
      oddsRatio,
      ci,
      p,
      significant: p < SIGNIFICANCE,
    }
  })
  const ends = points.flatMap((point) => point.ci)
  return {
    points,
    axis: logAxis(Math.min(...ends), Math.max(...ends)),
  }
}

export interface ModelExplanation {
  /** One plain sentence on what the model says, or why it says nothing. */
  headline: string
  /** A caution to read beside the estimates; null when there is none. */
  caution: string | null
  /** The areas left out of the model and why; null when every area is in it. */
  leftOut: string | null
}

/** "Left out of the model: Judgment (every hire used has the same … score …)." */
export function leftOutSentence(model: RetentionModel, names: AreaNames): string | null {
  if (model.dropped.length === 0) return null
  const each = model.dropped.map(
    (entry) =>
      `${names[entry.term] ?? entry.term} (${entry.reason.replaceAll(/\b[a-z_]+\b/g, (word) => names[word] ?? word)})`,
  )
  return `Left out of the model, the other areas fitted without it: ${each.join('; ')}.`
}

/** Plain words for each kind of trouble; null where the server's own message says it best. */
const STATUS_WORDS: Record<Exclude<RetentionModel['status'], 'ok'>, string | null> = {
  insufficient: null,
  separation:
    'The model cannot be estimated: among these hires some combination of scores tells stayers from leavers perfectly (separation), so the odds ratios run off to infinity.',
  not_converged:
    'The model did not settle on an answer (it did not converge), so its numbers cannot be trusted.',
  singular:
    'Two or more areas carry the same information among these hires (their scores are constant or move together), so their separate effects cannot be told apart.',
}

const NOT_ENOUGH = 'There are not enough hires to fit the model of all areas together.'

/** What the multivariable model says in words that never claim more than it carries. */
export function modelExplanation(model: RetentionModel, names: AreaNames): ModelExplanation {
  if (!hasEstimates(model)) {
    const status = model.status === 'ok' ? 'not_converged' : model.status
    const words = STATUS_WORDS[status]
    const explained =
      words === null
        ? (model.message ?? NOT_ENOUGH)
        : `${words}${status === 'not_converged' && model.message ? ` ${model.message}` : ''}`
    return {
      headline: `${explained} No odds ratios are shown.`,
      caution: null,
      leftOut: leftOutSentence(model, names),
    }
  }
  const chart = oddsRatioChartData(model, names)!
  const predictive = chart.points.filter((point) => point.significant)
  const listed = (points: OddsRatioPoint[], outcome: string) =>
    points.length === 0
      ? []
      : [
          `higher scores in ${points
            .map(
              (point) =>
                `${point.name} (odds ratio ${formatNumber(point.oddsRatio)} per point, p = ${formatP(point.p)})`,
            )
            .join(' and ')} go with ${outcome}`,
        ]
  const effects =
    predictive.length === 0
      ? 'Holding the other areas fixed, no area’s odds ratio is distinguishable from 1 (every p ≥ .05).'
      : `Holding the other areas fixed, ${[
          ...listed(
            predictive.filter((point) => point.oddsRatio > 1),
            'staying',
          ),
          ...listed(
            predictive.filter((point) => point.oddsRatio < 1),
            'leaving',
          ),
        ].join('; ')}.`
  const discrimination =
    model.cv_auc === null
      ? `In-sample AUC ${formatNumber(model.auc)}; the cross-validated AUC could not be computed.`
      : `Together the areas reach an AUC of ${formatNumber(model.auc)} on the hires the model was fitted to and ${formatNumber(model.cv_auc)} on held-out hires (5-fold cross-validation; 0.50 is chance).`
  const rarer = Math.min(model.n_retained, model.n_left)
  const areas = model.terms.length - 1
  const caution =
    model.n < MIN_HIRES || rarer < EVENTS_PER_AREA * areas
      ? `With ${model.n} hires, ${model.n_left} of whom left, there are fewer than ${EVENTS_PER_AREA} of the rarer outcome per area: the odds ratios are imprecise and may be inflated.`
      : null
  return {
    headline: `${effects} ${discrimination}`,
    caution,
    leftOut: leftOutSentence(model, names),
  }
}
