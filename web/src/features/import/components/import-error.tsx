import { ApiRequestError } from '../../../lib/api-client'

/**
 * A failed request: a busy server (another import being written) says so and offers a retry;
 * an answer other than 2xx came before anything was written.
 */
export function ImportError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const answered = error instanceof ApiRequestError
  return (
    <div className="panel-state panel-state--error" role="alert">
      <strong>
        {answered && error.status === 503
          ? 'The server is busy with another import.'
          : 'The request did not go through.'}
      </strong>
      <span>{error.message}</span>
      <span>
        {answered
          ? 'Nothing was written.'
          : 'The connection broke before the server answered. An import is written whole or not at all: check the files again to see which.'}
      </span>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
