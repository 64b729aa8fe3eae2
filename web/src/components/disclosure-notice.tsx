/** What every analytics answer says about disclosure control (see "How it's computed"). */
export interface Disclosure {
  restricted: boolean
  notes: readonly string[]
  withheld: readonly string[]
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
          {disclosure.withheld.map((figure) => (
            <li key={figure}>{figure}</li>
          ))}
        </ul>
      )}
    </aside>
  )
}
