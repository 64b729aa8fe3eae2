import { ImportHint } from './import-hint'

interface Props {
  /** What there is none of: "applications", "hires", … */
  what: string
  /** Whether the view has a filter set: without one, there is simply no data yet. */
  filtered: boolean
}

/** The whole view's empty state: no data yet, or none that matches the filters. */
export function NoMatch({ what, filtered }: Props) {
  return (
    <p className="panel-state">
      {/* One span, so the state's column layout does not break the sentence at the link. */}
      {filtered ? (
        <span>No {what} match these filters. Clear the filters to see everything.</span>
      ) : (
        <span>
          No {what} yet. <ImportHint />
        </span>
      )}
    </p>
  )
}
