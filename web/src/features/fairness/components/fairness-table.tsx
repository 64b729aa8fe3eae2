import { formatP } from '../../../lib/format'
import type { AdverseImpact } from '../api/get-adverse-impact'
import { groupLabel, groupSentence, ratioWithInterval } from './fairness-data'

/** Every figure of every group, with what it says in words. */
export function FairnessTable({ impact }: { impact: AdverseImpact }) {
  return (
    <div className="table-scroll">
      <table className="fairness-table" data-testid="fairness-table">
        <caption className="visually-hidden">
          Selection rate and impact ratio by self-identified group
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Applicants</th>
            <th scope="col">Selected</th>
            <th scope="col">Selection rate</th>
            <th scope="col">Impact ratio (95% CI)</th>
            <th scope="col">Z test p</th>
            <th scope="col">Fisher p (Holm)</th>
            <th scope="col">What it says</th>
          </tr>
        </thead>
        <tbody>
          {impact.groups.map((group) => (
            <tr
              key={group.group}
              data-group={group.group}
              className={group.below_four_fifths ? 'is-below' : undefined}
            >
              <th scope="row">
                {groupLabel(group.group)}
                {group.group === impact.reference_group && <span className="badge">reference</span>}
                {group.below_four_fifths && <span className="badge">below ⅘</span>}
                {group.flagged && <span className="badge badge--flag">flagged</span>}
              </th>
              <td>{group.applicants}</td>
              <td>{group.selected}</td>
              <td>{(group.selection_rate * 100).toFixed(1)}%</td>
              <td>{group.group === impact.reference_group ? '1' : ratioWithInterval(group)}</td>
              <td>{formatP(group.z_ir_p)}</td>
              <td>{formatP(group.fisher_p_adjusted)}</td>
              <td className="fairness-table__reading">{groupSentence(group, impact)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
