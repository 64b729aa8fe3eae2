import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, responseError } from '../lib/api-client'

export async function getHealth() {
  const response = await client.api.health.$get()
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const healthQueryOptions = () =>
  queryOptions({ queryKey: ['health'], queryFn: getHealth, staleTime: 60_000 })

export const useHealth = () => useQuery(healthQueryOptions())
