import { Link } from 'react-router'
import { formatScore } from '../../../lib/format'
import type { ComparedApplication, Comparison } from '../api/get-comparison'
import { candidateLabel, offerText, predictionText } from './compare-data'

/** The probability and its interval on a 0–100% line, beside the words that say the same. */
function IntervalMark({ entry }: { entry: ComparedApplication }) {
  const predicted = entry.predicted_retention
  if (!predicted) return null
  const x = (share: number) => share * 100
  return (
    <svg
      className="interval-mark"
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <line x1="0" x2="100" y1="6" y2="6" stroke="#dde1e8" strokeWidth="2" />
      <line
        x1={x(predicted.ci[0])}
        x2={x(predicted.ci[1])}
        y1="6"
        y2="6"
        stroke="#0072B2"
        strokeWidth="4"
      />
      <circle cx={x(predicted.probability)} cy="6" r="4" fill="#1d2330" />
    </svg>
  )
}

/** The adjusted figure beside a raw one, or nothing when the adjustment is withheld. */
function Adjusted({ value }: { value: number | null }) {
  if (value === null) return null
  return (
    <span className="compare-cell__adjusted" data-testid="adjusted">
      adjusted {formatScore(value)}
    </span>
  )
}

function AreaCell({ area }: { area: ComparedApplication['areas'][number] }) {
  if (area.score === null) return <td className="compare-cell compare-cell--missing">Not scored</td>
  const notes = area.ratings.filter((rating) => rating.note)
  return (
    <td className="compare-cell">
      <strong className="compare-cell__score">{formatScore(area.score)}</strong>
      <Adjusted value={area.adjusted_score} />
      <ul className="compare-cell__ratings">
        {area.ratings.map((rating) => (
          <li key={rating.interviewer}>
            {rating.interviewer}: {rating.rating}
            {rating.adjusted_rating !== null && (
              <span className="compare-cell__adjusted-rating">
                {' '}
                (adjusted {formatScore(rating.adjusted_rating)})
              </span>
            )}
            {rating.red_flags.map((flag) => (
              <span key={flag.key} className="red-flag">
                {flag.name}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {notes.length > 0 && (
        <details className="compare-cell__notes">
          <summary>
            {notes.length} {notes.length === 1 ? 'note' : 'notes'}
          </summary>
          {notes.map((rating) => (
            <p key={rating.interviewer}>
              <strong>{rating.interviewer}:</strong> {rating.note}
            </p>
          ))}
        </details>
      )}
    </td>
  )
}

/** Candidates as columns, the loop's areas and the outcomes that matter as rows. */
export function ComparisonTable({ comparison }: { comparison: Comparison }) {
  const { applications, areas } = comparison
  return (
    <div className="table-scroll">
      <table className="compare-table">
        <caption className="visually-hidden">
          The compared candidates of {comparison.requisition.title ?? comparison.requisition.id},
          area by area
        </caption>
        <thead>
          <tr>
            <td />
            {applications.map((entry) => (
              <th key={entry.id} scope="col">
                <Link to={`/applications/${encodeURIComponent(entry.id)}`}>
                  {candidateLabel(entry)}
                </Link>
                <span className="compare-table__detail">
                  {entry.id} · {entry.decision}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="compare-table__key">
            <th scope="row">
              Composite
              <span className="compare-table__detail">
                weighted for {comparison.requisition.level}
              </span>
            </th>
            {applications.map((entry) => (
              <td key={entry.id} className="compare-cell">
                <strong className="compare-cell__score">{formatScore(entry.composite)}</strong>
                <Adjusted value={entry.adjusted_composite} />
                {entry.missing_areas.length > 0 && entry.composite !== null && (
                  <span className="compare-table__detail">
                    over the scored areas only (missing {entry.missing_areas.join(', ')})
                  </span>
                )}
              </td>
            ))}
          </tr>
          <tr className="compare-table__key">
            <th scope="row">
              Predicted twelve-month retention
              <span className="compare-table__detail">statistical estimate, not a decision</span>
            </th>
            {applications.map((entry) => (
              <td key={entry.id} className="compare-cell" data-testid="prediction">
                <IntervalMark entry={entry} />
                <span>{predictionText(entry)}</span>
              </td>
            ))}
          </tr>
          {areas.map((area) => (
            <tr key={area.key} data-area={area.key}>
              <th scope="row">
                {area.name}
                <span className="compare-table__detail">
                  weight {formatScore(area.weight)} at this level
                </span>
              </th>
              {applications.map((entry) => (
                <AreaCell
                  key={entry.id}
                  area={entry.areas.find((scored) => scored.key === area.key)!}
                />
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Red flags</th>
            {applications.map((entry) => (
              <td key={entry.id} className="compare-cell">
                {entry.red_flags.length === 0
                  ? 'None'
                  : entry.red_flags.map((flag) => `${flag.name} ×${String(flag.count)}`).join(', ')}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Offer against the band</th>
            {applications.map((entry) => (
              <td key={entry.id} className="compare-cell">
                {offerText(entry, comparison)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  )
}
