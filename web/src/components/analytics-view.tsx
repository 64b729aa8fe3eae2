import type { AnalyticsFilters, FilterField } from '../lib/analytics-filters'
import { AnalyticsFiltersBar } from './analytics-filters-bar'
import { DisclosureNotice, type Disclosure } from './disclosure-notice'
import { QueryStates, type QueryStatesProps } from './query-states'

interface Props<Data extends { disclosure: Disclosure }> extends QueryStatesProps<Data> {
  title: string
  fields: readonly FilterField[]
  filters: AnalyticsFilters
  onChange: (filters: AnalyticsFilters) => void
}

/**
 * An analytics view of one query: its title and filters, then the figures in their states,
 * led by what disclosure control did to them, if anything.
 */
export function AnalyticsView<Data extends { disclosure: Disclosure }>({
  title,
  fields,
  filters,
  onChange,
  children,
  ...states
}: Props<Data>) {
  return (
    <article className="view">
      <header className="view__header">
        <h1>{title}</h1>
        <AnalyticsFiltersBar fields={fields} filters={filters} onChange={onChange} />
      </header>
      <QueryStates {...states}>
        {(data) => (
          <>
            <DisclosureNotice disclosure={data.disclosure} />
            {children(data)}
          </>
        )}
      </QueryStates>
    </article>
  )
}
