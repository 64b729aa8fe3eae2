import { ApiError } from '../lib/errors'
import type { DatasetArea } from '../dataset/dataset'

/** Weights aligned with the rubric's areas, as an object keyed by area. */
export const byArea = (areas: readonly DatasetArea[], weights: readonly number[]) =>
  Object.fromEntries(areas.map((area, k) => [area.key, weights[k]!]))

/** "ownership:0.2,judgment:0.8" as weights aligned with the rubric's areas, summing to 1. */
export function parseWeights(text: string, areas: readonly DatasetArea[]): number[] {
  const fail = (message: string): never => {
    throw new ApiError(400, 'invalid_request', `Invalid query: weights ${message}`, [
      { field: 'weights', message },
    ])
  }
  const weights = areas.map(() => 0)
  for (const pair of text.split(',')) {
    const parts = pair.split(':').map((part) => part.trim())
    if (parts.length !== 2) fail(`must be area:weight pairs (got "${pair.slice(0, 40)}")`)
    const [key = '', value = ''] = parts
    const index = areas.findIndex((area) => area.key === key)
    if (index === -1) {
      fail(`names "${key.slice(0, 40)}", not an area (${areas.map((area) => area.key).join(', ')})`)
    }
    const weight = Number(value)
    if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(weight)) {
      fail(`must give each area a number ≥ 0, as area:weight (got "${pair.slice(0, 40)}")`)
    }
    weights[index] = weight
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (!(total > 0)) fail('must give at least one area a weight above 0')
  return weights.map((weight) => weight / total)
}
