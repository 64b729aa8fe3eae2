import { Link, useParams } from 'react-router'
import { PanelBoundary } from '../../../components/panel-boundary'
import { QueryStates } from '../../../components/query-states'
import { formatMoney, formatRedFlags, formatScore } from '../../../lib/format'
import { useApplication, type ApplicationDetail } from '../api/get-application'
import { Facts } from './facts'
import { DECISION_LABELS, dayOf, hireTypeLabel } from './labels'
import { loopByArea, loopSummary, type AreaLoop } from './loop-data'
import { NotFoundOrNotYours } from './not-yours'
import './pipeline.css'

function salaryText(offer: NonNullable<ApplicationDetail['offer']>): string {
  return offer.salary === null ? 'Salary not recorded' : formatMoney(offer.salary, offer.currency)
}

function AreaSection({ area, erased }: { area: AreaLoop; erased: boolean }) {
  const headingId = `area-${area.key}`
  return (
    <section className="loop-area" aria-labelledby={headingId} data-area={area.key}>
      <h3 id={headingId}>{area.name}</h3>
      <p className="loop-area__summary">
        {area.mean === null ? (
          'Not rated in this loop.'
        ) : (
          <>
            Mean <strong>{formatScore(area.mean)}</strong> from {area.ratings.length} rating
            {area.ratings.length === 1 ? '' : 's'}
            {area.minutes !== null && ` · ${area.minutes} minutes`}
            {area.redFlags.length > 0 && ` · red flags: ${formatRedFlags(area.redFlags)}`}
          </>
        )}
      </p>
      {area.ratings.length > 0 && (
        <div className="table-scroll">
          <table className="list-table loop-table">
            <caption className="visually-hidden">Ratings in {area.name}</caption>
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col" className="numeric">
                  Rating (1–4)
                </th>
                <th scope="col">Interviewed</th>
                <th scope="col" className="numeric">
                  Minutes
                </th>
                <th scope="col">Red flags</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {area.ratings.map((rating) => (
                <tr key={rating.interviewer}>
                  <th scope="row">{rating.interviewer}</th>
                  <td className="numeric">{rating.rating}</td>
                  <td>{rating.interviewed_at === null ? '–' : dayOf(rating.interviewed_at)}</td>
                  <td className="numeric">{rating.minutes ?? '–'}</td>
                  <td>{rating.red_flags.length > 0 ? formatRedFlags(rating.red_flags) : 'None'}</td>
                  <td>{rating.note ?? (erased ? <em>Erased</em> : '–')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function employmentOutcome(employment: NonNullable<ApplicationDetail['employment']>): string {
  if (employment.end_date === null) return 'Still employed'
  const departure = employment.departure === null ? '' : ` (${employment.departure})`
  return `Left ${employment.end_date}${departure}`
}

function Outcome({ application }: { application: ApplicationDetail }) {
  const { offer, employment } = application
  return (
    <section className="panel outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Offer and outcome</h2>
      <Facts
        facts={[
          [
            'Offer',
            offer === null
              ? 'No offer recorded'
              : `${salaryText(offer)}${offer.accepted_at === null ? ', not accepted' : `, accepted ${dayOf(offer.accepted_at)}`}`,
          ],
          [
            'Employment',
            employment === null
              ? 'Not employed through this application'
              : `Started ${employment.start_date}`,
          ],
          employment !== null && [
            'Outcome',
            <span data-testid="employment-outcome">{employmentOutcome(employment)}</span>,
          ],
        ]}
      />
    </section>
  )
}

function CandidatePage({ application }: { application: ApplicationDetail }) {
  const { candidate, requisition } = application
  const erased = candidate.erased_at !== null
  const areas = loopByArea(application)
  return (
    <>
      <header className="view__header">
        <h1>{candidate.name ?? 'Erased candidate'}</h1>
      </header>
      {candidate.erased_at !== null && (
        <p className="erased-note" role="status">
          Erased on {dayOf(candidate.erased_at)}: the name and the interview notes were removed on
          request. Ratings, the decision and the outcome stay, without a name.
        </p>
      )}
      <section className="panel" aria-label="About the application">
        <Facts
          facts={[
            ['Candidate', candidate.id],
            ['Application', application.id],
            [
              'Requisition',
              <>
                <Link to={`/requisitions/${encodeURIComponent(requisition.id)}`}>
                  {requisition.title}
                </Link>{' '}
                ({requisition.level}, {hireTypeLabel(requisition.hire_type)})
              </>,
            ],
            ['Applied', application.applied_at],
            [
              'Decision',
              <span className={`decision decision--${application.decision}`}>
                {DECISION_LABELS[application.decision]}
              </span>,
            ],
            candidate.background !== null && ['Background', candidate.background],
            application.source !== null && ['Source', application.source],
            application.metro !== null && ['Metro', application.metro],
          ]}
        />
      </section>
      <section className="panel" aria-labelledby="loop-title">
        <h2 id="loop-title">Interview loop</h2>
        <p className="counts" data-testid="loop-summary">
          {loopSummary(areas)}
        </p>
        <PanelBoundary title="The interview loop">
          {areas.map((area) => (
            <AreaSection key={area.key} area={area} erased={erased} />
          ))}
        </PanelBoundary>
      </section>
      <PanelBoundary title="The offer and outcome">
        <Outcome application={application} />
      </PanelBoundary>
    </>
  )
}

export function ApplicationView() {
  const id = useParams().id ?? ''
  const application = useApplication(id)
  return (
    <article className="view">
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link>
      </p>
      <QueryStates
        query={application}
        what="The candidate"
        loading="Loading the candidate…"
        notFound={<NotFoundOrNotYours what={`Application "${id}"`} back="candidates" />}
      >
        {(found) => <CandidatePage application={found} />}
      </QueryStates>
    </article>
  )
}
