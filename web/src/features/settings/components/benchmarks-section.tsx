import { useState } from 'react'
import { PanelBoundary } from '../../../components/panel-boundary'
import { QueryStates } from '../../../components/query-states'
import { useBenchmarks, useDeleteBenchmark, type Benchmark } from '../api/benchmarks'
import { benchmarkFigure, METRIC_LABELS } from './benchmark-form-data'
import { BenchmarkForm } from './benchmark-form'
import { ConfirmButton } from './confirm-button'
import { SettingsTable } from './settings-table'

interface Props {
  editable: boolean
}

function BenchmarkRow({
  benchmark,
  editable,
  onEdit,
}: {
  benchmark: Benchmark
  editable: boolean
  onEdit: () => void
}) {
  const remove = useDeleteBenchmark()
  return (
    <tr>
      <td>{METRIC_LABELS[benchmark.metric]}</td>
      <td>{benchmark.level ?? 'every level'}</td>
      <td>{benchmark.metro ?? 'nationwide'}</td>
      <td className="settings-table__number">{benchmarkFigure(benchmark)}</td>
      <td>
        {benchmark.source}
        {benchmark.note && <span className="settings-table__note">{benchmark.note}</span>}
      </td>
      <td className="settings-table__date">{benchmark.source_date}</td>
      {editable && (
        <td>
          <div className="row-actions">
            <button type="button" className="button--secondary" onClick={onEdit}>
              Edit
            </button>
            <ConfirmButton
              label="Delete"
              question={`Delete benchmark ${benchmark.id}?`}
              confirmLabel="Delete"
              disabled={remove.isPending}
              onConfirm={() => remove.mutate(benchmark.id)}
            />
          </div>
          {remove.isError && (
            <p className="form-error" role="alert">
              Not deleted: {remove.error.message}
            </p>
          )}
        </td>
      )}
    </tr>
  )
}

/** Benchmarks with their sources: everyone reads them, admins add, change and delete. */
export function BenchmarksSection({ editable }: Props) {
  const benchmarks = useBenchmarks()
  const [editing, setEditing] = useState<Benchmark | null>(null)

  return (
    <>
      <section className="panel" aria-labelledby="benchmarks-title">
        <h2 id="benchmarks-title">Benchmarks</h2>
        <p className="settings-note">
          Salary bands and time-to-hire and retention figures the analytics compare against, each
          with where it comes from and when.
        </p>
        <QueryStates query={benchmarks} what="The benchmarks" loading="Loading benchmarks…">
          {(data) =>
            data.benchmarks.length === 0 ? (
              <p className="panel-state">
                No benchmarks yet.{editable && ' Add one with its source and date below.'}
              </p>
            ) : (
              <SettingsTable
                caption="Benchmarks"
                columns={['Metric', 'Level', 'Metro', 'Figure', 'Source', 'Date']}
                withActions={editable}
              >
                {data.benchmarks.map((benchmark) => (
                  <BenchmarkRow
                    key={benchmark.id}
                    benchmark={benchmark}
                    editable={editable}
                    onEdit={() => setEditing(benchmark)}
                  />
                ))}
              </SettingsTable>
            )
          }
        </QueryStates>
      </section>
      {editable && (
        <PanelBoundary title="The benchmark form">
          <BenchmarkForm
            key={editing?.id ?? 'new'}
            editing={editing}
            onDone={() => setEditing(null)}
          />
        </PanelBoundary>
      )}
    </>
  )
}
