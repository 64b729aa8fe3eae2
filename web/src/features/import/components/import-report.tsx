import { useState } from 'react'
import { downloadText } from '../../../lib/download'
import type { ImportReport } from '../api/run-import'
import { changeRows, problemCountText, problemPage, problemPlace, problemsCsv } from './import-data'

const FORMAT_LABELS: Record<string, string> = {
  canonical: 'Canonical CSV',
  greenhouse: 'Greenhouse',
  lever: 'Lever',
}

export function ChangesTable({
  changes,
  caption,
}: {
  changes: NonNullable<ImportReport['changes']>
  caption: string
}) {
  const { rows, total } = changeRows(changes)
  return (
    <div className="table-scroll">
      <table className="import-table" data-testid="changes-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col" className="numeric">
              Insert
            </th>
            <th scope="col" className="numeric">
              Update
            </th>
            <th scope="col" className="numeric">
              Unchanged
            </th>
            <th scope="col" className="numeric">
              Delete
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows, total].map((row) => (
            <tr key={row.entity} className={row === total ? 'import-table__total' : undefined}>
              <th scope="row">{row.entity}</th>
              <td className="numeric">{row.insert}</td>
              <td className="numeric">{row.update}</td>
              <td className="numeric">{row.unchanged}</td>
              <td className="numeric">{row.delete}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function FilesTable({ files }: { files: ImportReport['files'] }) {
  return (
    <div className="table-scroll">
      <table className="import-table">
        <caption>Files read</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Holds</th>
            <th scope="col" className="numeric">
              Rows
            </th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.file}>
              <th scope="row">{file.file}</th>
              <td>{file.format === null ? 'Not recognised' : FORMAT_LABELS[file.format]}</td>
              <td>{file.kind ?? '–'}</td>
              <td className="numeric">{file.rows}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Every problem the server listed, a page at a time, and all of them as a CSV download. */
export function ProblemsTable({ report }: { report: ImportReport }) {
  const [page, setPage] = useState(0)
  const shown = problemPage(report.problems, page)
  const pager =
    shown.pages > 1 ? (
      <nav className="import-problems__pager" aria-label="Pages of problems">
        <button type="button" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
          Previous
        </button>
        <span aria-live="polite">{shown.label}</span>
        <button
          type="button"
          disabled={shown.page === shown.pages - 1}
          onClick={() => setPage(shown.page + 1)}
        >
          Next
        </button>
      </nav>
    ) : null
  return (
    <>
      <div className="import-problems__summary">
        <p className="counts">{problemCountText(report.problems.length, report.problem_count)}</p>
        <button
          type="button"
          onClick={() => downloadText('import-problems.csv', problemsCsv(report.problems))}
        >
          Download problems (CSV)
        </button>
      </div>
      {pager}
      <div className="table-scroll">
        <table className="import-table" data-testid="problems-table">
          <caption className="visually-hidden">Problems found in the files</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Where</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.problems.map((problem, index) => (
              // Problems have no id; the same place can hold several, so the index keeps keys apart.
              <tr key={`${problem.file}-${problemPlace(problem)}-${problem.column ?? ''}-${index}`}>
                <td>{problem.file}</td>
                <td>{problemPlace(problem)}</td>
                <td>{problem.column ?? '–'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
