import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import { pageQuery, type ListParams } from '../list-params'

const endpoint = client.api.requisitions.$get

export type RequisitionPage = InferResponseType<typeof endpoint, 200>
export type Requisition = RequisitionPage['items'][number]

export async function getRequisitions(list: ListParams): Promise<RequisitionPage> {
  const response = await endpoint({ query: definedParameters(pageQuery(list)) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const requisitionsQueryOptions = (list: ListParams) =>
  queryOptions({
    queryKey: ['requisitions', list],
    queryFn: () => getRequisitions(list),
    // The last page stays on screen while the next loads, so the table does not jump.
    placeholderData: keepPreviousData,
  })

export const useRequisitions = (list: ListParams) => useQuery(requisitionsQueryOptions(list))
