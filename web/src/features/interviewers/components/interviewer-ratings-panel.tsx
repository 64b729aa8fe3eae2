import { useEffect, useRef, useState } from 'react'
import { Link, useLocation } from 'react-router'
import { ChartDownloads } from '../../../components/chart-downloads'
import { QueryStates } from '../../../components/query-states'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { formatRedFlags } from '../../../lib/format'
import { toCsv } from '../../../../../common/csv'
import {
  RATINGS_PAGE_SIZE,
  useInterviewerRatings,
  type InterviewerRating,
  type InterviewerRatings,
} from '../api/get-interviewer-ratings'

const ratingsCsv = (items: readonly InterviewerRating[]) =>
  toCsv(
    [
      'application_id',
      'candidate_name',
      'requisition_id',
      'requisition_title',
      'level',
      'area',
      'rating',
      'red_flags',
      'interviewed_at',
    ],
    items.map((item) => [
      item.application_id,
      item.candidate_name,
      item.requisition_id,
      item.requisition_title,
      item.level,
      item.area,
      item.rating,
      formatRedFlags(item.red_flags, '; '),
      item.interviewed_at,
    ]),
  )

function RatingsTable({ page, handle }: { page: InterviewerRatings; handle: string }) {
  return (
    <div className="table-scroll">
      <table className="interviewers-table ratings-table">
        <caption className="visually-hidden">Ratings given by {handle}</caption>
        <thead>
          <tr>
            <th scope="col">Interviewed</th>
            <th scope="col">Application</th>
            <th scope="col">Candidate</th>
            <th scope="col">Requisition</th>
            <th scope="col">Level</th>
            <th scope="col">Area</th>
            <th scope="col">Rating</th>
            <th scope="col">Red flags</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((item) => (
            <tr key={`${item.application_id}-${item.area}`}>
              <td>{item.interviewed_at ?? '–'}</td>
              <th scope="row">{item.application_id}</th>
              <td>{item.candidate_name ?? <span className="row-note">erased</span>}</td>
              <td>
                {item.requisition_title ?? item.requisition_id}
                <span className="row-note">{item.requisition_id}</span>
              </td>
              <td>{item.level}</td>
              <td>{item.area_name}</td>
              <td>{item.rating}</td>
              <td>{item.red_flags.length > 0 ? formatRedFlags(item.red_flags) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One interviewer's ratings, a page at a time; its heading takes the focus when it opens. */
export function InterviewerRatingsPanel({
  handle,
  filters,
}: {
  handle: string
  filters: AnalyticsFilters
}) {
  const [offset, setOffset] = useState(0)
  const { search } = useLocation()
  const heading = useRef<HTMLHeadingElement>(null)
  const ratings = useInterviewerRatings({
    handle,
    filters: { level: filters.level, hire_type: filters.hire_type },
    offset,
  })
  useEffect(() => heading.current?.focus(), [handle])

  return (
    <section className="panel ratings-panel" aria-labelledby="ratings-title">
      <div className="ratings-panel__header">
        <h2 id="ratings-title" ref={heading} tabIndex={-1}>
          Ratings by {handle}
        </h2>
        <Link to={{ pathname: '/interviewers', search }} className="ratings-panel__close">
          Close
        </Link>
      </div>
      <p className="power-note">
        Every rating this interviewer gave that you may see, newest interview first, narrowed by
        level and hire type (not by the as-of date).
      </p>
      <QueryStates query={ratings} what="The ratings" loading="Loading the ratings…">
        {(page) => {
          if (page.total === 0) {
            return (
              <p className="panel-state">
                No ratings by {handle} that you may see match these filters.
              </p>
            )
          }
          const last = Math.min(page.offset + page.items.length, page.total)
          return (
            <>
              <RatingsTable page={page} handle={handle} />
              <div className="ratings-panel__paging">
                <button
                  type="button"
                  disabled={page.offset === 0}
                  onClick={() => setOffset(Math.max(0, page.offset - RATINGS_PAGE_SIZE))}
                >
                  Previous
                </button>
                <span aria-live="polite" data-testid="ratings-range">
                  {page.offset + 1}–{last} of {page.total}
                </span>
                <button
                  type="button"
                  disabled={last >= page.total}
                  onClick={() => setOffset(page.offset + RATINGS_PAGE_SIZE)}
                >
                  Next
                </button>
                <ChartDownloads
                  fileName={`ratings-${handle}-${page.offset + 1}-${last}`}
                  csv={() => ratingsCsv(page.items)}
                  title={`Ratings by ${handle}`}
                />
              </div>
            </>
          )
        }}
      </QueryStates>
    </section>
  )
}
