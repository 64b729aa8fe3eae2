import { useState } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatCorrelation, formatInterval, formatMoney } from '../../../lib/format'
import type { Utility } from '../api/get-utility'
import {
  costWithheld,
  SCENARIO_NAMES,
  scenariosOf,
  utilityCsv,
  utilityInputRows,
} from './worth-data'

export interface UtilityEdits {
  sdy_share?: string
  hourly_cost?: string
  weights?: string
}

interface Props {
  data: Utility
  edits: UtilityEdits
  onEdit: (edits: UtilityEdits) => void
}

/** The inputs a user may change, kept in the URL so a link carries them. */
function InputsForm({ data, edits, onEdit }: Props) {
  const [draft, setDraft] = useState<UtilityEdits>(edits)
  const field = (name: keyof UtilityEdits, label: string, placeholder: string) => (
    <label>
      {label}
      <input
        name={name}
        value={draft[name] ?? ''}
        placeholder={placeholder}
        onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      />
    </label>
  )
  return (
    <form
      className="worth__inputs"
      onSubmit={(event) => {
        event.preventDefault()
        onEdit(draft)
      }}
      aria-label="Inputs of the dollar figure"
    >
      {field('sdy_share', 'SD_y as a share of the band midpoint', String(data.inputs.sdy_share))}
      {field('hourly_cost', 'Interviewer cost per hour ($)', String(data.inputs.hourly_cost))}
      {field('weights', 'What-if weights', 'ownership:0.2,judgment:0.8')}
      <button type="submit">Recompute</button>
    </form>
  )
}

/** ΔU per year over hiring at random for each weighting, with its interval and every input. */
export function UtilityPanel({ data, edits, onEdit }: Props) {
  const gainWithheld = costWithheld(data) !== null
  return (
    <>
      <p className="headline" data-testid="utility-summary">
        {data.current.sentence}
      </p>
      {data.suggested && <p data-testid="utility-suggested">{data.suggested.sentence}</p>}
      {data.what_if && <p data-testid="utility-what-if">{data.what_if.sentence}</p>}
      {data.not_computable === null && (
        <table className="worth__scenarios">
          <caption>ΔU per year over hiring at random, by weighting</caption>
          <thead>
            <tr>
              <th scope="col">Weights</th>
              <th scope="col">r observed</th>
              <th scope="col">r corrected (95% interval)</th>
              <th scope="col">ΔU a year</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {scenariosOf(data).map(({ name, scenario }) => (
              <tr key={name}>
                <th scope="row">{SCENARIO_NAMES[name]}</th>
                <td>{formatCorrelation(scenario.validity?.r ?? null)}</td>
                <td>
                  {formatCorrelation(scenario.validity?.r_corrected ?? null)} (
                  {formatInterval(scenario.validity?.r_corrected_ci ?? null, formatCorrelation)})
                </td>
                <td>{gainWithheld ? 'withheld' : formatMoney(scenario.gain)}</td>
                <td>
                  {gainWithheld
                    ? 'withheld'
                    : formatInterval(scenario.gain_ci, (value) => formatMoney(value))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="worth__inputs-table">
        <caption>Every input of ΔU = N_s · T · ρ · SD_y · φ(x_c) / SR − N_a · C</caption>
        <tbody>
          {utilityInputRows(data).map(([label, value, note]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InputsForm data={data} edits={edits} onEdit={onEdit} />
      <div className="chart-numbers">
        <ChartDownloads
          fileName={`utility-${data.as_of}`}
          csv={() => utilityCsv(data)}
          title="What the loop is worth"
        />
      </div>
    </>
  )
}
