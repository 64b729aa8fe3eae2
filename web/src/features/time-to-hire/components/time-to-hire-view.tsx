import { WithheldOr, withheldReason } from '../../../components/disclosure-notice'
import { PanelBoundary } from '../../../components/panel-boundary'
import { AnalyticsView } from '../../../components/analytics-view'
import { ChartPanel } from '../../../components/chart-panel'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { formatLevel } from '../../../lib/format'
import { useTimeToHire, type TimeToHire } from '../api/get-time-to-hire'
import { SpeedHistogramPanel } from './speed-histogram-panel'
import { SpeedPanel } from './speed-panel'
import { SpeedRetentionPanel } from './speed-retention-panel'
import { days, hireTypeLabel, speedHeadline } from './time-to-hire-data'
import './time-to-hire.css'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

function Overview({ data }: { data: TimeToHire }) {
  const fill = data.overall.time_to_fill
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        Overview
      </h2>
      <p className="headline" data-testid="time-to-hire-summary">
        {speedHeadline(data)}
      </p>
      <p className="counts">
        As of {data.as_of}.{' '}
        {fill.n > 0 && fill.median !== null
          ? `Median time to fill, from the requisition opening to the accepted offer: ${days(fill.median)} days over ${fill.n} offers.`
          : 'No requisition opening date is recorded, so time to fill is not known.'}
      </p>
    </section>
  )
}

export function TimeToHireView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const timeToHire = useTimeToHire(filters)

  const content = (data: TimeToHire) => {
    if (data.overall.time_to_hire.n === 0) {
      return <NoMatch what="accepted offers" filtered={hasFilters(filters)} />
    }
    return (
      <>
        <PanelBoundary title="Overview">
          <Overview data={data} />
        </PanelBoundary>
        <ChartPanel id="histogram" title="How long hires took">
          <SpeedHistogramPanel data={data} />
        </ChartPanel>
        <div className="speed-grid">
          <ChartPanel id="by-level" title="By level">
            <WithheldOr reason={withheldReason(data.disclosure, 'by_level')}>
              <SpeedPanel
                data={data}
                summaries={data.by_level}
                labelOf={formatLevel}
                what="level"
              />
            </WithheldOr>
          </ChartPanel>
          <ChartPanel id="by-hire-type" title="By hire type">
            <WithheldOr reason={withheldReason(data.disclosure, 'by_hire_type')}>
              <SpeedPanel
                data={data}
                summaries={data.by_hire_type}
                labelOf={hireTypeLabel}
                what="hire type"
              />
            </WithheldOr>
          </ChartPanel>
        </div>
        <ChartPanel id="speed-retention" title="Did slower hires stay less?">
          <WithheldOr reason={withheldReason(data.disclosure, 'retention.by_quartile')}>
            <SpeedRetentionPanel data={data} />
          </WithheldOr>
        </ChartPanel>
      </>
    )
  }

  return (
    <AnalyticsView
      title="Time to hire"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={timeToHire}
      what="Time to hire"
      loading="Computing time to hire…"
    >
      {content}
    </AnalyticsView>
  )
}
