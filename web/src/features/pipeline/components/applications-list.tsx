import { DECISIONS, type Decision } from '../../../../../db/domain'
import { PanelBoundary } from '../../../components/panel-boundary'
import { QueryStates } from '../../../components/query-states'
import { useApplications } from '../api/get-applications'
import { useListParams } from '../list-params'
import { ApplicationsTable } from './applications-table'
import { DECISION_LABELS } from './labels'
import { Pager, SearchForm } from './list-controls'

/** Applications with search, a decision filter and paging in the URL; of one requisition if given. */
export function ApplicationsList({ requisitionId }: { requisitionId?: string }) {
  const [list, setList] = useListParams()
  const applications = useApplications({ ...list, requisitionId })
  const filtered = list.q !== '' || list.decision !== undefined
  return (
    <>
      <SearchForm
        label="Search applications"
        placeholder="Name or id"
        value={list.q}
        onSearch={(q) => setList({ q })}
      >
        <label>
          Decision
          <select
            name="decision"
            value={list.decision ?? ''}
            onChange={(event) =>
              setList({ decision: (event.target.value || undefined) as Decision | undefined })
            }
          >
            <option value="">All decisions</option>
            {DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {DECISION_LABELS[decision]}
              </option>
            ))}
          </select>
        </label>
      </SearchForm>
      <QueryStates query={applications} what="The applications" loading="Loading applications…">
        {(page) => (
          <PanelBoundary title="The applications table">
            {page.items.length === 0 ? (
              <p className="panel-state">
                {filtered
                  ? 'No application matches this search and decision.'
                  : 'There are no applications here yet.'}
              </p>
            ) : (
              <ApplicationsTable
                caption="Applications, newest first"
                applications={page.items}
                showRequisition={requisitionId === undefined}
              />
            )}
            <Pager
              label="Application pages"
              page={page}
              list={list}
              onPage={(number) => setList({ page: number })}
            />
          </PanelBoundary>
        )}
      </QueryStates>
    </>
  )
}
