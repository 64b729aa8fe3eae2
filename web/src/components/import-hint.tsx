import { Link } from 'react-router'
import { IMPORTER_ROLES, useSignedInUser } from '../lib/session'

/**
 * Where data comes from, in a sentence: a link to the Import page for a user who may import,
 * for everyone else who may.
 */
export function ImportHint({ lead = 'Import your data on' }: { lead?: string }) {
  const user = useSignedInUser()
  if (user !== null && IMPORTER_ROLES.includes(user.role)) {
    return (
      <>
        {lead} the <Link to="/import">Import page</Link>.
      </>
    )
  }
  return <>{lead} the Import page (admins and talent leads).</>
}
