import { useRef } from 'react'
import { useSearchParams } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { ChartDownloads } from '../../../components/chart-downloads'
import { QueryStates } from '../../../components/query-states'
import { formatCorrelation, formatLevel } from '../../../lib/format'
import { useComparison, type Comparison } from '../api/get-comparison'
import { AreaScoreChart } from './area-score-chart'
import { CandidatePicker } from './candidate-picker'
import {
  adjustmentText,
  areaScoreChartData,
  bandText,
  comparisonCsv,
  MIN_COMPARED,
  requisitionLabel,
  selectionFrom,
  selectionParams,
  type CompareSelection,
} from './compare-data'
import { ComparisonTable } from './comparison-table'
import './compare.css'

function ModelNote({ comparison }: { comparison: Comparison }) {
  const { model } = comparison
  if (model.status !== 'ok') {
    return (
      <p className="estimate-note" data-testid="model-note">
        No retention estimate is shown: {model.message ?? 'the model could not be fitted.'}
      </p>
    )
  }
  return (
    <p className="estimate-note" data-testid="model-note">
      <strong>Predicted retention is a statistical estimate, not a decision.</strong> It is the
      share of past hires with these area scores who stayed twelve months, from a model of {model.n}{' '}
      past hires of every level (as of {comparison.as_of}; cross-validated AUC{' '}
      {formatCorrelation(model.cv_auc)}). It describes hires like these in the past, not this
      person; the interval shows how uncertain it is.
    </p>
  )
}

/** What the adjusted scores are, or why there are none. */
function AdjustmentNote({ comparison }: { comparison: Comparison }) {
  const { adjustment } = comparison
  return (
    <p className="estimate-note" data-testid="adjustment-note">
      {adjustmentText(adjustment)}
    </p>
  )
}

function ComparisonContent({ comparison }: { comparison: Comparison }) {
  const chart = useRef<HTMLElement>(null)
  const band = bandText(comparison)
  const chartData = areaScoreChartData(comparison)
  return (
    <>
      <section className="panel" aria-labelledby="comparison-title">
        <h2 id="comparison-title">
          {requisitionLabel(comparison.requisition)} · {formatLevel(comparison.requisition.level)}
        </h2>
        <ModelNote comparison={comparison} />
        <AdjustmentNote comparison={comparison} />
        {band !== null && <p className="counts">Salary band: {band}.</p>}
        <PanelBoundary title="The comparison table">
          <ComparisonTable comparison={comparison} />
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="scores-title">
        <h2 id="scores-title">Area scores side by side</h2>
        <PanelBoundary title="The area score chart">
          {chartData.scored ? (
            <AreaScoreChart data={chartData} ref={chart} />
          ) : (
            <p className="panel-state">
              None of these candidates has a rating yet: there is nothing to draw.
            </p>
          )}
          <ChartDownloads
            fileName={`compare-${comparison.requisition.id}-${comparison.as_of}`}
            csv={() => comparisonCsv(comparison)}
            chart={chartData.scored ? chart : undefined}
            title={`Area scores of the compared candidates, ${comparison.requisition.id}`}
          />
        </PanelBoundary>
      </section>
    </>
  )
}

function ComparisonPanel({ applicationIds }: { applicationIds: string[] }) {
  const comparison = useComparison(applicationIds)
  if (applicationIds.length < MIN_COMPARED) {
    return (
      <p className="panel-state">
        Pick at least {MIN_COMPARED} candidates of one requisition to set them side by side.
      </p>
    )
  }
  return (
    <QueryStates
      query={comparison}
      what="The comparison"
      loading="Comparing candidates…"
      notFound={
        <span>One of these candidates does not exist, or is not in your requisitions.</span>
      }
    >
      {(data) => <ComparisonContent comparison={data} />}
    </QueryStates>
  )
}

export function CompareView() {
  const [params, setParams] = useSearchParams()
  const selection = selectionFrom(params)
  // At once, not as a transition: a ticked box must stay ticked while the comparison loads.
  const change = (next: CompareSelection) => setParams(selectionParams(next), { flushSync: true })
  return (
    <article className="view">
      <header className="view__header">
        <h1>Compare candidates</h1>
      </header>
      <PanelBoundary title="The candidate picker">
        <CandidatePicker selection={selection} onChange={change} />
      </PanelBoundary>
      <ComparisonPanel applicationIds={selection.applicationIds} />
    </article>
  )
}
