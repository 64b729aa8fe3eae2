import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, responseError } from '../../../lib/api-client'

const listEndpoint = client.api.benchmarks.$get

export type Benchmarks = InferResponseType<typeof listEndpoint, 200>
export type Benchmark = Benchmarks['benchmarks'][number]
export type BenchmarkInput = InferRequestType<typeof client.api.benchmarks.$post>['json']

export async function getBenchmarks(): Promise<Benchmarks> {
  const response = await listEndpoint()
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const benchmarksQueryOptions = () =>
  queryOptions({ queryKey: ['benchmarks'], queryFn: getBenchmarks })

export const useBenchmarks = () => useQuery(benchmarksQueryOptions())

/** A new benchmark without an id, a changed one with it. */
export async function saveBenchmark(input: BenchmarkInput, id: number | null): Promise<Benchmark> {
  const response =
    id === null
      ? await client.api.benchmarks.$post({ json: input })
      : await client.api.benchmarks[':id'].$put({ param: { id: String(id) }, json: input })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export async function deleteBenchmark(id: number): Promise<void> {
  const response = await client.api.benchmarks[':id'].$delete({ param: { id: String(id) } })
  if (!response.ok) throw await responseError(response)
}

/** Salary bands and benchmarks feed compa-ratios and the analytics comparisons. */
async function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: benchmarksQueryOptions().queryKey }),
    queryClient.invalidateQueries({ queryKey: ['analytics'] }),
  ])
}

export function useSaveBenchmark() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ input, id }: { input: BenchmarkInput; id: number | null }) =>
      saveBenchmark(input, id),
    onSuccess: () => refreshAfterChange(queryClient),
  })
}

export function useDeleteBenchmark() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteBenchmark,
    onSuccess: () => refreshAfterChange(queryClient),
  })
}
