import { PanelBoundary } from '../../../components/panel-boundary'
import { AnalyticsView } from '../../../components/analytics-view'
import { WithheldOr, withheldReason } from '../../../components/disclosure-notice'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { useRetention, type Retention } from '../api/get-retention'
import { overallSentence, twoEstimatesSentence } from './retention-summary'
import { SurvivalAreaPanel } from './survival-area-panel'
import { survivalAxes } from './survival-chart-data'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

function Overview({ retention }: { retention: Retention }) {
  const { overall } = retention
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        Overview
      </h2>
      <p className="headline" data-testid="retention-summary">
        {overallSentence(retention)}
      </p>
      <p className="counts" data-testid="retention-estimates">
        As of {retention.as_of}: {overall.n} hires, {overall.events} of whom have left.{' '}
        {twoEstimatesSentence(retention)}
      </p>
    </section>
  )
}

export function RetentionView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const retention = useRetention(filters)

  const content = (data: Retention) => {
    if (data.overall.n === 0) {
      return <NoMatch what="hires" filtered={hasFilters(filters)} />
    }
    const axes = survivalAxes(data.areas)
    return (
      <>
        <PanelBoundary title="Overview">
          <Overview retention={data} />
        </PanelBoundary>
        <section className="panel" aria-labelledby="curves-title">
          <h2 id="curves-title">Do hires who scored {data.threshold} or more stay longer?</h2>
          <p className="power-note">
            Share of hires still employed by days since starting, for those who scored at least{' '}
            {data.threshold} in an area and those who scored below, with 95% confidence bands
            (Kaplan–Meier, Greenwood). The dashed line marks twelve months.
          </p>
          <div className="survival-grid">
            {data.areas.map((area) => (
              <section
                key={area.key}
                className="survival-area"
                aria-labelledby={`area-${area.key}`}
              >
                <h3 id={`area-${area.key}`}>{area.name}</h3>
                <PanelBoundary title={`The ${area.name} chart`}>
                  <WithheldOr reason={withheldReason(data.disclosure, `areas.${area.key}.bands`)}>
                    <SurvivalAreaPanel area={area} axes={axes} asOf={data.as_of} />
                  </WithheldOr>
                </PanelBoundary>
              </section>
            ))}
          </div>
        </section>
      </>
    )
  }

  return (
    <AnalyticsView
      title="Retention"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={retention}
      what="The retention curves"
      loading="Computing retention curves…"
    >
      {content}
    </AnalyticsView>
  )
}
