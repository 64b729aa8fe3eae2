import type { ReactNode } from 'react'

interface Props {
  caption: string
  columns: readonly string[]
  /** Whether the rows end in a cell of buttons, whose header only screen readers hear. */
  withActions: boolean
  children: ReactNode
}

/** The table of a settings section, scrolling sideways on a narrow screen. */
export function SettingsTable({ caption, columns, withActions, children }: Props) {
  return (
    <div className="table-scroll">
      <table className="settings-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {withActions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
