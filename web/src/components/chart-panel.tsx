import type { ReactNode } from 'react'
import { PanelBoundary } from './panel-boundary'

/** A titled panel of a view whose content fails on its own, without blanking the page. */
export function ChartPanel({
  id,
  title,
  children,
}: {
  id: string
  title: string
  children: ReactNode
}) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <PanelBoundary title={title}>{children}</PanelBoundary>
    </section>
  )
}
