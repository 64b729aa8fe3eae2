import { PanelBoundary } from '../../../components/panel-boundary'
import { AnalyticsView } from '../../../components/analytics-view'
import { ChartPanel } from '../../../components/chart-panel'
import { WithheldOr, withheldReason } from '../../../components/disclosure-notice'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { formatMoney } from '../../../lib/format'
import { useSalary, type Salary } from '../api/get-salary'
import { CompaRatioPanel } from './compa-ratio-panel'
import { CompaRetentionPanel } from './compa-retention-panel'
import { HiresTable } from './hires-table'
import { MissingBands } from './missing-bands'
import { OffersPanel } from './offers-panel'
import { bandSource } from './salary-data'
import './salary.css'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

function Overview({ data }: { data: Salary }) {
  const offers = data.by_level.reduce((sum, level) => sum + level.offers.n, 0)
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        Overview
      </h2>
      <p className="headline" data-testid="salary-summary">
        {withheldReason(data.disclosure, 'by_level') === null
          ? `${offers} offers with a salary as of ${data.as_of}`
          : `Offers with a salary as of ${data.as_of}`}
        , held against {data.bands.length === 1 ? '1 benchmark' : `${data.bands.length} benchmarks`}
        .
      </p>
      <ul className="counts salary__bands">
        {data.bands.map((band) => (
          <li key={band.id}>
            {band.level
              ? `${band.level}: `
              : 'All levels (market context; offers are held against their level’s band): '}
            {band.low !== null && band.high !== null
              ? `${formatMoney(band.low)} to ${formatMoney(band.high)}`
              : 'no range'}
            {band.value !== null && ` (average ${formatMoney(band.value)})`} — {bandSource(band)}
          </li>
        ))}
      </ul>
      <MissingBands data={data} />
    </section>
  )
}

export function SalaryView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const salary = useSalary(filters)

  const content = (data: Salary) => {
    if (data.by_level.length === 0 && withheldReason(data.disclosure, 'by_level') === null) {
      return <NoMatch what="offers with a salary" filtered={hasFilters(filters)} />
    }
    return (
      <>
        <PanelBoundary title="Overview">
          <Overview data={data} />
        </PanelBoundary>
        <ChartPanel id="offers" title="Offers against benchmark bands">
          <WithheldOr reason={withheldReason(data.disclosure, 'by_level')}>
            <OffersPanel data={data} />
          </WithheldOr>
        </ChartPanel>
        <ChartPanel id="compa-ratio" title="Compa-ratio of hires">
          <CompaRatioPanel data={data} />
        </ChartPanel>
        <ChartPanel id="compa-retention" title="Did hires paid below the midpoint stay less?">
          <WithheldOr reason={withheldReason(data.disclosure, 'retention_by_compa_ratio')}>
            <CompaRetentionPanel data={data} />
          </WithheldOr>
        </ChartPanel>
        <ChartPanel id="hires" title="Offers per hire">
          <HiresTable data={data} />
        </ChartPanel>
      </>
    )
  }

  return (
    <AnalyticsView
      title="Salary bands"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={salary}
      what="The salary figures"
      loading="Computing salary figures…"
    >
      {content}
    </AnalyticsView>
  )
}
