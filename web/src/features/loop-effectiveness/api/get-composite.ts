import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { client, definedParameters, responseError } from '../../../lib/api-client'
import type { ValidityFilters } from './get-validity'

const endpoint = client.api.analytics.composite.$get

export type Composite = InferResponseType<typeof endpoint, 200>
export type CompositeValidity = Composite['current']['validity']

/** The view's filters and the proposed weights as the API reads them ("ownership:0.2,…"). */
export type CompositeQuery = ValidityFilters & { weights?: string }

export async function getComposite(query: CompositeQuery): Promise<Composite> {
  const response = await endpoint({ query: definedParameters({ ...query }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const compositeQueryOptions = (query: CompositeQuery) =>
  queryOptions({
    queryKey: ['analytics', 'composite', query],
    queryFn: () => getComposite(query),
    // Keep the last figures while the next proposal is scored, so the editor does not flicker.
    placeholderData: keepPreviousData,
  })

export const useComposite = (query: CompositeQuery) => useQuery(compositeQueryOptions(query))
