import { LEVELS, type Level } from '../../../../../db/domain'
import { formatCorrelation, formatInterval, formatNumber } from '../../../lib/format'
import type { Composite } from '../api/get-composite'
import {
  compositeAreas,
  compositeRows,
  compositeSentence,
  parseWeightsParam,
  startingWeights,
  weightRows,
} from './composite-data'
import type { AreaNames } from './model-data'
import { WeightEditor } from './weight-editor'

interface Props {
  composite: Composite
  names: AreaNames
  level: Level | undefined
  proposedParam: string | null
  onPropose: (weights: string) => void
  onReset: () => void
}

/** Current, suggested and what-if weights of the composite, and how well each predicts. */
export function CompositePanel({
  composite,
  names,
  level,
  proposedParam,
  onPropose,
  onReset,
}: Props) {
  const areas = compositeAreas(composite, names)
  const levels = level
    ? [level]
    : LEVELS.filter((each) => each in composite.current.weights_by_level)
  const linked = parseWeightsParam(proposedParam)
  return (
    <>
      <p className="composite-summary" data-testid="composite-summary">
        {compositeSentence(composite, level)}
      </p>
      <h3>Weights</h3>
      <WeightEditor
        key={level ?? 'all'}
        rows={weightRows(composite, areas, levels)}
        levels={levels}
        starting={startingWeights(composite, areas, level)}
        linked={linked}
        proposedParam={proposedParam}
        onPropose={onPropose}
        onReset={onReset}
      />
      {composite.too_few === null && (
        <>
          <h3>How well each composite predicts staying</h3>
          <div className="table-scroll">
            <table className="validity-table composite-table">
              <caption className="visually-hidden">
                Validity of the current, suggested and proposed composites for twelve-month
                retention
              </caption>
              <thead>
                <tr>
                  <th scope="col">Composite</th>
                  <th scope="col">Hires (n)</th>
                  <th scope="col">r (95% CI)</th>
                  <th scope="col">AUC (95% CI)</th>
                  <th scope="col" title="Mean AUC on held-out folds (5-fold cross-validation)">
                    Cross-validated AUC
                  </th>
                </tr>
              </thead>
              <tbody>
                {compositeRows(composite, level).map((row) => (
                  <tr key={row.kind} data-composite={row.kind}>
                    <th scope="row">
                      {row.label}
                      {row.note && <span className="row-note">{row.note}</span>}
                    </th>
                    <td>{row.validity?.n ?? '–'}</td>
                    <td>
                      <span className="estimate">{formatCorrelation(row.validity?.r ?? null)}</span>
                      <span className="interval">
                        {formatInterval(row.validity?.r_ci ?? null, formatCorrelation)}
                      </span>
                    </td>
                    <td>
                      <span className="estimate">{formatNumber(row.validity?.auc ?? null)}</span>
                      <span className="interval">
                        {formatInterval(row.validity?.auc_ci ?? null, (end) => formatNumber(end))}
                      </span>
                    </td>
                    <td className="composite-table__cv">
                      {formatNumber(row.validity?.cv_auc ?? null)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="power-note">
            The suggested weights are learnt from the model; their cross-validated AUC learns them
            again on each training fold, so it carries no optimism. Fixed weights (current and
            yours) are simply scored on each held-out fold.
          </p>
        </>
      )}
    </>
  )
}
