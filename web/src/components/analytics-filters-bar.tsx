import { useId, useState } from 'react'
import { HIRE_TYPES, LEVELS, type HireType, type Level } from '../../../db/domain'
import { dateRangeProblem, type AnalyticsFilters, type FilterField } from '../lib/analytics-filters'
import { useRequisitionOptions } from '../lib/requisition-options'

interface Props {
  fields: readonly FilterField[]
  filters: AnalyticsFilters
  onChange: (filters: AnalyticsFilters) => void
}

export const HIRE_TYPE_LABELS: Record<HireType, string> = {
  direct: 'Direct',
  contract: 'Contract',
  contract_to_hire: 'Contract to hire',
}

/**
 * A requisition by id, with the viewer's requisitions offered as they type. It is applied when
 * the text is one of them, or when the field is left or Enter is pressed (an id the viewer may
 * not see is then answered as unknown).
 */
function RequisitionFilter({ filters, onChange }: Omit<Props, 'fields'>) {
  const listId = useId()
  const [wanted, setWanted] = useState(false)
  const requisitions = useRequisitionOptions(wanted)
  const applied = filters.requisition_id ?? ''
  const [draft, setDraft] = useState({ text: applied, applied })
  // The URL changed under the field (Clear filters, a link): show what is applied now.
  if (draft.applied !== applied) setDraft({ text: applied, applied })
  const options = requisitions.data?.options ?? []
  const apply = (text: string) => {
    const id = text.trim()
    if (id === applied) return
    onChange({ ...filters, requisition_id: id || undefined })
  }
  return (
    <label>
      Requisition
      <input
        name="requisition_id"
        list={listId}
        value={draft.text}
        placeholder="All requisitions"
        autoComplete="off"
        maxLength={128}
        onFocus={() => setWanted(true)}
        onChange={(event) => {
          const text = event.target.value
          setDraft({ text, applied })
          if (text === '' || options.some((option) => option.id === text)) apply(text)
        }}
        onBlur={(event) => apply(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply(event.currentTarget.value)
        }}
      />
      <datalist id={listId}>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.title ? `${option.title} (${option.level})` : option.level}
          </option>
        ))}
      </datalist>
    </label>
  )
}

/**
 * Applications made from one day to another. The pair is applied only when it is a range
 * (from on or before to); until then the field says what is wrong and the view keeps its figures.
 */
function DateRangeFilter({ filters, onChange }: Omit<Props, 'fields'>) {
  const problemId = useId()
  const applied = { from: filters.from ?? '', to: filters.to ?? '' }
  const [draft, setDraft] = useState({ ...applied, applied })
  if (draft.applied.from !== applied.from || draft.applied.to !== applied.to) {
    setDraft({ ...applied, applied })
  }
  const problem = dateRangeProblem(draft.from || undefined, draft.to || undefined)
  const change = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value }
    setDraft(next)
    if (dateRangeProblem(next.from || undefined, next.to || undefined) !== null) return
    onChange({ ...filters, from: next.from || undefined, to: next.to || undefined })
  }
  const invalid = problem !== null
  return (
    <fieldset className="filters__range" aria-describedby={invalid ? problemId : undefined}>
      <legend className="visually-hidden">Application dates</legend>
      <label>
        Applied from
        <input
          type="date"
          name="from"
          value={draft.from}
          max={draft.to || undefined}
          aria-invalid={invalid}
          onChange={(event) => change('from', event.target.value)}
        />
      </label>
      <label>
        Applied to
        <input
          type="date"
          name="to"
          value={draft.to}
          min={draft.from || undefined}
          aria-invalid={invalid}
          aria-describedby={invalid ? problemId : undefined}
          onChange={(event) => change('to', event.target.value)}
        />
      </label>
      {invalid && (
        <p id={problemId} className="filters__problem" role="alert">
          {problem} The figures below are still for the last valid range.
        </p>
      )}
    </fieldset>
  )
}

/** The filter controls of an analytics view: only the fields it takes. */
export function AnalyticsFiltersBar({ fields, filters, onChange }: Props) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
    >
      {fields.includes('level') && (
        <label>
          Level
          <select
            name="level"
            value={filters.level ?? ''}
            onChange={(event) =>
              onChange({
                ...filters,
                level: (event.target.value || undefined) as Level | undefined,
              })
            }
          >
            <option value="">All levels</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        </label>
      )}
      {fields.includes('hire_type') && (
        <label>
          Hire type
          <select
            name="hire_type"
            value={filters.hire_type ?? ''}
            onChange={(event) =>
              onChange({
                ...filters,
                hire_type: (event.target.value || undefined) as HireType | undefined,
              })
            }
          >
            <option value="">All hire types</option>
            {HIRE_TYPES.map((hireType) => (
              <option key={hireType} value={hireType}>
                {HIRE_TYPE_LABELS[hireType]}
              </option>
            ))}
          </select>
        </label>
      )}
      {fields.includes('requisition_id') && (
        <RequisitionFilter filters={filters} onChange={onChange} />
      )}
      {fields.includes('from') && fields.includes('to') && (
        <DateRangeFilter filters={filters} onChange={onChange} />
      )}
      {fields.includes('as_of') && (
        <label>
          As of
          <input
            type="date"
            name="as_of"
            value={filters.as_of ?? ''}
            onChange={(event) => onChange({ ...filters, as_of: event.target.value || undefined })}
          />
        </label>
      )}
      {Object.values(filters).some((value) => value !== undefined) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  )
}
