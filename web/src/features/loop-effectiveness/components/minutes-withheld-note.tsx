import { withheldReason, type Disclosure } from '../../../components/disclosure-notice'

/** Beside an area's name in a table: why its interview minutes are withheld, where they are. */
export function MinutesWithheldNote({
  disclosure,
  area,
}: {
  disclosure: Disclosure
  area: string
}) {
  const reason = withheldReason(disclosure, `areas.${area}.minutes`)
  return reason === null ? null : <span className="row-note">{reason}</span>
}
