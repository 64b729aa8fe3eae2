import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import { pageQuery, type ListParams } from '../list-params'

const endpoint = client.api.applications.$get

export type ApplicationPage = InferResponseType<typeof endpoint, 200>
export type ApplicationSummary = ApplicationPage['items'][number]

/** Applications of one requisition, or of every requisition the viewer may see. */
export interface ApplicationsQuery extends ListParams {
  requisitionId?: string
}

export async function getApplications({
  requisitionId,
  ...list
}: ApplicationsQuery): Promise<ApplicationPage> {
  const response = await endpoint({
    query: definedParameters({ ...pageQuery(list), requisition_id: requisitionId }),
  })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const applicationsQueryOptions = (query: ApplicationsQuery) =>
  queryOptions({
    queryKey: ['applications', query],
    queryFn: () => getApplications(query),
    placeholderData: keepPreviousData,
  })

export const useApplications = (query: ApplicationsQuery) =>
  useQuery(applicationsQueryOptions(query))
