import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Suspense, useState } from 'react'
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import { USER_ROLES, type UserRole } from '../../../db/domain'
import { setCsrfToken } from '../lib/api-client'
import { ImportHint } from '../components/import-hint'
import { PasswordPrompt } from '../features/account/components/password-prompt'
import { useHealth } from './health'
import { ROLE_LABELS, signOut, useSession, type Session } from '../lib/session'

const LEADS: readonly UserRole[] = ['admin', 'talent_lead']

// Analytics first, then the people behind them, then the data and settings.
const NAVIGATION: { to: string; label: string; end: boolean; roles: readonly UserRole[] }[] = [
  { to: '/', label: 'Loop effectiveness', end: true, roles: USER_ROLES },
  { to: '/worth', label: 'Worth', end: false, roles: USER_ROLES },
  { to: '/retention', label: 'Retention', end: false, roles: USER_ROLES },
  { to: '/time-to-hire', label: 'Time to hire', end: false, roles: USER_ROLES },
  { to: '/salary', label: 'Salary bands', end: false, roles: USER_ROLES },
  { to: '/interviewers', label: 'Interviewers', end: false, roles: USER_ROLES },
  { to: '/questions', label: 'Questions', end: false, roles: USER_ROLES },
  { to: '/sources', label: 'Sources', end: false, roles: USER_ROLES },
  // Self-identified groups: the API answers only admins and talent leads.
  { to: '/fairness', label: 'Fairness', end: false, roles: LEADS },
  { to: '/compare', label: 'Compare candidates', end: false, roles: USER_ROLES },
  { to: '/requisitions', label: 'Requisitions', end: false, roles: USER_ROLES },
  { to: '/candidates', label: 'Candidates', end: false, roles: USER_ROLES },
  { to: '/import', label: 'Import', end: false, roles: LEADS },
  { to: '/settings', label: 'Settings', end: false, roles: USER_ROLES },
  { to: '/how-its-computed', label: "How it's computed", end: false, roles: USER_ROLES },
]

function DemoBanner() {
  const health = useHealth()
  if (!health.data?.demo_data) return null
  return (
    <p className="demo-banner" role="status">
      You are looking at <strong>generated demo data</strong>, not a real hiring history. For your
      own, start Loopscope on a new database (<code>DEMO_DATA=false</code>), then{' '}
      <ImportHint lead="import it on" />
    </p>
  )
}

function SignedInUser({ user }: { user: Session['user'] }) {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      // Leave the shell first, so clearing the cache does not make it ask for the session again.
      await navigate('/sign-in', { flushSync: true })
      setCsrfToken(null)
      queryClient.clear()
    },
  })
  return (
    <div className="shell__user">
      <p className="shell__user-name">
        <span>{user.name ?? user.email}</span>
        <span className="shell__user-detail">
          {user.name !== null && <>{user.email} · </>}
          {ROLE_LABELS[user.role]}
        </span>
      </p>
      <button
        type="button"
        className="shell__sign-out"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
      >
        Sign out
      </button>
      {mutation.isError && (
        <p className="shell__user-error" role="alert">
          Could not sign out: {mutation.error.message}
        </p>
      )}
    </div>
  )
}

export function AppShell() {
  const session = useSession()
  const location = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)

  if (session.isPending) {
    return (
      <p className="panel-state shell__pending" role="status">
        Loading Loopscope…
      </p>
    )
  }
  if (session.isError) {
    return (
      <div className="panel-state panel-state--error shell__pending" role="alert">
        <strong>Loopscope could not check who is signed in.</strong>
        <span>{session.error.message}</span>
        <button type="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </div>
    )
  }
  if (session.data === null) {
    const next = new URLSearchParams({ next: `${location.pathname}${location.search}` })
    return <Navigate to={`/sign-in?${next}`} replace />
  }

  const { user } = session.data
  return (
    <div className="shell">
      <a className="skip-link" href="#view">
        Skip to the view
      </a>
      <header className="shell__header">
        <a className="shell__brand" href="/">
          Loopscope
        </a>
        <nav aria-label="Views" className="shell__views">
          {/* On a narrow screen the views fold behind one button; wider, it is not shown. */}
          <button
            type="button"
            className="shell__menu"
            aria-expanded={menuOpen}
            aria-controls="shell-views"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Views <span aria-hidden="true">{menuOpen ? '▴' : '▾'}</span>
          </button>
          <ul id="shell-views" className="shell__nav" data-open={menuOpen}>
            {NAVIGATION.filter((item) => item.roles.includes(user.role)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SignedInUser user={user} />
      </header>
      <DemoBanner />
      <main id="view" className="shell__main" tabIndex={-1}>
        {session.data.must_change_password ? (
          // A printed password comes first: no view until the user has their own.
          <PasswordPrompt />
        ) : (
          <Suspense fallback={<p className="panel-state">Loading view…</p>}>
            <Outlet />
          </Suspense>
        )}
      </main>
    </div>
  )
}
