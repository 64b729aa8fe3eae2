import { PanelBoundary } from '../../../app/panel-boundary'
import { AnalyticsFiltersBar } from '../../../components/analytics-filters-bar'
import { QueryStates } from '../../../components/query-states'
import { useAnalyticsFilters } from '../../../lib/analytics-filters'
import { useValidity, type Validity } from '../api/get-validity'
import { ForestPlot } from './forest-plot'
import { validitySummary } from './validity-summary'
import { ValidityTable } from './validity-table'

const FILTERS = ['level', 'as_of'] as const

function Overview({ validity }: { validity: Validity }) {
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        Overview
      </h2>
      <p className="headline" data-testid="validity-summary">
        {validitySummary(validity)}
      </p>
      <p className="counts">
        As of {validity.as_of}: {validity.n_hires} hires, {validity.n_hires_outcome} with a known
        twelve-month outcome ({validity.n_retained} stayed, {validity.n_left} left), from{' '}
        {validity.n_applications.toLocaleString('en')} applications.
      </p>
    </section>
  )
}

export function LoopEffectivenessView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const validity = useValidity(filters)

  const content = (data: Validity) => {
    if (data.n_applications === 0) {
      return (
        <p className="panel-state">
          No applications match these filters. Import data with <code>npm run import</code> or clear
          the filters.
        </p>
      )
    }
    return (
      <>
        <PanelBoundary title="Overview">
          <Overview validity={data} />
        </PanelBoundary>
        <section className="panel" aria-labelledby="forest-title">
          <h2 id="forest-title">Which areas predict hires that stayed</h2>
          <PanelBoundary title="The forest plot">
            {data.n_hires_outcome === 0 ? (
              <p className="panel-state">
                No hire in this selection has reached twelve months or left before, so there is
                nothing to plot yet.
              </p>
            ) : (
              <ForestPlot areas={data.areas} />
            )}
          </PanelBoundary>
        </section>
        <section className="panel" aria-labelledby="table-title">
          <h2 id="table-title">Validity table</h2>
          <PanelBoundary title="The validity table">
            <ValidityTable areas={data.areas} />
          </PanelBoundary>
          <p className="power-note">
            Rows with fewer than {data.power.min_hires} hires are greyed as insufficient data.
            Detecting a true correlation of{' '}
            {data.power.hires_to_detect
              .map((entry) => `.${Math.round(entry.r * 100)} takes about ${entry.n} hires`)
              .join(' and ')}{' '}
            (80% power, two-sided 5% test). For scale: structured interviews predict job performance
            at about .42, unstructured ones at .19 (Sackett et al., 2022).
          </p>
        </section>
      </>
    )
  }

  return (
    <article className="view">
      <header className="view__header">
        <h1>Loop effectiveness</h1>
        <AnalyticsFiltersBar fields={FILTERS} filters={filters} onChange={setFilters} />
      </header>
      <QueryStates query={validity} what="The validity table" loading="Computing validity…">
        {content}
      </QueryStates>
    </article>
  )
}
