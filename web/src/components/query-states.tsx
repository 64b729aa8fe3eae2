import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ApiRequestError } from '../lib/api-client'

export interface QueryStatesProps<Data> {
  query: UseQueryResult<Data>
  /** What is loading, as the end of "… could not be loaded", e.g. "The retention curves". */
  what: string
  /** Shown while the first answer is on its way, e.g. "Computing retention curves…". */
  loading: string
  /** Shown instead of an error when the server answers 404, e.g. a link to another's record. */
  notFound?: ReactNode
  children: (data: Data) => ReactNode
}

/**
 * The states every panel shares: loading, withheld from this role (403, with the server's
 * reason), failed (with a retry); the panel itself draws the data and its own empty state.
 */
export function QueryStates<Data>({
  query,
  what,
  loading,
  notFound,
  children,
}: QueryStatesProps<Data>) {
  if (query.isPending) {
    return (
      <p className="panel-state" aria-busy="true">
        {loading}
      </p>
    )
  }
  if (query.error instanceof ApiRequestError && query.error.status === 403) {
    // Not a failure to retry: the server withholds these figures from this role, and says why.
    return (
      <div className="panel-state panel-state--withheld" role="status">
        <strong>These figures are not shown to you for this selection.</strong>
        <span>{query.error.message}</span>
      </div>
    )
  }
  if (
    notFound !== undefined &&
    query.error instanceof ApiRequestError &&
    query.error.status === 404
  ) {
    return (
      <div className="panel-state" role="status">
        {notFound}
      </div>
    )
  }
  if (query.isError) {
    return (
      <div className="panel-state panel-state--error" role="alert">
        <strong>{what} could not be loaded.</strong>
        <span>{query.error.message}</span>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    )
  }
  return (
    <div
      aria-busy={query.isFetching}
      className={query.isPlaceholderData ? 'is-updating' : undefined}
    >
      {children(query.data)}
    </div>
  )
}
