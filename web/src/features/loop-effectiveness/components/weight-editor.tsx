import { useEffect, useState } from 'react'
import { formatNumber, formatPercent } from '../../../lib/format'
import {
  checkWeights,
  roundWeight,
  weightsParam,
  type Area,
  type WeightRow,
} from './composite-data'

/** Time after the last keystroke before a proposal is sent: one request per pause, not per key. */
const DEBOUNCE_MS = 400

interface Props {
  rows: readonly WeightRow[]
  /** The level columns of the current weights, in the order of each row's `current`. */
  levels: readonly string[]
  /** The weights Reset goes back to: the level's current weights, or equal ones. */
  starting: Readonly<Record<string, number>>
  /** The link's proposal, if it has one; the inputs start from it. */
  linked: Readonly<Record<string, number>> | null
  /** The proposal in the URL now, so an unchanged proposal is not sent again. */
  proposedParam: string | null
  onPropose: (weights: string) => void
  onReset: () => void
}

const inputsOf = (weights: Readonly<Record<string, number>>, areas: readonly Area[]) =>
  Object.fromEntries(areas.map((area) => [area.key, String(weights[area.key] ?? 0)]))

/**
 * The weights of every area, current and suggested, with an input per area for a what-if
 * proposal; valid edits reach the URL (and so the API) once typing pauses.
 */
export function WeightEditor({
  rows,
  levels,
  starting,
  linked,
  proposedParam,
  onPropose,
  onReset,
}: Props) {
  const [inputs, setInputs] = useState(() => inputsOf(linked ?? starting, rows))
  const [edited, setEdited] = useState(false)
  const check = checkWeights(inputs, rows)
  const proposal = check.weights ? weightsParam(check.weights) : null

  useEffect(() => {
    if (!edited || proposal === null || proposal === proposedParam) return
    const timer = setTimeout(() => onPropose(proposal), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [edited, proposal, proposedParam, onPropose])

  const edit = (next: Record<string, string>) => {
    setInputs(next)
    setEdited(true)
  }
  const suggested = rows.every((row) => row.suggested !== null)
    ? Object.fromEntries(rows.map((row) => [row.key, roundWeight(row.suggested!)]))
    : null
  const errors = [
    ...Object.values(check.fieldErrors),
    ...(check.formError ? [check.formError] : []),
  ]
  const columnSum = (values: readonly (number | null)[]) =>
    formatNumber(values.reduce<number>((sum, value) => sum + (value ?? 0), 0))

  return (
    <div className="weight-editor">
      <div className="table-scroll">
        <table className="validity-table weights-table">
          <caption className="visually-hidden">
            Weight of each area in the composite: current by level, suggested by the model, and your
            proposal
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Area
              </th>
              <th scope="col" rowSpan={2}>
                Your weight
              </th>
              <th scope="col" rowSpan={2}>
                Suggested
              </th>
              <th scope="colgroup" colSpan={levels.length} className="weights-table__group">
                Current, by level
              </th>
            </tr>
            <tr>
              {levels.map((level) => (
                <th key={level} scope="col">
                  {level}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const error = check.fieldErrors[row.key]
              const value = check.weights?.[row.key]
              return (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="weight-editor__cell">
                    <input
                      type="number"
                      min="0"
                      step="0.05"
                      inputMode="decimal"
                      name={`weight-${row.key}`}
                      aria-label={`Your weight for ${row.name}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? 'weight-editor-errors' : 'weight-editor-sum'}
                      value={inputs[row.key] ?? ''}
                      onChange={(event) => edit({ ...inputs, [row.key]: event.target.value })}
                    />
                    <span className="weight-editor__share" aria-hidden="true">
                      {value !== undefined && check.sum > 0 ? formatPercent(value / check.sum) : ''}
                    </span>
                  </td>
                  <td>{formatNumber(row.suggested)}</td>
                  {row.current.map((weight, index) => (
                    <td key={levels[index]}>{formatNumber(weight)}</td>
                  ))}
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Sum</th>
              <td id="weight-editor-sum" data-testid="weight-sum">
                {formatNumber(check.sum)}
              </td>
              <td>{suggested ? columnSum(rows.map((row) => row.suggested)) : '–'}</td>
              {levels.map((level, index) => (
                <td key={level}>{columnSum(rows.map((row) => row.current[index] ?? 0))}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="weight-editor__note">
        Each composite is the weighted mean of the area scores, so only the proportions matter: your
        weights are divided by their sum (the percentages beside them).
      </p>
      {errors.length > 0 && (
        <ul id="weight-editor-errors" className="weight-editor__errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div className="weight-editor__actions">
        {suggested && (
          <button type="button" onClick={() => edit(inputsOf(suggested, rows))}>
            Start from the suggested weights
          </button>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setInputs(inputsOf(starting, rows))
            setEdited(false)
            onReset()
          }}
        >
          Reset
        </button>
      </div>
    </div>
  )
}
