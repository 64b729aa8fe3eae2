import { useSearchParams } from 'react-router'
import { DECISIONS, type Decision } from '../../../../db/domain'

export const PAGE_SIZE = 25

/** Search, page and decision of a list, kept in the URL so a link shares the exact page. */
export interface ListParams {
  q: string
  /** 1-based. */
  page: number
  decision?: Decision
}

export function listParamsFrom(params: URLSearchParams): ListParams {
  const page = Number(params.get('page'))
  const decision = params.get('decision')
  return {
    q: (params.get('q') ?? '').trim(),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    ...(DECISIONS.includes(decision as Decision) ? { decision: decision as Decision } : {}),
  }
}

/** The URL parameters of a list, without the defaults. */
export function listSearchParams(list: ListParams): Record<string, string> {
  return {
    ...(list.q ? { q: list.q } : {}),
    ...(list.decision ? { decision: list.decision } : {}),
    ...(list.page > 1 ? { page: String(list.page) } : {}),
  }
}

/** The API's query for one page of the list. */
export const pageQuery = (list: ListParams) => ({
  q: list.q || undefined,
  decision: list.decision,
  limit: String(PAGE_SIZE),
  offset: String((list.page - 1) * PAGE_SIZE),
})

/** "26–50 of 312" for the page shown, or null when the list is empty. */
export function pageRange(page: { total: number; offset: number; items: readonly unknown[] }) {
  if (page.total === 0 || page.items.length === 0) return null
  return `${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE))

/**
 * The list's parameters and a setter that writes them to the URL: a new search or filter starts
 * again at page 1.
 */
export function useListParams(): [ListParams, (next: Partial<ListParams>) => void] {
  const [params, setParams] = useSearchParams()
  const list = listParamsFrom(params)
  const setList = (next: Partial<ListParams>) => {
    const merged = { ...list, ...next }
    if (!('page' in next)) merged.page = 1
    setParams(listSearchParams(merged))
  }
  return [list, setList]
}
