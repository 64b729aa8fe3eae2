import type { ReactNode } from 'react'

/** A term and its value; `false` leaves out a fact that does not apply. */
export type Fact = readonly [term: string, value: ReactNode] | false

export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(
        (fact) =>
          fact && (
            <div key={fact[0]}>
              <dt>{fact[0]}</dt>
              <dd>{fact[1]}</dd>
            </div>
          ),
      )}
    </dl>
  )
}
