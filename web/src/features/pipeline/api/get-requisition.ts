import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const endpoint = client.api.requisitions[':id'].$get

export type RequisitionDetail = InferResponseType<typeof endpoint, 200>

export async function getRequisition(id: string): Promise<RequisitionDetail> {
  const response = await endpoint({ param: { id } })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const requisitionQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['requisitions', 'one', id], queryFn: () => getRequisition(id) })

export const useRequisition = (id: string) => useQuery(requisitionQueryOptions(id))
