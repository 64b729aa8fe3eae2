import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const requisitionsEndpoint = client.api.requisitions.$get
const candidatesEndpoint = client.api.compare.candidates.$get

export type RequisitionOption = InferResponseType<typeof requisitionsEndpoint, 200>['items'][number]
export type CandidateList = InferResponseType<typeof candidatesEndpoint, 200>
export type CandidateOption = CandidateList['candidates'][number]
/** Still open, hired, not hired, or all: what the list endpoint filters by. */
export type StatusFilter = NonNullable<
  InferRequestType<typeof candidatesEndpoint>['query']['status']
>

// A manager's requisitions fit in one page of the API's largest size.
const PAGE = '500'

export async function getRequisitionOptions(): Promise<RequisitionOption[]> {
  const response = await requisitionsEndpoint({ query: { limit: PAGE } })
  if (!response.ok) throw await responseError(response)
  return (await response.json()).items
}

export interface CandidateQuery {
  requisitionId: string
  status: StatusFilter
  search: string
}

export async function getCandidateList({
  requisitionId,
  status,
  search,
}: CandidateQuery): Promise<CandidateList> {
  const response = await candidatesEndpoint({
    query: { requisition_id: requisitionId, status, ...(search !== '' && { q: search }) },
  })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const useRequisitionOptions = () =>
  useQuery(queryOptions({ queryKey: ['compare', 'requisitions'], queryFn: getRequisitionOptions }))

/** Keeps the last list on screen while a search or filter change loads, so typing never blanks it. */
export const useCandidateList = (query: CandidateQuery | null) =>
  useQuery(
    queryOptions({
      queryKey: ['compare', 'candidates', query],
      queryFn: () => getCandidateList(query!),
      enabled: query !== null,
      placeholderData: keepPreviousData,
    }),
  )
