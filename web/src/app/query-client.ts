import { QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiRequestError } from '../lib/api-client'
import { forgetSession } from '../lib/session'

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended mid-visit: the shell, seeing no session, sends the user to sign in.
        if (error instanceof ApiRequestError && error.status === 401) forgetSession(queryClient)
      },
    }),
    defaultOptions: {
      queries: {
        // A 4xx will not fix itself: show it at once instead of retrying.
        retry: (failures, error) =>
          !(error instanceof ApiRequestError && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
      },
    },
  })
  return queryClient
}
