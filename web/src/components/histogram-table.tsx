interface Props {
  bins: readonly { from: number; to: number; count: number }[]
  format: (value: number) => string
  /** What the table holds, e.g. "Table of time to hire by week". */
  summary: string
  binLabel: string
}

/** The bins of a histogram, for readers who cannot or would rather not read the chart. */
export function HistogramTable({ bins, format, summary, binLabel }: Props) {
  return (
    <details className="numbers-table">
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">{binLabel}</th>
              <th scope="col">Hires</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.from}>
                <th scope="row">
                  {format(bin.from)} to under {format(bin.to)}
                </th>
                <td>{bin.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
