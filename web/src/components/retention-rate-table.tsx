import { formatPercent } from '../lib/format'
import type { GroupRetention } from '../lib/rate-data'

/** Twelve-month retention per group with its interval; groups with too few hires greyed. */
export function RetentionRateTable({
  groups,
  summary,
}: {
  groups: readonly GroupRetention[]
  summary: string
}) {
  return (
    <details className="numbers-table">
      <summary>{summary}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{summary}</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Hires with an outcome</th>
              <th scope="col">Stayed 12 months</th>
              <th scope="col">Retention</th>
              <th scope="col">95% CI</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key} className={group.insufficient ? 'is-insufficient' : undefined}>
                <th scope="row">
                  {group.label}
                  {group.insufficient && <span className="badge">insufficient</span>}
                </th>
                <td>{group.n_outcome}</td>
                <td>{group.retained}</td>
                <td>{formatPercent(group.retention_rate)}</td>
                <td>
                  {group.retention_rate_ci
                    ? `${formatPercent(group.retention_rate_ci[0])} to ${formatPercent(group.retention_rate_ci[1])}`
                    : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}
