import { describe, expect, it } from 'vitest'
import {
  PAGE_SIZE,
  listParamsFrom,
  listSearchParams,
  pageCount,
  pageQuery,
  pageRange,
} from '../../web/src/features/pipeline/list-params'

describe('list parameters in the URL', () => {
  it('reads search, page and decision, leaving out values that are not valid', () => {
    expect(listParamsFrom(new URLSearchParams('q=+rust+&page=3&decision=hired'))).toEqual({
      q: 'rust',
      page: 3,
      decision: 'hired',
    })
    expect(listParamsFrom(new URLSearchParams('page=-2&decision=maybe'))).toEqual({
      q: '',
      page: 1,
    })
    expect(listParamsFrom(new URLSearchParams('page=2.5'))).toEqual({ q: '', page: 1 })
  })

  it('writes only what differs from the defaults', () => {
    expect(listSearchParams({ q: '', page: 1 })).toEqual({})
    expect(listSearchParams({ q: 'ada', page: 2, decision: 'pending' })).toEqual({
      q: 'ada',
      decision: 'pending',
      page: '2',
    })
  })

  it('asks the API for the page as limit and offset', () => {
    expect(pageQuery({ q: '', page: 3 })).toEqual({
      q: undefined,
      decision: undefined,
      limit: String(PAGE_SIZE),
      offset: String(2 * PAGE_SIZE),
    })
  })

  it('describes the page shown and counts the pages', () => {
    expect(pageRange({ total: 60, offset: 25, items: new Array(25) })).toBe('26–50 of 60')
    expect(pageRange({ total: 60, offset: 50, items: new Array(10) })).toBe('51–60 of 60')
    expect(pageRange({ total: 0, offset: 0, items: [] })).toBeNull()
    expect(pageCount(0)).toBe(1)
    expect(pageCount(PAGE_SIZE)).toBe(1)
    expect(pageCount(PAGE_SIZE + 1)).toBe(2)
  })
})
