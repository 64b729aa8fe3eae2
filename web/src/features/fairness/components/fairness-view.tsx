import { useRef } from 'react'
import { PanelBoundary } from '../../../components/panel-boundary'
import { AnalyticsView } from '../../../components/analytics-view'
import { ChartDownloads } from '../../../components/chart-downloads'
import { useAnalyticsFilters } from '../../../lib/analytics-filters'
import { formatCorrelation } from '../../../lib/format'
import { useAdverseImpact, type AdverseImpact } from '../api/get-adverse-impact'
import {
  coverageNotes,
  fairnessCsv,
  fairnessSummary,
  impactRatioData,
  selectionRateData,
} from './fairness-data'
import { FairnessTable } from './fairness-table'
import { GroupBarChart } from './group-bar-chart'
import './fairness.css'

const FILTERS = ['level', 'hire_type', 'from', 'to', 'as_of'] as const

const percent = (value: number) => `${Math.round(value * 100)}%`

function ImpactRatioPanel({ impact, fileName }: { impact: AdverseImpact; fileName: string }) {
  const chart = useRef<HTMLElement>(null)
  return (
    <>
      <GroupBarChart
        ref={chart}
        name="impact-ratio"
        data={impactRatioData(impact)}
        axisLabel="Impact ratio against the reference group"
        format={formatCorrelation}
        references={[{ value: impact.four_fifths, label: `Four-fifths (${impact.four_fifths})` }]}
        caption="Each group's selection rate divided by the highest group's. The dashed line is the four-fifths rule of the US Uniform Guidelines (29 CFR 1607.4(D)): a ratio left of it is a flag for review, not proof of adverse impact."
      />
      <ChartDownloads
        fileName={`${fileName}-impact-ratio`}
        csv={() => fairnessCsv(impact)}
        chart={chart}
        title="Impact ratio by group"
      />
    </>
  )
}

function SelectionRatePanel({ impact, fileName }: { impact: AdverseImpact; fileName: string }) {
  const chart = useRef<HTMLElement>(null)
  return (
    <>
      <GroupBarChart
        ref={chart}
        name="selection-rate"
        data={selectionRateData(impact)}
        axisLabel="Selection rate: hired over decided applications"
        format={percent}
        caption="Share of each group's decided applications that ended in a hire, with the counts behind it: a rate over few applicants moves a lot with one decision."
      />
      <ChartDownloads
        fileName={`${fileName}-selection-rate`}
        csv={() => fairnessCsv(impact)}
        chart={chart}
        title="Selection rate by group"
      />
    </>
  )
}

export function FairnessView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const impact = useAdverseImpact(filters)

  const content = (data: AdverseImpact) => {
    if (data.groups.length === 0) {
      return (
        <p className="panel-state">
          <span>
            No applicant in this selection stated a self-identified group
            {data.suppressed.length > 0 && ' in a group large enough to show'}, so there is nothing
            to compare. Clear the filters, or import applications with voluntary self-ID.
          </span>
        </p>
      )
    }
    const fileName = `fairness-${data.as_of}`
    return (
      <>
        <section className="panel" aria-labelledby="fairness-summary-title">
          <h2 id="fairness-summary-title" className="visually-hidden">
            Summary
          </h2>
          <p className="headline" data-testid="fairness-summary">
            {fairnessSummary(data)}
          </p>
          <ul className="fairness-notes">
            {coverageNotes(data).map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          <p className="power-note">
            Aggregates only: no person's group is ever shown. A ratio below four-fifths over small
            groups is common by chance alone; Fisher's exact test beside it says whether the gap is
            larger than chance would give.
          </p>
        </section>
        <div className="fairness-grid">
          <section className="panel" aria-labelledby="impact-ratio-title">
            <h2 id="impact-ratio-title">Impact ratio against the four-fifths rule</h2>
            <PanelBoundary title="The impact ratio chart">
              <ImpactRatioPanel impact={data} fileName={fileName} />
            </PanelBoundary>
          </section>
          <section className="panel" aria-labelledby="selection-rate-title">
            <h2 id="selection-rate-title">Selection rate by group</h2>
            <PanelBoundary title="The selection rate chart">
              <SelectionRatePanel impact={data} fileName={fileName} />
            </PanelBoundary>
          </section>
        </div>
        <section className="panel" aria-labelledby="fairness-table-title">
          <h2 id="fairness-table-title">The figures, group by group</h2>
          <PanelBoundary title="The table">
            <FairnessTable impact={data} />
            <ChartDownloads
              fileName={`${fileName}-groups`}
              csv={() => fairnessCsv(data)}
              title="Adverse impact by group"
            />
          </PanelBoundary>
        </section>
      </>
    )
  }

  return (
    <AnalyticsView
      title="Fairness"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={impact}
      what="The adverse impact figures"
      loading="Computing selection rates…"
    >
      {content}
    </AnalyticsView>
  )
}
