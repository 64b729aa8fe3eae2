import { Link } from 'react-router'
import type { ApplicationSummary } from '../api/get-applications'
import { DECISION_LABELS } from './labels'

interface Props {
  caption: string
  applications: readonly ApplicationSummary[]
  /** Leaves out the requisition column on a requisition's own page. */
  showRequisition?: boolean
}

export function ApplicationsTable({ caption, applications, showRequisition = true }: Props) {
  return (
    <div className="table-scroll">
      <table className="list-table" data-testid="applications-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Application</th>
            {showRequisition && <th scope="col">Requisition</th>}
            <th scope="col">Level</th>
            <th scope="col">Applied</th>
            <th scope="col">Decision</th>
            <th scope="col" className="numeric">
              Ratings
            </th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application) => (
            <tr key={application.id}>
              <th scope="row">
                <Link to={`/applications/${encodeURIComponent(application.id)}`}>
                  {application.candidate_name ?? 'Erased candidate'}
                </Link>
                <span className="list-table__detail">{application.candidate_id}</span>
              </th>
              <td>{application.id}</td>
              {showRequisition && (
                <td>
                  <Link to={`/requisitions/${encodeURIComponent(application.requisition_id)}`}>
                    {application.requisition_title}
                  </Link>
                </td>
              )}
              <td>{application.level}</td>
              <td className="nowrap">{application.applied_at}</td>
              <td>
                <span className={`decision decision--${application.decision}`}>
                  {DECISION_LABELS[application.decision]}
                </span>
              </td>
              <td className="numeric">{application.ratings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
