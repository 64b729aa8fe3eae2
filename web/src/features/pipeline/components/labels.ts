import type { Decision, HireType } from '../../../../../db/domain'
import { HIRE_TYPE_LABELS } from '../../../components/analytics-filters-bar'

export const DECISION_LABELS: Record<Decision, string> = {
  hired: 'Hired',
  rejected: 'Rejected',
  withdrew: 'Withdrew',
  pending: 'Pending',
}

export const hireTypeLabel = (hireType: HireType | null) =>
  hireType === null ? 'Not recorded' : HIRE_TYPE_LABELS[hireType]

/** The calendar day of a date or timestamp, as the API writes it. */
export const dayOf = (date: string) => date.slice(0, 10)
