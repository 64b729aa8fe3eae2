import { HIRE_TYPES, LEVELS, type HireType, type Level } from '../../../db/domain'
import type { AnalyticsFilters, FilterField } from '../lib/analytics-filters'

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
