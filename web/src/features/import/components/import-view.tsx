import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useSession } from '../../../lib/session'
import { runImport, type ImportOutcome, type ImportProgress } from '../api/run-import'
import { FilePicker } from './file-picker'
import { ImportError } from './import-error'
import { ImportProgressBar } from './import-progress'
import { ChangesTable, FilesTable, ProblemsTable } from './import-report'
import { MappingEditor } from './mapping-editor'
import './import.css'

const IMPORTERS = ['admin', 'talent_lead']

/** An import the server refused row by row: it says what is wrong and that nothing changed. */
function Refused({ outcome }: { outcome: ImportOutcome }) {
  return (
    <section className="panel" aria-labelledby="problems-title">
      <h2 id="problems-title">Problems in the files</h2>
      <p className="import-verdict import-verdict--refused" role="alert">
        Nothing was written: an import is written only when every row is valid. Fix the rows below
        and check the files again.
      </p>
      <ProblemsTable report={outcome.report} />
    </section>
  )
}

function useImportRun(dryRun: boolean) {
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<ReadonlyMap<string, ImportProgress>>(new Map())
  const mutation = useMutation({
    mutationFn: (files: readonly File[]) =>
      runImport(files, {
        dryRun,
        onProgress: (step) => setProgress((latest) => new Map(latest).set(step.file, step)),
      }),
    onMutate: () => setProgress(new Map()),
    onSuccess: async (outcome) => {
      // Every list and statistic may include the new records; the session is unaffected.
      if (outcome.report.written) {
        await queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] !== 'session',
        })
      }
    },
  })
  return { mutation, progress }
}

export function ImportView() {
  const session = useSession()
  const [files, setFiles] = useState<File[]>([])
  const check = useImportRun(true)
  const commit = useImportRun(false)

  if (session.data && !IMPORTERS.includes(session.data.user.role)) {
    return (
      <article className="view">
        <header className="view__header">
          <h1>Import</h1>
        </header>
        <div className="panel-state panel-state--withheld" role="status">
          <strong>Importing is open to admins and talent leads.</strong>
        </div>
      </article>
    )
  }

  const busy = check.mutation.isPending || commit.mutation.isPending
  const checked = check.mutation.data
  const committed = commit.mutation.data
  const runCheck = () => {
    commit.mutation.reset()
    check.mutation.mutate(files)
  }

  return (
    <article className="view">
      <header className="view__header">
        <h1>Import</h1>
      </header>
      <section className="panel" aria-labelledby="files-title">
        <h2 id="files-title">Files</h2>
        <FilePicker
          files={files}
          disabled={busy}
          onChange={(next) => {
            setFiles(next)
            check.mutation.reset()
            commit.mutation.reset()
          }}
        />
        <p className="import-actions">
          <button type="button" disabled={files.length === 0 || busy} onClick={runCheck}>
            Check files (dry run)
          </button>
          <span className="counts">
            A dry run reads and validates every row and counts what would change, without writing.
          </span>
        </p>
        {check.mutation.isPending && (
          <ImportProgressBar
            label="Checking"
            latest={check.progress}
            files={files}
            afterReading="Every byte read; checking the rows…"
          />
        )}
        {check.mutation.isError && <ImportError error={check.mutation.error} onRetry={runCheck} />}
      </section>

      {checked?.status === 422 && !committed && <Refused outcome={checked} />}
      {checked?.status === 200 && checked.report.changes !== null && !committed && (
        <section className="panel" aria-labelledby="preview-title">
          <h2 id="preview-title">Dry run: what would change</h2>
          <p className="import-verdict" role="status">
            Every row is valid. Nothing has been written yet.
          </p>
          <ChangesTable
            changes={checked.report.changes}
            caption="Records the import would change"
          />
          <FilesTable files={checked.report.files} />
          <p className="import-actions">
            <button type="button" disabled={busy} onClick={() => commit.mutation.mutate(files)}>
              Import {files.length} file{files.length === 1 ? '' : 's'}
            </button>
          </p>
          {commit.mutation.isPending && (
            <ImportProgressBar
              label="Importing"
              latest={commit.progress}
              files={files}
              afterReading="Every byte read; writing to the database…"
            />
          )}
          {commit.mutation.isError && (
            <ImportError
              error={commit.mutation.error}
              onRetry={() => commit.mutation.mutate(files)}
            />
          )}
        </section>
      )}
      {checked && checked.report.unmapped_attributes.length > 0 && !committed && (
        <MappingEditor unmapped={checked.report.unmapped_attributes} onSaved={runCheck} />
      )}

      {committed?.status === 422 && <Refused outcome={committed} />}
      {committed?.status === 200 && committed.report.changes !== null && (
        <section className="panel" aria-labelledby="done-title">
          <h2 id="done-title">Import finished</h2>
          <p className="import-verdict import-verdict--done" role="status">
            {committed.report.written
              ? 'Written to the database. The dashboard views now include these records.'
              : 'Nothing needed writing: the database already held these records.'}
          </p>
          <ChangesTable changes={committed.report.changes} caption="Records the import changed" />
          <FilesTable files={committed.report.files} />
        </section>
      )}
    </article>
  )
}
