import { LEVELS, type Level } from '../../../../../db/domain'
import type { ValidityFilters } from '../api/get-validity'

interface Props {
  filters: ValidityFilters
  onChange: (filters: ValidityFilters) => void
}

export function ValidityFiltersBar({ filters, onChange }: Props) {
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
        As of
        <input
          type="date"
          name="as_of"
          value={filters.as_of ?? ''}
          onChange={(event) => onChange({ ...filters, as_of: event.target.value || undefined })}
        />
      </label>
      {(filters.level || filters.as_of) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  )
}
