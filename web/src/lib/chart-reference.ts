/** A benchmark or landmark drawn across a chart at its value, named on the chart. */
export interface ChartReference {
  value: number
  label: string
}
