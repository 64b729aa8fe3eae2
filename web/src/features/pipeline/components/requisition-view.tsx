import { Link, useParams } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { QueryStates } from '../../../components/query-states'
import { useRequisition, type RequisitionDetail } from '../api/get-requisition'
import { Facts } from './facts'
import { hireTypeLabel } from './labels'
import { ApplicationsList } from './applications-list'
import { NotFoundOrNotYours } from './not-yours'
import './pipeline.css'

function RequisitionFacts({ requisition }: { requisition: RequisitionDetail }) {
  return (
    <Facts
      facts={[
        ['Requisition', requisition.id],
        ['Level', requisition.level],
        ['Hire type', hireTypeLabel(requisition.hire_type)],
        ['Opened', requisition.opened_at ?? 'Not recorded'],
        ['Hiring manager', requisition.owner_email ?? 'Nobody'],
        ['Applications', requisition.applications],
        ['Hires', requisition.hires],
      ]}
    />
  )
}

export function RequisitionView() {
  const id = useParams().id ?? ''
  const requisition = useRequisition(id)
  return (
    <article className="view">
      <p className="breadcrumb">
        <Link to="/requisitions">Requisitions</Link>
      </p>
      <QueryStates
        query={requisition}
        what="The requisition"
        loading="Loading the requisition…"
        notFound={<NotFoundOrNotYours what={`Requisition "${id}"`} back="requisitions" />}
      >
        {(found) => (
          <>
            <header className="view__header">
              <h1>{found.title}</h1>
            </header>
            <section className="panel" aria-label="About the requisition">
              <RequisitionFacts requisition={found} />
            </section>
            <section className="panel" aria-labelledby="applications-title">
              <h2 id="applications-title">Applications</h2>
              <PanelBoundary title="The applications">
                <ApplicationsList requisitionId={found.id} />
              </PanelBoundary>
            </section>
          </>
        )}
      </QueryStates>
    </article>
  )
}
