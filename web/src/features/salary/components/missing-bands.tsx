import { Link } from 'react-router'
import type { Salary } from '../api/get-salary'
import { levelsWithoutBand, missingBandLead } from './salary-data'

/**
 * Says which levels have offers but no benchmark band of their own, and where to add one:
 * their offers are held against no band and their hires get no compa-ratio.
 */
export function MissingBands({ data }: { data: Salary }) {
  const lead = missingBandLead(levelsWithoutBand(data))
  if (lead === null) return null
  return (
    <p className="salary__missing" data-testid="missing-bands" role="note">
      {lead}: <Link to="/settings/benchmarks">add one in Settings</Link>. Until then, offers of a
      level without a band are held against none, and its hires have no compa-ratio and are left out
      of retention by compa-ratio.
    </p>
  )
}
