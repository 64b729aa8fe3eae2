import { queryOptions, useQuery } from '@tanstack/react-query'
import { client, responseError } from './api-client'

const endpoint = client.api.requisitions.$get

/** The API's largest page: a filter lists the viewer's requisitions in one answer. */
const LIMIT = 500

/** The requisitions the viewer may see (a hiring manager's own), to offer in a filter. */
export const requisitionOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['requisitions', 'options'],
    queryFn: async () => {
      const response = await endpoint({ query: { limit: String(LIMIT) } })
      if (!response.ok) throw await responseError(response)
      const page = await response.json()
      return {
        options: page.items.map(({ id, title, level }) => ({ id, title, level })),
        complete: page.total <= page.items.length,
      }
    },
    staleTime: 5 * 60_000,
  })

/** Asked for only once `wanted` (the field was focused): most visits never open the list. */
export const useRequisitionOptions = (wanted: boolean) =>
  useQuery({ ...requisitionOptionsQueryOptions(), enabled: wanted })
