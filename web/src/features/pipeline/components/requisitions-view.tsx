import { Link } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { QueryStates } from '../../../components/query-states'
import { useRequisitions, type RequisitionPage } from '../api/get-requisitions'
import { useListParams } from '../list-params'
import { hireTypeLabel } from './labels'
import { Pager, SearchForm } from './list-controls'
import './pipeline.css'

function RequisitionsTable({ page }: { page: RequisitionPage }) {
  return (
    <div className="table-scroll">
      <table className="list-table" data-testid="requisitions-table">
        <caption className="visually-hidden">Requisitions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Requisition</th>
            <th scope="col">Level</th>
            <th scope="col">Opened</th>
            <th scope="col">Hiring manager</th>
            <th scope="col" className="numeric">
              Applications
            </th>
            <th scope="col" className="numeric">
              Hires
            </th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((requisition) => (
            <tr key={requisition.id}>
              <th scope="row">
                <Link to={`/requisitions/${encodeURIComponent(requisition.id)}`}>
                  {requisition.title}
                </Link>
                <span className="list-table__detail">{requisition.id}</span>
              </th>
              <td>
                {requisition.level}
                <span className="list-table__detail">{hireTypeLabel(requisition.hire_type)}</span>
              </td>
              <td className="nowrap">{requisition.opened_at ?? '–'}</td>
              <td>{requisition.owner_email ?? 'Nobody'}</td>
              <td className="numeric">{requisition.applications}</td>
              <td className="numeric">{requisition.hires}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function RequisitionsView() {
  const [list, setList] = useListParams()
  const requisitions = useRequisitions(list)
  return (
    <article className="view">
      <header className="view__header">
        <h1>Requisitions</h1>
        <SearchForm
          label="Search requisitions"
          placeholder="Title or id"
          value={list.q}
          onSearch={(q) => setList({ q })}
        />
      </header>
      <section className="panel" aria-label="Requisitions">
        <QueryStates query={requisitions} what="The requisitions" loading="Loading requisitions…">
          {(page) => (
            <PanelBoundary title="The requisitions table">
              {page.items.length === 0 ? (
                <p className="panel-state">
                  {list.q
                    ? `No requisition matches "${list.q}".`
                    : 'There are no requisitions you can see yet.'}
                </p>
              ) : (
                <RequisitionsTable page={page} />
              )}
              <Pager
                label="Requisition pages"
                page={page}
                list={list}
                onPage={(number) => setList({ page: number })}
              />
            </PanelBoundary>
          )}
        </QueryStates>
      </section>
    </article>
  )
}
