import type { ImportProgress } from '../api/run-import'
import { readFraction } from './import-data'

interface Props {
  label: string
  latest: ReadonlyMap<string, ImportProgress>
  files: readonly File[]
  /** What happens once every byte is read: checking the rows, or writing them. */
  afterReading: string
}

export function ImportProgressBar({ label, latest, files, afterReading }: Props) {
  const fraction = readFraction(latest, files)
  const rows = [...latest.values()].reduce((sum, progress) => sum + progress.rows, 0)
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <p>
        <strong>{label}</strong>{' '}
        {fraction >= 1
          ? afterReading
          : `${Math.round(fraction * 100)}% read${rows > 0 ? ` · ${rows.toLocaleString('en')} rows` : ''}`}
      </p>
      <progress
        max={1}
        value={fraction}
        aria-label={`${label}: ${Math.round(fraction * 100)}% read`}
        data-testid="import-progress"
      />
    </div>
  )
}
