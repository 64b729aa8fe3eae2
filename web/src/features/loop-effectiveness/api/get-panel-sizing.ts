import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics['panel-sizing'].$get

export type PanelSizing = InferResponseType<typeof endpoint, 200>
export type AreaPanelSizing = PanelSizing['areas'][number]

export async function getPanelSizing(filters: ValidityFilters): Promise<PanelSizing> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const panelSizingQueryOptions = (filters: ValidityFilters) =>
  queryOptions({
    queryKey: ['analytics', 'panel-sizing', filters],
    queryFn: () => getPanelSizing(filters),
    placeholderData: keepPreviousData,
  })

export const usePanelSizing = (filters: ValidityFilters) =>
  useQuery(panelSizingQueryOptions(filters))
