import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import type { AnalyticsFilters } from '../../../lib/analytics-filters'
import { client, definedParameters, responseError } from '../../../lib/api-client'

const endpoint = client.api.analytics.salary.$get

export type Salary = InferResponseType<typeof endpoint, 200>
export type LevelSalary = Salary['by_level'][number]
export type SalaryBand = Salary['bands'][number]
export type HireCompaRatio = Salary['hires'][number]

export async function getSalary(filters: AnalyticsFilters): Promise<Salary> {
  const response = await endpoint({ query: definedParameters({ ...filters }) })
  if (!response.ok) throw await responseError(response)
  return response.json()
}

export const salaryQueryOptions = (filters: AnalyticsFilters) =>
  queryOptions({
    queryKey: ['analytics', 'salary', filters],
    queryFn: () => getSalary(filters),
    // Keep the last charts on screen while a new filter loads, so the page does not jump.
    placeholderData: keepPreviousData,
  })

export const useSalary = (filters: AnalyticsFilters) => useQuery(salaryQueryOptions(filters))
