// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportProblem, ImportReport } from '../../web/src/features/import/api/run-import'
import { ProblemsTable } from '../../web/src/features/import/components/import-report'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

// jsdom's Blob has no text(); its FileReader reads it.
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.readAsText(blob)
  })

/** 117 problems on lines 2 to 118 of applications.csv, one a formula a spreadsheet would run. */
const PROBLEMS: ImportProblem[] = Array.from({ length: 117 }, (_, k) => ({
  file: 'applications.csv',
  line: k + 2,
  path: null,
  column: 'level',
  message: k === 116 ? '=HYPERLINK("x") is not a level' : `level "lead-${k}" is not a level`,
}))

function refused(problems: ImportProblem[], problemCount = problems.length): ImportReport {
  return {
    ok: false,
    dry_run: true,
    written: false,
    files: [{ file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 118 }],
    problem_count: problemCount,
    problems,
    unmapped_attributes: [],
    changes: null,
  }
}

const bodyRows = () => within(screen.getByTestId('problems-table')).getAllByRole('row').slice(1)

describe('the problem list of an import', () => {
  it('shows every problem a page at a time, none clipped away', () => {
    render(<ProblemsTable report={refused(PROBLEMS)} />)
    expect(screen.getByText('117 problems found.')).toBeTruthy()
    const pages = screen.getByRole('navigation', { name: 'Pages of problems' })
    expect(within(pages).getByText('Problems 1–50 of 117')).toBeTruthy()
    expect(bodyRows()).toHaveLength(50)
    expect(bodyRows()[0]!.textContent).toBe(
      'applications.csvline 2levellevel "lead-0" is not a level',
    )
    const previous = within(pages).getByRole<HTMLButtonElement>('button', { name: 'Previous' })
    const next = within(pages).getByRole<HTMLButtonElement>('button', { name: 'Next' })
    expect(previous.disabled).toBe(true)

    fireEvent.click(next)
    expect(within(pages).getByText('Problems 51–100 of 117')).toBeTruthy()
    expect(bodyRows()[0]!.textContent).toContain('line 52')
    fireEvent.click(next)
    expect(within(pages).getByText('Problems 101–117 of 117')).toBeTruthy()
    expect(bodyRows()).toHaveLength(17)
    expect(bodyRows().at(-1)!.textContent).toContain('line 118')
    expect(next.disabled).toBe(true)
    fireEvent.click(previous)
    expect(within(pages).getByText('Problems 51–100 of 117')).toBeTruthy()
  })

  it('needs no pages for a short list', () => {
    render(<ProblemsTable report={refused(PROBLEMS.slice(0, 17))} />)
    expect(bodyRows()).toHaveLength(17)
    expect(screen.queryByRole('navigation', { name: 'Pages of problems' })).toBeNull()
  })

  it('says when the server listed only the first problems it counted', () => {
    render(<ProblemsTable report={refused(PROBLEMS.slice(0, 17), 2400)} />)
    expect(screen.getByText('2400 problems found; the first 17 are listed.')).toBeTruthy()
  })

  it('downloads every listed problem as formula-safe CSV with file, line, column and message', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:problems'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    render(<ProblemsTable report={refused(PROBLEMS)} />)
    fireEvent.click(screen.getByRole('button', { name: 'Download problems (CSV)' }))
    expect(names).toEqual(['import-problems.csv'])
    const lines = (await textOf(blobs[0]!)).trimEnd().split('\r\n')
    expect(lines).toHaveLength(118)
    expect(lines[0]).toBe('file,line,path,column,message')
    expect(lines[1]).toBe('applications.csv,2,,level,"level ""lead-0"" is not a level"')
    expect(lines[117]).toBe('applications.csv,118,,level,"\'=HYPERLINK(""x"") is not a level"')
  })
})
