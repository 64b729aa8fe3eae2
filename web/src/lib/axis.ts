/** An axis's extent and its labelled positions. */
export interface Axis {
  domain: [number, number]
  ticks: number[]
}
