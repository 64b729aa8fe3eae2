import { useEffect, useRef, useState } from 'react'

interface Props {
  label: string
  /** The question asked before acting, e.g. "Delete this band?". */
  question: string
  confirmLabel: string
  disabled?: boolean
  onConfirm: () => void
}

/** A button that asks once more in place before an action that cannot be undone. */
export function ConfirmButton({ label, question, confirmLabel, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false)
  const cancel = useRef<HTMLButtonElement>(null)
  const start = useRef<HTMLButtonElement>(null)
  const wasAsking = useRef(false)

  useEffect(() => {
    // Focus follows the question so a keyboard user answers it, then returns where it was.
    if (asking) cancel.current?.focus()
    else if (wasAsking.current) start.current?.focus()
    wasAsking.current = asking
  }, [asking])

  if (!asking) {
    return (
      <button
        ref={start}
        type="button"
        className="button--secondary"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    )
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className="button--danger"
        onClick={() => {
          setAsking(false)
          onConfirm()
        }}
      >
        {confirmLabel}
      </button>
      <button
        ref={cancel}
        type="button"
        className="button--secondary"
        onClick={() => setAsking(false)}
      >
        Cancel
      </button>
    </span>
  )
}
