import { useParams, useSearchParams } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { AnalyticsView } from '../../../components/analytics-view'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { useInterviewers, type Interviewers } from '../api/get-interviewers'
import { AucPanel, LeniencyPanel } from './calibration-charts'
import { InterviewerRatingsPanel } from './interviewer-ratings-panel'
import { InterviewerTable } from './interviewer-table'
import {
  DEFAULT_SORT,
  leniencySummary,
  nextSort,
  shrinkageSentence,
  sortFrom,
  sortInterviewers,
  type SortKey,
} from './interviewers-data'
import { RatingDistribution } from './rating-distribution'
import { ReliabilityTable } from './reliability-table'
import './interviewers.css'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

export function InterviewersView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const [params, setParams] = useSearchParams()
  const { handle } = useParams()
  const sort = sortFrom(params)
  const interviewers = useInterviewers(filters)

  const changeSort = (key: SortKey) =>
    setParams((current) => {
      const updated = new URLSearchParams(current)
      const next = nextSort(sort, key)
      const isDefault = next.key === DEFAULT_SORT.key && next.order === DEFAULT_SORT.order
      if (isDefault) {
        updated.delete('sort')
        updated.delete('order')
      } else {
        updated.set('sort', next.key)
        updated.set('order', next.order)
      }
      return updated
    })

  const content = (data: Interviewers) => {
    if (data.interviewers.length === 0) {
      return <NoMatch what="ratings by interviewers" filtered={hasFilters(filters)} />
    }
    const sorted = sortInterviewers(data.interviewers, sort)
    const fileName = `interviewers-${data.as_of}`
    return (
      <>
        {handle !== undefined && (
          <PanelBoundary title="The ratings">
            <InterviewerRatingsPanel key={handle} handle={handle} filters={filters} />
          </PanelBoundary>
        )}
        <section className="panel" aria-labelledby="interviewer-table-title">
          <h2 id="interviewer-table-title">Who rates out of line with colleagues?</h2>
          <p className="headline" data-testid="interviewers-summary">
            {leniencySummary(data.interviewers)}
          </p>
          <p className="power-note">
            Sort by any column; choose an interviewer to see the ratings they gave. An
            interviewer&apos;s AUC is shown only from 30 hires with a known outcome they rated, 10
            who stayed and 10 who left; below that it would say nothing either way, and the table
            says too few hires.
          </p>
          <p className="power-note" data-testid="shrinkage-note">
            {shrinkageSentence(data)}
          </p>
          <PanelBoundary title="The interviewer table">
            <InterviewerTable
              interviewers={sorted}
              sort={sort}
              onSort={changeSort}
              selected={handle}
              fileName={fileName}
            />
          </PanelBoundary>
        </section>
        <div className="interviewers-grid">
          <section className="panel" aria-labelledby="leniency-title">
            <h2 id="leniency-title">Leniency</h2>
            <PanelBoundary title="The leniency chart">
              <LeniencyPanel interviewers={sorted} fileName={fileName} />
            </PanelBoundary>
          </section>
          <section className="panel" aria-labelledby="auc-title">
            <h2 id="auc-title">Did their ratings predict who stayed?</h2>
            <PanelBoundary title="The AUC chart">
              <AucPanel interviewers={sorted} fileName={fileName} />
            </PanelBoundary>
          </section>
        </div>
        <section className="panel" aria-labelledby="distribution-title">
          <h2 id="distribution-title">Rating distributions</h2>
          <PanelBoundary title="The rating distributions">
            <RatingDistribution interviewers={sorted} fileName={fileName} />
          </PanelBoundary>
        </section>
        <section className="panel" aria-labelledby="reliability-title">
          <h2 id="reliability-title">Do interviewers agree? Inter-rater reliability by area</h2>
          <p className="power-note">
            One-way random intraclass correlation, ICC(1), of the ratings each application got in an
            area. Read with the usual bands: below .50 poor, .50–.75 moderate, .75–.90 good, above
            .90 excellent.
          </p>
          <PanelBoundary title="The reliability table">
            <ReliabilityTable areas={data.areas} fileName={fileName} />
          </PanelBoundary>
        </section>
      </>
    )
  }

  return (
    <AnalyticsView
      title="Interviewers"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={interviewers}
      what="The interviewer figures"
      loading="Computing interviewer calibration…"
    >
      {content}
    </AnalyticsView>
  )
}
