import { useId } from 'react'
import { QueryStates } from '../../../components/query-states'
import { formatLevel, formatScore } from '../../../lib/format'
import {
  useCandidateList,
  useRequisitionOptions,
  type CandidateList,
  type CandidateOption,
} from '../api/get-candidates'
import {
  MAX_COMPARED,
  requisitionLabel,
  STATUS_FILTERS,
  STATUS_WORDS,
  toggled,
  type CompareSelection,
} from './compare-data'

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
                onChange({
                  ...selection,
                  requisitionId: event.target.value || null,
                  applicationIds: [],
                })
              }
            >
              <option value="">Choose a requisition…</option>
              {options.map((requisition) => (
                <option key={requisition.id} value={requisition.id}>
                  {requisitionLabel(requisition)} · {formatLevel(requisition.level)} ·{' '}
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

/** Search and status filter: they narrow the list, never what is already picked. */
function CandidateFilters({
  selection,
  onChange,
  counts,
}: Props & { counts: CandidateList['counts'] | null }) {
  const hintId = useId()
  return (
    <div className="compare-picker__filters">
      <label className="compare-picker__search">
        Search candidates
        <input
          type="search"
          name="q"
          placeholder="Name or id"
          value={selection.search}
          maxLength={100}
          onChange={(event) => onChange({ ...selection, search: event.target.value })}
        />
      </label>
      <fieldset className="compare-picker__status" aria-describedby={hintId}>
        <legend>Status</legend>
        {STATUS_FILTERS.map((status) => (
          <label key={status}>
            <input
              type="radio"
              name="status"
              value={status}
              checked={selection.status === status}
              onChange={() => onChange({ ...selection, status })}
            />
            {STATUS_WORDS[status]}
            {counts !== null && ` (${String(counts[status])})`}
          </label>
        ))}
        <p id={hintId} className="compare-picker__detail">
          Still open: no decision yet, or hired but not yet started. Hired: hired and started.
        </p>
      </fieldset>
    </div>
  )
}

function CandidateRow({ candidate, selection, onChange }: Props & { candidate: CandidateOption }) {
  const picked = selection.applicationIds.includes(candidate.id)
  const full = selection.applicationIds.length >= MAX_COMPARED
  const name = candidate.candidate_name ?? `Erased (${candidate.id})`
  return (
    <tr className={picked ? 'compare-picker__row--picked' : undefined}>
      <th scope="row">
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
          <span>{name}</span>
        </label>
      </th>
      <td className="compare-picker__detail-cell">{candidate.id}</td>
      <td>{STATUS_WORDS[candidate.status]}</td>
      <td className="numeric" data-testid="picker-composite">
        {candidate.composite === null ? 'no ratings' : formatScore(candidate.composite)}
      </td>
      <td className="numeric">{candidate.ratings}</td>
    </tr>
  )
}

function CandidateTable({ list, selection, onChange }: Props & { list: CandidateList }) {
  const hidden = selection.applicationIds.filter(
    (id) => !list.candidates.some((candidate) => candidate.id === id),
  )
  return (
    <fieldset className="compare-picker__candidates">
      <legend>
        Candidates to compare ({selection.applicationIds.length} of at most {MAX_COMPARED})
      </legend>
      {hidden.length > 0 && (
        <p className="compare-picker__detail" data-testid="picked-hidden">
          Also picked, not in this list: {hidden.join(', ')}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ ...selection, search: '', status: 'all' })}
          >
            Show all candidates
          </button>
        </p>
      )}
      {list.candidates.length === 0 ? (
        <p className="panel-state">
          No candidate of this requisition matches
          {selection.search !== '' && ` “${selection.search}”`}
          {selection.status !== 'all' &&
            ` among those ${STATUS_WORDS[selection.status].toLowerCase()}`}
          .
        </p>
      ) : (
        <div className="table-scroll">
          <table className="compare-picker__table">
            <caption className="visually-hidden">
              Candidates of {requisitionLabel(list.requisition)}, best composite first
            </caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Application</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Composite
                  <span className="compare-picker__detail">
                    weighted for {formatLevel(list.requisition.level).toLowerCase()}, 1–4
                  </span>
                </th>
                <th scope="col" className="numeric">
                  Ratings
                </th>
              </tr>
            </thead>
            <tbody>
              {list.candidates.map((candidate) => (
                <CandidateRow
                  key={candidate.id}
                  candidate={candidate}
                  selection={selection}
                  onChange={onChange}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  )
}

function CandidateChecklist({
  requisitionId,
  selection,
  onChange,
}: Props & { requisitionId: string }) {
  const candidates = useCandidateList({
    requisitionId,
    status: selection.status,
    search: selection.search,
  })
  return (
    <>
      <CandidateFilters
        selection={selection}
        onChange={onChange}
        counts={candidates.data?.counts ?? null}
      />
      <QueryStates
        query={candidates}
        what="The candidates"
        loading="Loading candidates…"
        notFound={<span>This requisition does not exist, or it is not one of yours.</span>}
      >
        {(list) =>
          list.counts.all === 0 && selection.search === '' ? (
            <p className="panel-state">This requisition has no candidates yet.</p>
          ) : (
            <CandidateTable list={list} selection={selection} onChange={onChange} />
          )
        }
      </QueryStates>
    </>
  )
}

/** Choose a requisition, then two to four of its candidates: searched, filtered, best first. */
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
