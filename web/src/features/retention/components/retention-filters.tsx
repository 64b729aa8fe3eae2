import { HIRE_TYPES, LEVELS, type HireType, type Level } from '../../../../../db/domain'
import type { RetentionFilters } from '../api/get-retention'

interface Props {
  filters: RetentionFilters
  onChange: (filters: RetentionFilters) => void
}

const HIRE_TYPE_LABELS: Record<HireType, string> = {
  direct: 'Direct',
  contract: 'Contract',
  contract_to_hire: 'Contract to hire',
}

export function RetentionFiltersBar({ filters, onChange }: Props) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        Level
        <select
          name="level"
          value={filters.level ?? ''}
          onChange={(event) =>
            onChange({ ...filters, level: (event.target.value || undefined) as Level | undefined })
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
      <label>
        As of
        <input
          type="date"
          name="as_of"
          value={filters.as_of ?? ''}
          onChange={(event) => onChange({ ...filters, as_of: event.target.value || undefined })}
        />
      </label>
      {(filters.level || filters.hire_type || filters.as_of) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  )
}
