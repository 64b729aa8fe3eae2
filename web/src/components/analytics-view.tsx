import type { AnalyticsFilters, FilterField } from '../lib/analytics-filters'
import { AnalyticsFiltersBar } from './analytics-filters-bar'
import { QueryStates, type QueryStatesProps } from './query-states'

interface Props<Data> extends QueryStatesProps<Data> {
  title: string
  fields: readonly FilterField[]
  filters: AnalyticsFilters
  onChange: (filters: AnalyticsFilters) => void
}

/** An analytics view of one query: its title and filters, then the figures in their states. */
export function AnalyticsView<Data>({ title, fields, filters, onChange, ...states }: Props<Data>) {
  return (
    <article className="view">
      <header className="view__header">
        <h1>{title}</h1>
        <AnalyticsFiltersBar fields={fields} filters={filters} onChange={onChange} />
      </header>
      <QueryStates {...states} />
    </article>
  )
}
