import { QueryStates } from '../../../components/query-states'
import { formatLevel } from '../../../lib/format'
import { useCandidateOptions, useRequisitionOptions } from '../api/get-candidates'
import { byRatings, MAX_COMPARED, toggled, type CompareSelection } from './compare-data'

interface Props {
  selection: CompareSelection
  onChange: (selection: CompareSelection) => void
}

function RequisitionSelect({ selection, onChange }: Props) {
  const requisitions = useRequisitionOptions()
  return (
    <QueryStates query={requisitions} what="The requisitions" loading="Loading requisitions…">
      {(options) =>
        options.length === 0 ? (
          <p className="panel-state">No requisitions to compare candidates of.</p>
        ) : (
          <label className="compare-picker__requisition">
            Requisition
            <select
              name="requisition"
              value={selection.requisitionId ?? ''}
              onChange={(event) =>
                onChange({ requisitionId: event.target.value || null, applicationIds: [] })
              }
            >
              <option value="">Choose a requisition…</option>
              {options.map((requisition) => (
                <option key={requisition.id} value={requisition.id}>
                  {requisition.title ?? requisition.id} · {formatLevel(requisition.level)} ·{' '}
                  {requisition.applications} candidates
                </option>
              ))}
            </select>
          </label>
        )
      }
    </QueryStates>
  )
}

function CandidateChecklist({
  requisitionId,
  selection,
  onChange,
}: Props & { requisitionId: string }) {
  const candidates = useCandidateOptions(requisitionId)
  const full = selection.applicationIds.length >= MAX_COMPARED
  return (
    <QueryStates
      query={candidates}
      what="The candidates"
      loading="Loading candidates…"
      notFound={<span>This requisition does not exist, or it is not one of yours.</span>}
    >
      {(options) =>
        options.length === 0 ? (
          <p className="panel-state">This requisition has no candidates yet.</p>
        ) : (
          <fieldset className="compare-picker__candidates">
            <legend>
              Candidates to compare ({selection.applicationIds.length} of at most {MAX_COMPARED})
            </legend>
            <ul>
              {byRatings(options).map((candidate) => {
                const picked = selection.applicationIds.includes(candidate.id)
                return (
                  <li key={candidate.id}>
                    <label>
                      <input
                        type="checkbox"
                        name="applications"
                        value={candidate.id}
                        checked={picked}
                        disabled={!picked && full}
                        onChange={() =>
                          onChange({
                            ...selection,
                            applicationIds: toggled(selection.applicationIds, candidate.id),
                          })
                        }
                      />
                      <span>{candidate.candidate_name ?? `Erased (${candidate.id})`}</span>
                      <span className="compare-picker__detail">
                        {candidate.decision} · {candidate.ratings} ratings
                      </span>
                    </label>
                  </li>
                )
              })}
            </ul>
          </fieldset>
        )
      }
    </QueryStates>
  )
}

/** Choose a requisition, then two to four of its candidates. */
export function CandidatePicker({ selection, onChange }: Props) {
  return (
    <section className="panel compare-picker" aria-labelledby="picker-title">
      <h2 id="picker-title">Who to compare</h2>
      <RequisitionSelect selection={selection} onChange={onChange} />
      {selection.requisitionId !== null && (
        <CandidateChecklist
          requisitionId={selection.requisitionId}
          selection={selection}
          onChange={onChange}
        />
      )}
    </section>
  )
}
