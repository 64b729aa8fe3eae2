import { useId, useState } from 'react'

interface Props {
  files: readonly File[]
  onChange: (files: File[]) => void
  disabled: boolean
}

/** Files added later replace earlier ones of the same name: problems are reported by name. */
function withAdded(files: readonly File[], added: readonly File[]): File[] {
  const names = new Set(added.map((file) => file.name))
  return [...files.filter((file) => !names.has(file.name)), ...added]
}

const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`

/** A drop zone with a native file input inside it, so a keyboard reaches the same choice. */
export function FilePicker({ files, onChange, disabled }: Props) {
  const inputId = useId()
  const [dragging, setDragging] = useState(false)
  return (
    <div>
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault()
          if (!disabled) setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          if (!disabled) onChange(withAdded(files, [...event.dataTransfer.files]))
        }}
      >
        <p>Drop canonical CSV, Greenhouse JSON or Lever JSON files here, or</p>
        <input
          id={inputId}
          type="file"
          multiple
          accept=".csv,.json,text/csv,application/json"
          className="visually-hidden"
          disabled={disabled}
          onChange={(event) => {
            onChange(withAdded(files, [...(event.target.files ?? [])]))
            // Choosing the same file again after removing it must fire a change.
            event.target.value = ''
          }}
        />
        <label htmlFor={inputId} className="drop-zone__label">
          Choose files
        </label>
      </div>
      {files.length > 0 && (
        <ul className="file-list" aria-label="Files to import">
          {files.map((file) => (
            <li key={file.name}>
              <span>{file.name}</span>
              <span className="file-list__size">{sizeText(file.size)}</span>
              <button
                type="button"
                className="link-button"
                disabled={disabled}
                aria-label={`Remove ${file.name}`}
                onClick={() => onChange(files.filter((kept) => kept !== file))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
