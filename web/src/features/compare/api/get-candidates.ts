import { queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const requisitionsEndpoint = client.api.requisitions.$get
const applicationsEndpoint = client.api.applications.$get

export type RequisitionOption = InferResponseType<typeof requisitionsEndpoint, 200>['items'][number]
export type CandidateOption = InferResponseType<typeof applicationsEndpoint, 200>['items'][number]

// A requisition's candidates and a manager's requisitions fit in one page of the API's largest size.
const PAGE = '500'

export async function getRequisitionOptions(): Promise<RequisitionOption[]> {
  const response = await requisitionsEndpoint({ query: { limit: PAGE } })
  if (!response.ok) throw await responseError(response)
  return (await response.json()).items
}

export async function getCandidateOptions(requisitionId: string): Promise<CandidateOption[]> {
  const response = await applicationsEndpoint({
    query: { requisition_id: requisitionId, limit: PAGE },
  })
  if (!response.ok) throw await responseError(response)
  return (await response.json()).items
}

export const useRequisitionOptions = () =>
  useQuery(queryOptions({ queryKey: ['compare', 'requisitions'], queryFn: getRequisitionOptions }))

export const useCandidateOptions = (requisitionId: string | null) =>
  useQuery(
    queryOptions({
      queryKey: ['compare', 'candidates', requisitionId],
      queryFn: () => getCandidateOptions(requisitionId!),
      enabled: requisitionId !== null,
    }),
  )
