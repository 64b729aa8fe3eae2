import { Link, useRouteError } from 'react-router'

export function RouteError({ notFound = false }: { notFound?: boolean }) {
  const error = useRouteError()
  const message = notFound
    ? 'There is no such page.'
    : error instanceof Error
      ? error.message
      : 'The page could not be shown.'
  return (
    <div className="panel-state panel-state--error" role="alert">
      <strong>{message}</strong>
      <Link to="/">Back to loop effectiveness</Link>
    </div>
  )
}
