import { Link } from 'react-router'

/** A 404 of a record: it does not exist, or it belongs to another hiring manager's requisition. */
export function NotFoundOrNotYours({
  what,
  back,
}: {
  what: string
  back: 'requisitions' | 'candidates'
}) {
  return (
    <>
      <strong>{what} was not found, or it is not one of yours.</strong>
      <span>
        Hiring managers see only the requisitions they own and their candidates; ask a talent lead
        if it should be yours.
      </span>
      <Link to={`/${back}`}>Back to {back}</Link>
    </>
  )
}
