import type { ReactNode } from 'react'

/** What every analytics answer says about disclosure control (see "How it's computed"). */
export interface Disclosure {
  restricted: boolean
  notes: readonly string[]
  withheld: readonly { figure: string; reason: string }[]
}

/** Why a figure of the answer is withheld, or null when it is not. */
export function withheldReason(disclosure: Disclosure, figure: string): string | null {
  return disclosure.withheld.find((entry) => entry.figure === figure)?.reason ?? null
}

/**
 * Said above figures that disclosure control shaped: what they cover and which figures are
 * withheld and why, so a restricted viewer never mistakes a withheld figure for an empty one.
 */
export function DisclosureNotice({ disclosure }: { disclosure: Disclosure }) {
  if (!disclosure.restricted) return null
  return (
    <aside className="disclosure-notice" role="note" aria-label="How these figures are limited">
      {disclosure.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      {disclosure.withheld.length > 0 && (
        <ul>
          {disclosure.withheld.map((entry) => (
            <li key={entry.figure}>{entry.reason}</li>
          ))}
        </ul>
      )}
    </aside>
  )
}

/** A panel's figure, or in its place that it is withheld and why. */
export function WithheldOr({ reason, children }: { reason: string | null; children: ReactNode }) {
  if (reason === null) return children
  return (
    <div className="panel-state panel-state--withheld" role="status">
      <strong>Not shown to you.</strong>
      <span>{reason}</span>
    </div>
  )
}
