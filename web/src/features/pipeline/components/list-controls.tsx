import { useState, type ReactNode } from 'react'
import { pageCount, pageRange, type ListParams } from '../list-params'

interface SearchProps {
  label: string
  placeholder: string
  value: string
  onSearch: (q: string) => void
  /** Further filters beside the search box. */
  children?: ReactNode
}

/** A search box that writes to the URL when submitted, so every keystroke is not a request. */
export function SearchForm({ label, placeholder, value, onSearch, children }: SearchProps) {
  const [draft, setDraft] = useState(value)
  const [shown, setShown] = useState(value)
  // Follows the URL when it changes from outside (back button, a shared link).
  if (shown !== value) {
    setShown(value)
    setDraft(value)
  }
  return (
    <form
      className="filters list-search"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault()
        onSearch(draft.trim())
      }}
    >
      <label>
        Search
        <input
          type="search"
          name="q"
          value={draft}
          placeholder={placeholder}
          maxLength={100}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <button type="submit">Search</button>
      {children}
    </form>
  )
}

interface PagerProps {
  label: string
  page: { total: number; offset: number; items: readonly unknown[] }
  list: ListParams
  onPage: (page: number) => void
}

export function Pager({ label, page, list, onPage }: PagerProps) {
  const range = pageRange(page)
  const pages = pageCount(page.total)
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__range" aria-live="polite">
        {range === null ? 'Nothing to show' : `Showing ${range}`}
        {pages > 1 && ` · page ${Math.min(list.page, pages)} of ${pages}`}
      </p>
      <button type="button" disabled={list.page <= 1} onClick={() => onPage(list.page - 1)}>
        Previous
      </button>
      <button type="button" disabled={list.page >= pages} onClick={() => onPage(list.page + 1)}>
        Next
      </button>
    </nav>
  )
}
