import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { NoMatch } from '../../../components/no-match'
import { AnalyticsFiltersBar } from '../../../components/analytics-filters-bar'
import { DisclosureNotice } from '../../../components/disclosure-notice'
import { QueryStates } from '../../../components/query-states'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { useComposite } from '../api/get-composite'
import { useIncrementalValidity } from '../api/get-incremental-validity'
import { useLoopTime } from '../api/get-loop-time'
import { usePanelSizing } from '../api/get-panel-sizing'
import { useModel } from '../api/get-model'
import { useValidity, type Validity } from '../api/get-validity'
import { useValidityOverTime } from '../api/get-validity-over-time'
import { CompositePanel } from './composite-panel'
import { ForestPlotPanel } from './forest-plot-panel'
import { IncrementalValidityPanel } from './incremental-validity-panel'
import { LoopTimePanel } from './loop-time-panel'
import type { AreaNames } from './model-data'
import { ModelPanel } from './model-panel'
import { PanelSizingPanel } from './panel-sizing-panel'
import { validitySummary } from './validity-summary'
import { ValidityOverTimePanel } from './validity-over-time-panel'
import { ValidityTable } from './validity-table'
import './loop-effectiveness.css'

const FILTERS = ['level', 'requisition_id', 'from', 'to', 'as_of'] as const
/** The what-if weights live in the URL beside the filters, so a link shares the proposal. */
const WEIGHTS_PARAM = 'weights'

function Overview({ validity }: { validity: Validity }) {
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title" className="visually-hidden">
        Overview
      </h2>
      <DisclosureNotice disclosure={validity.disclosure} />
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

function ValidityPanels({ validity, filtered }: { validity: Validity; filtered: boolean }) {
  if (validity.n_applications === 0) {
    return <NoMatch what="applications" filtered={filtered} />
  }
  return (
    <>
      <PanelBoundary title="Overview">
        <Overview validity={validity} />
      </PanelBoundary>
      <section className="panel" aria-labelledby="forest-title">
        <h2 id="forest-title">Which areas predict hires that stayed</h2>
        <PanelBoundary title="The forest plot">
          {validity.n_hires_outcome === 0 ? (
            <p className="panel-state">
              No hire in this selection has reached twelve months or left before, so there is
              nothing to plot yet.
            </p>
          ) : (
            <ForestPlotPanel areas={validity.areas} asOf={validity.as_of} />
          )}
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="table-title">
        <h2 id="table-title">Validity table</h2>
        <PanelBoundary title="The validity table">
          <ValidityTable areas={validity.areas} />
        </PanelBoundary>
        <p className="power-note">
          Rows with fewer than {validity.power.min_hires} hires are greyed as insufficient data.
          Detecting a true correlation of{' '}
          {validity.power.hires_to_detect
            .map(
              (entry) =>
                `.${String(Math.round(entry.r * 100))} takes about ${String(entry.n)} hires`,
            )
            .join(' and ')}{' '}
          (80% power, two-sided 5% test). For scale: structured interviews predict job performance
          at about .42, unstructured ones at .19 (Sackett et al., 2022).
        </p>
      </section>
    </>
  )
}

export function LoopEffectivenessView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const [params, setParams] = useSearchParams()
  const proposedParam = params.get(WEIGHTS_PARAM)
  const validity = useValidity(filters)
  const model = useModel(filters)
  const composite = useComposite({ ...filters, weights: proposedParam ?? undefined })
  const loopTime = useLoopTime(filters)
  const increments = useIncrementalValidity(filters)
  const panelSizing = usePanelSizing(filters)
  const overTime = useValidityOverTime(filters)
  // Area names come with the validity answer; the other panels fall back to the keys without it.
  const names: AreaNames = Object.fromEntries(
    (validity.data?.areas ?? []).map((area) => [area.key, area.name]),
  )

  // Replaced, not pushed: a pause in typing should not add a step to the browser's history.
  const setProposal = useCallback(
    (weights: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (weights === null) next.delete(WEIGHTS_PARAM)
          else next.set(WEIGHTS_PARAM, weights)
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  const resetProposal = useCallback(() => setProposal(null), [setProposal])

  return (
    <article className="view loop-effectiveness">
      <header className="view__header">
        <h1>Loop effectiveness</h1>
        <AnalyticsFiltersBar fields={FILTERS} filters={filters} onChange={setFilters} />
      </header>
      <QueryStates query={validity} what="The validity table" loading="Computing validity…">
        {(data) => <ValidityPanels validity={data} filtered={hasFilters(filters)} />}
      </QueryStates>
      <section className="panel" aria-labelledby="model-title">
        <h2 id="model-title">All areas together: the multivariable model</h2>
        <PanelBoundary title="The model">
          <QueryStates query={model} what="The model" loading="Fitting the model…">
            {(data) => <ModelPanel response={data} names={names} />}
          </QueryStates>
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="composite-title">
        <h2 id="composite-title">Composite weights: current, suggested and what-if</h2>
        <PanelBoundary title="The composite weights">
          <QueryStates query={composite} what="The composite" loading="Scoring the composites…">
            {(data) => (
              <CompositePanel
                composite={data}
                names={names}
                level={filters.level}
                proposedParam={proposedParam}
                onPropose={setProposal}
                onReset={resetProposal}
              />
            )}
          </QueryStates>
          {composite.isError && proposedParam !== null && (
            <button type="button" className="link-button" onClick={resetProposal}>
              Discard the proposed weights in this link
            </button>
          )}
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="loop-time-title">
        <h2 id="loop-time-title">Loop time beside validity</h2>
        <PanelBoundary title="The loop time chart">
          <QueryStates query={loopTime} what="The loop time" loading="Adding up interview minutes…">
            {(data) => <LoopTimePanel loopTime={data} />}
          </QueryStates>
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="incremental-title">
        <h2 id="incremental-title">What each area adds beyond the others</h2>
        <PanelBoundary title="The incremental validity">
          <QueryStates
            query={increments}
            what="The incremental validity"
            loading="Fitting the models with and without each area…"
          >
            {(data) => <IncrementalValidityPanel response={data} />}
          </QueryStates>
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="panel-sizing-title">
        <h2 id="panel-sizing-title">Panel sizing: how many interviewers each area needs</h2>
        <PanelBoundary title="The panel sizing">
          <QueryStates
            query={panelSizing}
            what="The panel sizing"
            loading="Measuring how far interviewers agree…"
          >
            {(data) => <PanelSizingPanel panel={data} />}
          </QueryStates>
        </PanelBoundary>
      </section>
      <section className="panel" aria-labelledby="over-time-title">
        <h2 id="over-time-title">Validity over time: is the loop getting better?</h2>
        <PanelBoundary title="Validity over time">
          <QueryStates
            query={overTime}
            what="Validity over time"
            loading="Computing the half-years…"
          >
            {(data) => <ValidityOverTimePanel response={data} />}
          </QueryStates>
        </PanelBoundary>
      </section>
    </article>
  )
}
