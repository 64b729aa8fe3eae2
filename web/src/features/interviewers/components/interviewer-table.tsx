import { Link, useLocation } from 'react-router'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatCorrelation, formatInterval } from '../../../lib/format'
import type { InterviewerCalibration } from '../api/get-interviewers'
import {
  aucKind,
  formatLeniency,
  interviewersCsv,
  leniencyKind,
  type Sort,
  type SortKey,
} from './interviewers-data'

/** "keeps 80%": the share of the raw figure's distance from the prior that shrinkage keeps. */
const formatShare = (weight: number) => `${Math.round(weight * 100)}%`

const COLUMNS: { key: SortKey; label: string; title?: string }[] = [
  { key: 'interviewer', label: 'Interviewer' },
  { key: 'n_ratings', label: 'Ratings' },
  {
    key: 'n_compared',
    label: 'Compared',
    title: 'Ratings of an application and area that other interviewers rated too',
  },
  { key: 'leniency', label: 'Leniency (95% CI)' },
  {
    key: 'leniency_shrunk',
    label: 'Leniency, shrunk',
    title: 'Leniency pulled toward 0 by empirical Bayes, the more the fewer ratings were compared',
  },
  { key: 'n_hires', label: 'Hires', title: 'Hires with a known twelve-month outcome they rated' },
  { key: 'auc', label: 'AUC (95% CI)' },
  {
    key: 'auc_shrunk',
    label: 'AUC, shrunk',
    title: 'AUC pulled toward the pooled AUC by empirical Bayes, the more the wider its interval',
  },
]

const LENIENCY_NOTE = {
  higher: 'rates higher',
  lower: 'rates lower',
  in_line: 'in line',
  too_few: 'too few shared',
} as const

interface Props {
  interviewers: readonly InterviewerCalibration[]
  sort: Sort
  onSort: (key: SortKey) => void
  selected: string | undefined
  fileName: string
}

/** Every interviewer's figures; headers sort, a name opens that interviewer's ratings. */
export function InterviewerTable({ interviewers, sort, onSort, selected, fileName }: Props) {
  const { search } = useLocation()
  return (
    <>
      <div className="table-scroll">
        <table className="interviewers-table" data-testid="interviewer-table">
          <caption className="visually-hidden">
            Interviewers, sorted by {COLUMNS.find((column) => column.key === sort.key)!.label},{' '}
            {sort.order === 'asc' ? 'ascending' : 'descending'}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={
                    sort.key === column.key
                      ? sort.order === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    title={column.title}
                    onClick={() => onSort(column.key)}
                  >
                    {column.label}
                    <span className="sort-button__arrow" aria-hidden="true">
                      {sort.key === column.key ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {interviewers.map((interviewer) => {
              const isSelected = interviewer.interviewer === selected
              const aucTooFew = aucKind(interviewer) === 'too_few'
              return (
                <tr
                  key={interviewer.interviewer}
                  data-interviewer={interviewer.interviewer}
                  className={isSelected ? 'is-selected' : undefined}
                >
                  <th scope="row">
                    <Link
                      to={{
                        pathname: `/interviewers/${encodeURIComponent(interviewer.interviewer)}`,
                        search,
                      }}
                      aria-current={isSelected ? 'true' : undefined}
                    >
                      {interviewer.interviewer}
                    </Link>
                  </th>
                  <td>{interviewer.n_ratings}</td>
                  <td>{interviewer.n_compared}</td>
                  <td>
                    <span className="estimate">{formatLeniency(interviewer.leniency)}</span>
                    <span className="interval">
                      {formatInterval(interviewer.leniency_ci, formatLeniency)}
                    </span>
                    <span className="row-note">{LENIENCY_NOTE[leniencyKind(interviewer)]}</span>
                  </td>
                  <td>
                    <span className="estimate">
                      {formatLeniency(
                        interviewer.leniency === null ? null : interviewer.leniency_shrunk,
                      )}
                    </span>
                    {interviewer.leniency !== null && (
                      <span className="row-note">
                        keeps {formatShare(interviewer.shrinkage_weight)}
                      </span>
                    )}
                  </td>
                  <td>{interviewer.n_hires}</td>
                  {aucTooFew ? (
                    <>
                      <td>
                        <span className="estimate">–</span>
                        <span className="row-note" title={interviewer.auc_note ?? undefined}>
                          too few hires
                        </span>
                      </td>
                      <td>
                        <span className="estimate">–</span>
                      </td>
                    </>
                  ) : (
                    <>
                      <td>
                        <span className="estimate">{formatCorrelation(interviewer.auc)}</span>
                        <span className="interval">
                          {formatInterval(interviewer.auc_ci, formatCorrelation)}
                        </span>
                      </td>
                      <td>
                        <span className="estimate">
                          {formatCorrelation(interviewer.auc_shrunk)}
                        </span>
                        {interviewer.auc_shrinkage_weight !== null && (
                          <span className="row-note">
                            keeps {formatShare(interviewer.auc_shrinkage_weight)}
                          </span>
                        )}
                      </td>
                    </>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <ChartDownloads
        fileName={`${fileName}-table`}
        csv={() => interviewersCsv(interviewers)}
        title="Interviewer calibration"
      />
    </>
  )
}
