import { useRef } from 'react'
import { AnalyticsView } from '../../../components/analytics-view'
import { ChartDownloads } from '../../../components/chart-downloads'
import { ChartPanel } from '../../../components/chart-panel'
import { WithheldOr, withheldReason } from '../../../components/disclosure-notice'
import { IntervalPlot } from '../../../components/interval-plot'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { formatPercent } from '../../../lib/format'
import { useSources, type Sources } from '../api/get-sources'
import {
  rateOf,
  sourceChartData,
  sourceComparison,
  sourceLabel,
  sourcesCsv,
  withheldRate,
  type Measure,
} from './sources-data'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

const CHARTS: Record<Measure, { title: string; axis: string; caption: string; file: string }> = {
  hire: {
    title: 'Hire rate by source',
    axis: 'Share of decided applications hired',
    caption:
      'Hire rate by source of hire: hires among applications decided by the as-of date, with Wilson 95% intervals. The number after each source is its decided applications.',
    file: 'hire-rate',
  },
  retention: {
    title: 'Twelve-month retention by source',
    axis: 'Share of hires who stayed twelve months',
    caption:
      'Twelve-month retention by source of hire, with Wilson 95% intervals. The number after each source is its hires with a known outcome; grey rows have fewer than 30.',
    file: 'retention',
  },
}

function RateCell({
  data,
  group,
  measure,
}: {
  data: Sources
  group: Sources['groups'][number]
  measure: Measure
}) {
  const reason = withheldRate(data.disclosure, group, measure)
  if (reason !== null) {
    return (
      <td>
        <span title={reason}>withheld</span>
      </td>
    )
  }
  const { rate, ci, count, of, muted } = rateOf(group, measure)
  return (
    <td className={muted ? 'is-insufficient' : undefined}>
      <span className="estimate">{formatPercent(rate)}</span>
      <span className="interval">
        {ci ? `${formatPercent(ci[0])}–${formatPercent(ci[1])}` : 'no interval'}
      </span>
      <span className="interval">
        {count ?? '–'} of {of}
      </span>
    </td>
  )
}

function SourceChart({ data, measure }: { data: Sources; measure: Measure }) {
  const chart = useRef<HTMLElement>(null)
  const { rows, series } = sourceChartData(data.groups, measure)
  const text = CHARTS[measure]
  if (data.groups.every((group) => rateOf(group, measure).rate === null)) {
    return (
      <p className="panel-state" data-testid={`sources-${measure}-summary`}>
        No source has a {measure === 'hire' ? 'hire rate' : 'twelve-month retention'} shown for this
        selection; where figures are withheld, the notice above says why.
      </p>
    )
  }
  return (
    <>
      <p className="headline" data-testid={`sources-${measure}-summary`}>
        {sourceComparison(data.groups, measure)}
      </p>
      <IntervalPlot
        ref={chart}
        rows={rows}
        series={series}
        include={[0]}
        legend
        axisLabel={text.axis}
        format={formatPercent}
        caption={text.caption}
        mutedLabel={measure === 'retention' ? 'Fewer than 30 hires with an outcome' : undefined}
        className="sources-chart"
      />
      <div className="chart-numbers">
        <p className="caution">{text.caption}</p>
        <ChartDownloads
          fileName={`sources-${text.file}-${data.as_of}`}
          csv={() => sourcesCsv(data.groups)}
          chart={chart}
          title={text.title}
        />
      </div>
    </>
  )
}

function SourcesTable({ data }: { data: Sources }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Rates by source, table">
      <table className="validity-table" data-testid="sources-table">
        <caption className="visually-hidden">
          Hire rate and twelve-month retention by source of hire, with Wilson 95% intervals
        </caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Decided</th>
            <th scope="col">Hire rate (95% CI)</th>
            <th scope="col">Hires with an outcome</th>
            <th scope="col">Stayed twelve months (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {data.groups.map((group) => (
            <tr key={group.key} data-source={group.key}>
              <th scope="row">{sourceLabel(group.key)}</th>
              <td>{group.decided}</td>
              <RateCell data={data} group={group} measure="hire" />
              <td>
                {group.n_outcome}
                {group.insufficient && <span className="row-note">fewer than 30</span>}
              </td>
              <RateCell data={data} group={group} measure="retention" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Hire rate and twelve-month retention by source of hire, as charts and as a table. */
export function SourcesView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const sources = useSources(filters)

  const content = (data: Sources) => {
    const hidden = withheldReason(data.disclosure, 'groups')
    if (data.groups.length === 0 && hidden === null)
      return <NoMatch what="applications" filtered={hasFilters(filters)} />
    return (
      <WithheldOr reason={hidden}>
        <ChartPanel id="sources-hire" title={CHARTS.hire.title}>
          <SourceChart data={data} measure="hire" />
        </ChartPanel>
        <ChartPanel id="sources-retention" title={CHARTS.retention.title}>
          <SourceChart data={data} measure="retention" />
        </ChartPanel>
        <ChartPanel id="sources-table" title="Every source in numbers">
          <SourcesTable data={data} />
        </ChartPanel>
      </WithheldOr>
    )
  }

  return (
    <AnalyticsView
      title="Sources"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={sources}
      what="The rates by source"
      loading="Computing rates by source…"
    >
      {content}
    </AnalyticsView>
  )
}
