/** The whole view's empty state: nothing in the database matches the filters. */
export function NoMatch({ what }: { what: string }) {
  return (
    <p className="panel-state">
      {/* One span, so the state's column layout does not break the sentence at the code. */}
      <span>
        No {what} match these filters. Import data with <code>npm run import</code> or clear the
        filters.
      </span>
    </p>
  )
}
