import type { Level } from '../../../../../db/domain'
import { formatNumber } from '../../../lib/format'
import type { Composite, CompositeValidity } from '../api/get-composite'
import type { AreaNames } from './model-data'

export interface Area {
  key: string
  name: string
}

/** The rubric's areas, in the rubric's order, from the weights the composite reports. */
export function compositeAreas(composite: Composite, names: AreaNames): Area[] {
  const anyLevel = Object.values(composite.current.weights_by_level)[0] ?? {}
  return Object.keys(anyLevel).map((key) => ({ key, name: names[key] ?? key }))
}

/** Weights as the API and the URL take them: "ownership:0.2,judgment:0.8". */
export function weightsParam(weights: Readonly<Record<string, number>>): string {
  return (
    Object.entries(weights)
      // Six decimals at most, so a tiny weight never turns into "1e-7", which the API refuses.
      .map(([key, weight]) => `${key}:${String(Number(weight.toFixed(6)))}`)
      .join(',')
  )
}

const WEIGHT_PAIR = /^([a-z0-9_]+):(\d+(?:\.\d+)?)$/

/** A weights parameter read back, or null when it is not one (a hand-edited link). */
export function parseWeightsParam(text: string | null): Record<string, number> | null {
  if (!text) return null
  const pairs = text.split(',').map((pair) => WEIGHT_PAIR.exec(pair.trim()))
  if (pairs.some((match) => match === null)) return null
  const weights = Object.fromEntries(pairs.map((match) => [match![1]!, Number(match![2])]))
  return Object.values(weights).some((weight) => weight > 0) ? weights : null
}

/** The editor's first values: the level's current weights, or equal ones across levels. */
export function startingWeights(
  composite: Composite,
  areas: readonly Area[],
  level: Level | undefined,
): Record<string, number> {
  const current = level ? composite.current.weights_by_level[level] : undefined
  return Object.fromEntries(
    areas.map((area) => [area.key, current?.[area.key] ?? roundWeight(1 / areas.length)]),
  )
}

export const roundWeight = (weight: number) => Math.round(weight * 100) / 100

const MAX_WEIGHT = 1000
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

export interface WeightCheck {
  /** The weights to propose, or null while any input is not valid. */
  weights: Record<string, number> | null
  /** Problems of single fields, each naming its area. */
  fieldErrors: Record<string, string>
  /** A problem of the weights together (all zero). */
  formError: string | null
  /** Sum of the valid inputs, shown so the editor can say what they are scaled by. */
  sum: number
}

/** The editor's inputs checked: each a number from 0 to 1000, and not all zero. */
export function checkWeights(
  inputs: Readonly<Record<string, string>>,
  areas: readonly Area[],
): WeightCheck {
  const fieldErrors: Record<string, string> = {}
  const weights: Record<string, number> = {}
  for (const area of areas) {
    const text = (inputs[area.key] ?? '').trim()
    if (text === '') fieldErrors[area.key] = `${area.name}: enter a weight (0 or more).`
    else if (text.startsWith('-'))
      fieldErrors[area.key] = `${area.name}: a weight cannot be negative.`
    else if (!DECIMAL.test(text)) fieldErrors[area.key] = `${area.name}: "${text}" is not a number.`
    else if (Number(text) > MAX_WEIGHT) {
      fieldErrors[area.key] = `${area.name}: a weight can be at most ${MAX_WEIGHT}.`
    } else weights[area.key] = Number(text)
  }
  const sum = Object.values(weights).reduce((total, weight) => total + weight, 0)
  const fieldsValid = Object.keys(fieldErrors).length === 0
  const formError =
    fieldsValid && sum === 0 ? 'Give at least one area a weight above 0: all are 0 now.' : null
  return { weights: fieldsValid && !formError ? weights : null, fieldErrors, formError, sum }
}

export type CompositeKind = 'current' | 'suggested' | 'proposed'

export interface CompositeRow {
  kind: CompositeKind
  label: string
  validity: CompositeValidity | null
  /** Why there are no figures, or how they were made. */
  note: string | null
}

/** The current, suggested and proposed composites side by side, for the comparison table. */
export function compositeRows(composite: Composite, level: Level | undefined): CompositeRow[] {
  return [
    {
      kind: 'current',
      label: level ? `Current ${level} weights` : 'Current level weights',
      validity: composite.current.validity,
      note: level ? null : 'Each hire scored with the weights of their own level.',
    },
    {
      kind: 'suggested',
      label: 'Suggested by the model',
      validity: composite.suggested.validity,
      note: composite.suggested.message,
    },
    {
      kind: 'proposed',
      label: 'Your proposal',
      validity: composite.proposed?.validity ?? null,
      note: composite.proposed ? null : 'Change a weight above to score a proposal.',
    },
  ]
}

export interface WeightRow extends Area {
  /** Current weight per level shown, in the order of `levels`. */
  current: number[]
  suggested: number | null
  proposed: number | null
}

/** Every area's weights, current (one column per level shown), suggested and proposed. */
export function weightRows(
  composite: Composite,
  areas: readonly Area[],
  levels: readonly string[],
): WeightRow[] {
  return areas.map((area) => ({
    ...area,
    current: levels.map((level) => composite.current.weights_by_level[level]?.[area.key] ?? 0),
    suggested: composite.suggested.weights?.[area.key] ?? null,
    proposed: composite.proposed?.weights[area.key] ?? null,
  }))
}

/** One sentence comparing the composites, never claiming a difference the intervals do not. */
export function compositeSentence(composite: Composite, level: Level | undefined): string {
  const current = composite.current.validity
  if (composite.n === 0) {
    return 'No hire in this selection has a known outcome and a score in every area, so no composite can be validated yet.'
  }
  if (composite.too_few !== null || current === null || current.auc === null) {
    return `No weighting is validated here. ${composite.too_few ?? 'The composite could not be scored.'}`
  }
  const who = level ? `${level} hires` : 'hires'
  const suggested = composite.suggested.validity
  const base = `The current weights reach an AUC of ${formatNumber(current.auc)} (cross-validated ${formatNumber(current.cv_auc)}) over ${composite.n} ${who}.`
  if (!suggested || suggested.auc === null) {
    return `${base} The model suggests no other weights: ${composite.suggested.message ?? 'it could not be fitted.'}`
  }
  const overlapping =
    current.auc_ci !== null &&
    suggested.auc_ci !== null &&
    current.auc_ci[0] <= suggested.auc_ci[1] &&
    suggested.auc_ci[0] <= current.auc_ci[1]
  return `${base} The suggested weights reach ${formatNumber(suggested.auc)} (cross-validated ${formatNumber(suggested.cv_auc)})${
    overlapping ? '; their 95% intervals overlap, so these data cannot tell the two apart.' : '.'
  }`
}
