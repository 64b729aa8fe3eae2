import { ApiRequestError } from './api-client'

/** What the server said about each field it names: `{ field, message }` details of a 4xx. */
export function fieldErrors(error: Error | null): Record<string, string> {
  if (!(error instanceof ApiRequestError) || !Array.isArray(error.details)) return {}
  const byField: Record<string, string> = {}
  for (const detail of error.details as unknown[]) {
    if (typeof detail !== 'object' || detail === null) continue
    const { field, message } = detail as { field?: unknown; message?: unknown }
    if (typeof field === 'string' && typeof message === 'string') {
      byField[field] = byField[field] ? `${byField[field]}; ${message}` : message
    }
  }
  return byField
}
