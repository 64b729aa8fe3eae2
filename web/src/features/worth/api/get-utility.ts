import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { WorthFilters } from './get-expectancy'

const endpoint = client.api.analytics.utility.$get

export type Utility = InferResponseType<typeof endpoint, 200>
export type UtilityScenario = Utility['current']

/** The filters and the inputs a user may change, as the URL and the API carry them. */
export type UtilityQuery = WorthFilters & {
  weights?: string
  sdy_share?: string
  hourly_cost?: string
}

export async function getUtility(query: UtilityQuery): Promise<Utility> {
  const response = await endpoint({ query: definedParameters({ ...query }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const utilityQueryOptions = (query: UtilityQuery) =>
  queryOptions({
    queryKey: ['analytics', 'utility', query],
    queryFn: () => getUtility(query),
    // Keep the last figures while an edited input is computed, so the panel does not flicker.
    placeholderData: keepPreviousData,
  })

export const useUtility = (query: UtilityQuery) => useQuery(utilityQueryOptions(query))
