import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const endpoint = client.api.applications[':id'].$get

export type ApplicationDetail = InferResponseType<typeof endpoint, 200>
export type Rating = ApplicationDetail['scores'][number]

export async function getApplication(id: string): Promise<ApplicationDetail> {
  const response = await endpoint({ param: { id } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const applicationQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['applications', 'one', id], queryFn: () => getApplication(id) })

export const useApplication = (id: string) => useQuery(applicationQueryOptions(id))
