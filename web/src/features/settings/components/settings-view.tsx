import { Navigate, NavLink, useParams } from 'react-router'
import type { UserRole } from '../../../../../db/domain'
import { PanelBoundary } from '../../../components/panel-boundary'
import { useSession } from '../../../lib/session'
import { BenchmarksSection } from './benchmarks-section'
import { RubricsSection } from './rubrics-section'
import { TokensSection } from './tokens-section'
import { UsersSection } from './users-section'
import './settings.css'

const SECTIONS = [
  { path: 'rubrics', label: 'Rubrics', roles: ['admin', 'talent_lead', 'hiring_manager'] },
  { path: 'benchmarks', label: 'Benchmarks', roles: ['admin', 'talent_lead', 'hiring_manager'] },
  { path: 'users', label: 'Users', roles: ['admin'] },
  { path: 'tokens', label: 'API tokens', roles: ['admin', 'talent_lead', 'hiring_manager'] },
] as const satisfies readonly { path: string; label: string; roles: readonly UserRole[] }[]

type Section = (typeof SECTIONS)[number]['path']

/**
 * Rubric weights, benchmarks, users and your API tokens, one section per URL. Everyone signed
 * in reads the weights and benchmarks the analytics use; only admins change them or manage users.
 */
export function SettingsView() {
  const { section } = useParams()
  const session = useSession()
  if (!session.data) return null
  const { user } = session.data
  const visible = SECTIONS.filter((each) => (each.roles as readonly UserRole[]).includes(user.role))
  if (section === undefined) return <Navigate to="/settings/rubrics" replace />
  const current = visible.find((each) => each.path === section)
  const editable = user.role === 'admin'

  const content = (path: Section) => {
    switch (path) {
      case 'rubrics':
        return <RubricsSection editable={editable} />
      case 'benchmarks':
        return <BenchmarksSection editable={editable} />
      case 'users':
        return <UsersSection yourId={user.id} />
      case 'tokens':
        return <TokensSection />
    }
  }

  return (
    <article className="view settings">
      <header className="view__header">
        <h1>Settings</h1>
        <nav aria-label="Settings sections">
          <ul className="settings__tabs">
            {visible.map((each) => (
              <li key={each.path}>
                <NavLink to={`/settings/${each.path}`}>{each.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {!editable && (section === 'rubrics' || section === 'benchmarks') && (
        <p className="settings__read-only" role="note">
          You can read these settings; only an admin can change them.
        </p>
      )}
      {current ? (
        <PanelBoundary key={current.path} title={current.label}>
          {content(current.path)}
        </PanelBoundary>
      ) : (
        <p className="panel-state" role="status">
          {SECTIONS.some((each) => each.path === section)
            ? 'Only admins manage users.'
            : `There is no settings section "${section}".`}
        </p>
      )}
    </article>
  )
}
