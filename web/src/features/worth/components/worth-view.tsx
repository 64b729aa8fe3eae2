import { useCallback } from 'react'
import { useSearchParams } from 'react-router'
import { AnalyticsFiltersBar } from '../../../components/analytics-filters-bar'
import { ChartPanel } from '../../../components/chart-panel'
import { DisclosureNotice } from '../../../components/disclosure-notice'
import { QueryStates } from '../../../components/query-states'
import { useAnalyticsFilters } from '../../../lib/analytics-filters'
import { useExpectancy } from '../api/get-expectancy'
import { useUtility } from '../api/get-utility'
import { ExpectancyPanel } from './expectancy-panel'
import { UtilityPanel, type UtilityEdits } from './utility-panel'
import './worth.css'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const
const EDITABLE = ['sdy_share', 'hourly_cost', 'weights'] as const

export function WorthView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const [params, setParams] = useSearchParams()
  const edits: UtilityEdits = Object.fromEntries(
    EDITABLE.flatMap((name) => {
      const value = params.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )
  const expectancy = useExpectancy(filters)
  const utility = useUtility({ ...filters, ...edits })

  const setEdits = useCallback(
    (next: UtilityEdits) =>
      setParams(
        (current) => {
          const url = new URLSearchParams(current)
          for (const name of EDITABLE) {
            const value = next[name]?.trim()
            if (value) url.set(name, value)
            else url.delete(name)
          }
          return url
        },
        { replace: true },
      ),
    [setParams],
  )

  return (
    <article className="view worth">
      <header className="view__header">
        <h1>What the loop is worth</h1>
        <AnalyticsFiltersBar fields={FILTERS} filters={filters} onChange={setFilters} />
      </header>
      <ChartPanel id="expectancy" title="Who stays, by composite score">
        <QueryStates query={expectancy} what="The expectancy chart" loading="Banding the hires…">
          {(data) => (
            <>
              <DisclosureNotice disclosure={data.disclosure} />
              <ExpectancyPanel data={data} />
            </>
          )}
        </QueryStates>
      </ChartPanel>
      <ChartPanel id="utility" title="The loop in dollars a year">
        <QueryStates query={utility} what="The dollar figure" loading="Adding up the gain…">
          {(data) => (
            <>
              <DisclosureNotice disclosure={data.disclosure} />
              <UtilityPanel
                key={JSON.stringify(edits)}
                data={data}
                edits={edits}
                onEdit={setEdits}
              />
            </>
          )}
        </QueryStates>
        {utility.isError && Object.keys(edits).length > 0 && (
          <button type="button" className="link-button" onClick={() => setEdits({})}>
            Discard the edited inputs in this link
          </button>
        )}
      </ChartPanel>
    </article>
  )
}
